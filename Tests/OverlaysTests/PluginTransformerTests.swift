import XCTest

/// Builds with builtin plugin configs under `transformers:` and `validators:`.
/// Every expected output and error was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class PluginTransformerTests: XCTestCase {
    private let tree = PluginTestTree("transformers")

    override func tearDown() {
        tree.remove(testName: name)
    }

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

    /// Configs decoded through JSON match field names in any case and ignore unknown fields.
    func testLabelAndAnnotationTransformersIgnoreCaseAndUnknownFields() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - labels.yaml

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
        try tree.write("labels.yaml", """
            apiVersion: builtin
            kind: LabelTransformer
            metadata:
              name: labels
            Labels:
              tier: "1"
              team: web
            unknownField: ignored
            fieldSpecs:
            - path: metadata/labels
              create: true
            - path: spec/template/metadata/labels
              kind: Deployment
              create: true
            ---
            apiVersion: builtin
            kind: AnnotationsTransformer
            metadata:
              name: notes
            annotations:
              note: hello
            fieldSpecs:
            - path: metadata/annotations
              kind: Widget
              create: true

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                team: web
                tier: "1"
              name: settings
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                team: web
                tier: "1"
              name: web
            spec:
              replicas: 1
              template:
                metadata:
                  labels:
                    team: web
                    tier: "1"
                spec:
                  containers:
                  - envFrom:
                    - configMapRef:
                        name: settings
                    image: nginx:1.0
                    name: web
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              annotations:
                note: hello
              labels:
                team: web
                tier: "1"
              name: widget
            spec:
              image: nginx:1.0
              settingsRef: settings
              size: 2

            """)
    }

    /// Container images are always updated; the listed fields too. Replicas go only where the config says.
    func testImageTagAndReplicaCountTransformers() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - image.yaml
            - replicas.yaml

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
        try tree.write("image.yaml", """
            apiVersion: builtin
            kind: ImageTagTransformer
            metadata:
              name: image
            imageTag:
              name: nginx
              newName: registry.example.com/nginx
              newTag: "2.0"
            fieldSpecs:
            - path: spec/image
              kind: Widget

            """)
        try tree.write("replicas.yaml", """
            apiVersion: builtin
            kind: ReplicaCountTransformer
            metadata:
              name: replicas
            replica:
              name: widget
              count: 5
            fieldSpecs:
            - path: spec/size
              kind: Widget

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
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
                        name: settings
                    image: registry.example.com/nginx:2.0
                    name: web
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              image: registry.example.com/nginx:2.0
              settingsRef: settings
              size: 5

            """)
    }

    /// Patch files are read relative to the kustomization.
    func testPatchPlugins() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - patches.yaml

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
        try tree.write("patches.yaml", """
            apiVersion: builtin
            kind: PatchTransformer
            metadata:
              name: patch
            path: scale.yaml
            target:
              kind: Deployment
            ---
            apiVersion: builtin
            kind: PatchStrategicMergeTransformer
            metadata:
              name: smp
            paths:
            - widget.yaml
            patches: |-
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: settings
              data:
                mode: fast
            ---
            apiVersion: builtin
            kind: PatchJson6902Transformer
            metadata:
              name: json
            target:
              group: example.com
              version: v1
              kind: Widget
              name: widget
            jsonOp: |-
              - op: add
                path: /spec/color
                value: blue

            """)
        try tree.write("scale.yaml", """
            - op: replace
              path: /spec/replicas
              value: 3

            """)
        try tree.write("widget.yaml", """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              size: 4

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            data:
              mode: fast
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                  - envFrom:
                    - configMapRef:
                        name: settings
                    image: nginx:1.0
                    name: web
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              color: blue
              image: nginx:1.0
              settingsRef: settings
              size: 4

            """)
    }

    /// kustomize appends the hash again when the build ends.
    func testHashTransformerHashesAgainAtTheEnd() throws {
        try tree.write("kustomization.yaml", """
            configMapGenerator:
            - name: gen
              literals:
              - a=b
            transformers:
            - hash.yaml

            """)
        try tree.write("hash.yaml", """
            apiVersion: builtin
            kind: HashTransformer
            metadata:
              name: hash

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              name: gen-4h2mbtbbt6-4h2mbtbbt6

            """)
    }

    /// A directory entry is built like a base (its namePrefix renames the config, harmlessly);
    /// the inline config runs first although listed second.
    func testInlineConfigsComeBeforePathsAndDirectoriesAreBuilt() throws {
        try tree.write("app/kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - ../shared
            - |-
              apiVersion: builtin
              kind: PrefixTransformer
              metadata:
                name: inline
              prefix: inline-
              fieldSpecs:
              - path: metadata/name

            """)
        try tree.write("app/resources.yaml", """
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
        try tree.write("shared/kustomization.yaml", """
            resources:
            - suffix.yaml
            namePrefix: renamed-

            """)
        try tree.write("shared/suffix.yaml", """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: builtin
              kind: SuffixTransformer
              metadata:
                name: suffix
              suffix: -shared
              fieldSpecs:
              - path: metadata/name

            """)
        XCTAssertEqual(try tree.build("app"), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: inline-settings-shared
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: inline-web-shared
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - envFrom:
                    - configMapRef:
                        name: inline-settings-shared
                    image: nginx:1.0
                    name: web
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: inline-widget-shared
            spec:
              image: nginx:1.0
              settingsRef: settings
              size: 2

            """)
    }

    func testDuplicateConfigIDsAreAnError() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - labels.yaml
            - |-
              apiVersion: builtin
              kind: LabelTransformer
              metadata:
                name: labels

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
        try tree.write("labels.yaml", """
            apiVersion: builtin
            kind: LabelTransformer
            metadata:
              name: labels

            """)
        // kubectl kustomize: accumulation err='merging resources from 'labels.yaml': may not add resource with an already registered id: LabelTransformer.builtin.[noGrp]/labels.[noNs]': mus
        XCTAssertTrue(tree.buildError(".").contains("already registered id"), tree.buildError("."))
    }

    func testExternalPluginsAreRefused() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - fn.yaml

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
        try tree.write("fn.yaml", """
            apiVersion: example.com/v1
            kind: SetTeam
            metadata:
              name: fn
              annotations:
                config.kubernetes.io/function: |
                  container:
                    image: example.com/set-team:v1

            """)
        // kubectl kustomize: external plugins disabled; unable to load external plugin 'SetTeam'
        XCTAssertTrue(tree.buildError(".").contains("needs plugins, which sts-kustomize does not run"), tree.buildError("."))
    }

    func testUnregisteredBuiltinKindIsAnError() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - sort.yaml

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
        try tree.write("sort.yaml", """
            apiVersion: builtin
            kind: SortOrderTransformer
            metadata:
              name: sort
            sortOptions:
              order: fifo

            """)
        // kubectl kustomize: unable to load builtin SortOrderTransformer.builtin.[noGrp]
        XCTAssertTrue(tree.buildError(".").contains("unable to load builtin SortOrderTransformer.builtin.[noGrp]"), tree.buildError("."))
    }

    func testGeneratorKindUnderTransformersIsAnError() throws {
        try tree.write("kustomization.yaml", """
            transformers:
            - cm.yaml

            """)
        try tree.write("cm.yaml", """
            apiVersion: builtin
            kind: ConfigMapGenerator
            metadata:
              name: cm
            literals:
            - a=b

            """)
        // kubectl kustomize: plugin ConfigMapGenerator.builtin.[noGrp]/cm.[noNs] not a transformer
        XCTAssertTrue(tree.buildError(".").contains("not a transformer"), tree.buildError("."))
    }

    /// kustomize has no builtin validators, but runs a builtin transformer given as one.
    func testValidatorThatChangesNothingPasses() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            validators:
            - check.yaml

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
        try tree.write("check.yaml", """
            apiVersion: builtin
            kind: LabelTransformer
            metadata:
              name: check
            fieldSpecs:
            - path: metadata/labels
              create: true

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
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
                        name: settings
                    image: nginx:1.0
                    name: web
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              image: nginx:1.0
              settingsRef: settings
              size: 2

            """)
    }

    func testValidatorThatChangesResourcesFails() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            validators:
            - check.yaml

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
        try tree.write("check.yaml", """
            apiVersion: builtin
            kind: LabelTransformer
            metadata:
              name: check
            labels:
              checked: "yes"
            fieldSpecs:
            - path: metadata/labels
              create: true

            """)
        // kubectl kustomize: validator shouldn't modify the resource map: nodes unequal:
        XCTAssertTrue(tree.buildError(".").contains("validator shouldn't modify the resource map"), tree.buildError("."))
    }

    /// The config reaches the plugin through JSON: JSON-decoding plugins print non-integral
    /// numbers with float32 precision, YAML-decoding ones (prefix) with float64.
    func testNumbersReachPluginsAsKustomizeFormatsThem() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - numbers.yaml

            """)
        try tree.write("resources.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """)
        try tree.write("numbers.yaml", """
            apiVersion: builtin
            kind: LabelTransformer
            metadata:
              name: labels
            labels:
              pi: 3.14159265358979
              thousand: 1e3
              hex: 0x10
              big: 1234567.5
              date: 2001-12-14
            fieldSpecs:
            - path: metadata/labels
              create: true
            ---
            apiVersion: builtin
            kind: PrefixTransformer
            metadata:
              name: prefix
            prefix: 1234567.5
            fieldSpecs:
            - path: metadata/name

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                big: "1.2345675e+06"
                date: "2001-12-14T00:00:00Z"
                hex: "16"
                pi: "3.1415927"
                thousand: "1000"
              name: 1.2345675e+06cm

            """)
    }

    /// The target is decoded through JSON: field names in any case, unknown fields ignored.
    func testPatchTargetsAreReadLeniently() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - resources.yaml
            transformers:
            - patch.yaml

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
        try tree.write("patch.yaml", """
            apiVersion: builtin
            kind: PatchTransformer
            metadata:
              name: patch
            patch: |-
              - op: replace
                path: /spec/replicas
                value: 9
            target:
              Kind: Deployment
              unknown: ignored

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 9
              template:
                spec:
                  containers:
                  - envFrom:
                    - configMapRef:
                        name: settings
                    image: nginx:1.0
                    name: web
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              image: nginx:1.0
              settingsRef: settings
              size: 2

            """)
    }
}
