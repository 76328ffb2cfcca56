import XCTest

/// Builds with the NamespaceTransformer and PrefixSuffixTransformer configs under `transformers:`:
/// which fields they set, ServiceAccount subjects, and the field specs they need.
/// Every expected output and error was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class PluginNamespaceAndPrefixTransformerTests: PluginTransformerTestCase {
    /// Only fields without a namespace are set; every ServiceAccount subject follows.
    func testNamespaceTransformerUnsetOnlyAndServiceAccountSubjects() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - namespace.yaml

            """)
        try tree.write("resources.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: unset
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: set
              namespace: keep
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: rb
            subjects:
            - kind: ServiceAccount
              name: default
            - kind: ServiceAccount
              name: app
            - kind: User
              name: jane

            """)
        try tree.write("namespace.yaml", """
            apiVersion: builtin
            kind: NamespaceTransformer
            metadata:
              name: ns
              namespace: prod
            unsetOnly: true
            setRoleBindingSubjects: allServiceAccounts

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: rb
              namespace: prod
            subjects:
            - kind: ServiceAccount
              name: default
              namespace: prod
            - kind: ServiceAccount
              name: app
              namespace: prod
            - kind: User
              name: jane
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: set
              namespace: keep
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: unset
              namespace: prod

            """)
    }

    /// metadata.namespace is always set on namespaced kinds; other fields only when listed.
    /// The Namespace object keeps its name (no metadata/name spec), subjects are left alone.
    func testNamespaceTransformerListedFieldsOnly() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - namespace.yaml

            """)
        try tree.write("resources.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: old
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: crb
            subjects:
            - kind: ServiceAccount
              name: default
              namespace: old
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              targetNamespace: old

            """)
        try tree.write("namespace.yaml", """
            apiVersion: builtin
            kind: NamespaceTransformer
            metadata:
              name: ns
              namespace: prod
            setRoleBindingSubjects: none
            fieldSpecs:
            - path: spec/targetNamespace
              kind: Widget

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: old
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: crb
            subjects:
            - kind: ServiceAccount
              name: default
              namespace: old
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
              namespace: prod
            spec:
              targetNamespace: prod

            """)
    }

    func testNamespaceTransformerRejectsUnknownSubjectMode() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - namespace.yaml

            """)
        try tree.write("resources.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """)
        try tree.write("namespace.yaml", """
            apiVersion: builtin
            kind: NamespaceTransformer
            metadata:
              name: ns
              namespace: prod
            setRoleBindingSubjects: some

            """)
        // kubectl kustomize: plugin NamespaceTransformer.builtin.[noGrp]/ns.prod fails configuration: invalid value "some" for setRoleBindingSubjects: must be one of "defaultOnly", "none" o
        XCTAssertTrue(tree.buildError(".").contains("invalid value \"some\" for setRoleBindingSubjects"), tree.buildError("."))
    }

    /// Only ConfigMaps are renamed; references follow through the name-reference step.
    func testPrefixSuffixTransformerUsesOnlyItsFieldSpecs() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - affix.yaml

            """)
        try tree.write("resources.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - name: web
                    image: nginx:1.0
                    envFrom:
                    - configMapRef:
                        name: settings
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              image: nginx:1.0
              size: 2
              settingsRef: settings

            """)
        try tree.write("affix.yaml", """
            apiVersion: builtin
            kind: PrefixSuffixTransformer
            metadata:
              name: affix
            prefix: pre-
            suffix: -suf
            fieldSpecs:
            - path: metadata/name
              kind: ConfigMap
            - path: spec/settingsRef
              kind: Widget

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: pre-settings-suf
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - envFrom:
                    - configMapRef:
                        name: pre-settings-suf
                    image: nginx:1.0
                    name: web
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              image: nginx:1.0
              settingsRef: pre-settings-suf
              size: 2

            """)
    }

    /// The prefix/suffix plugins read YAML field names exactly: `FieldSpecs` is not `fieldSpecs`.
    func testPrefixTransformerNeedsFieldSpecs() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - prefix.yaml

            """)
        try tree.write("resources.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - name: web
                    image: nginx:1.0
                    envFrom:
                    - configMapRef:
                        name: settings
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              image: nginx:1.0
              size: 2
              settingsRef: settings

            """)
        try tree.write("prefix.yaml", """
            apiVersion: builtin
            kind: PrefixTransformer
            metadata:
              name: p
            prefix: pre-
            FieldSpecs:
            - path: metadata/name

            """)
        // kubectl kustomize: plugin PrefixTransformer.builtin.[noGrp]/p.[noNs] fails configuration: fieldSpecs is not expected to be nil
        XCTAssertTrue(tree.buildError(".").contains("fieldSpecs is not expected to be nil"), tree.buildError("."))
    }
}
