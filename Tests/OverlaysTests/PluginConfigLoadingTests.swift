import XCTest

/// How `transformers:` and `validators:` entries are loaded and run: inline configs, paths and
/// directories, duplicate IDs, refused external, unregistered and generator kinds, validators.
/// Every expected output and error was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class PluginConfigLoadingTests: PluginTransformerTestCase {
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
}
