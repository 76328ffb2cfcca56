import XCTest

/// Builds with the label, annotation, image tag, replica count, patch and hash transformer
/// configs under `transformers:`, and how their configs (numbers, patch targets) are decoded.
/// Every expected output and error was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class PluginValueTransformerTests: PluginTransformerTestCase {
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
