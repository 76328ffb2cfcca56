import Foundation
import StsKustomize
import XCTest

/// Whole builds with `buildMetadata:` and `--enable-managedby-label`, and the annotation
/// cleanup kustomize runs at the end of every build. Every expected output and error here
/// was produced by `kubectl kustomize` (kustomize v5.5.0) on the same tree.
final class BuildMetadataBuildTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "build-metadata-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // BUILD_METADATA_TESTS_KEEP=1 keeps the trees, to re-check them against kubectl kustomize.
        if ProcessInfo.processInfo.environment["BUILD_METADATA_TESTS_KEEP"] != nil {
            print("kept \(name): \(root)")
            return
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    private func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    private func link(_ path: String, to target: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    private func build(_ dir: String, _ options: BuildOptions) throws -> String {
        let result = try Build(options: options).run(root + "/" + dir)
        return String(decoding: try result.yaml(), as: UTF8.self)
    }

    private func buildError(_ dir: String, _ options: BuildOptions) -> String {
        do {
            _ = try build(dir, options)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// Origins chain the entries from the top-level directory (`../base/` cleaned); a component's
    /// generators and transformers are configured in its own kustomization file, and run over its
    /// parent's resources.
    func testBasesAndComponentsRecordPathsFromTheBuiltDirectory() throws {
        try write("base/kustomization.yaml", #"""
            resources:
            - cm.yaml
            namespace: ns1
            labels:
            - pairs: {a: b}
            commonAnnotations: {x: z}
            images:
            - name: nginx
              newTag: "1.2"
            replicas:
            - name: d
              count: 3
            buildMetadata: [managedByLabel]

            """#)
        try write("base/cm.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - image: nginx
                    name: n

            """#)
        try write("comp/kustomization.yaml", #"""
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            resources:
            - c.yaml
            nameSuffix: -s
            configMapGenerator:
            - name: cc
              literals: [a=b]

            """#)
        try write("comp/c.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c

            """#)
        try write("prod/kustomization.yaml", #"""
            resources:
            - ../base/
            components:
            - ../comp
            patches:
            - patch: |-
                - op: add
                  path: /metadata/labels/p
                  value: q
              target:
                kind: Deployment
            replacements:
            - source: {kind: Deployment, fieldPath: metadata.name}
              targets:
              - select: {kind: ConfigMap, name: c}
                fieldPaths: [data.x]
                options: {create: true}
            buildMetadata: [originAnnotations, transformerAnnotations]

            """#)
        XCTAssertEqual(try build("prod", BuildOptions()), #"""
            apiVersion: v1
            data:
              x: d-s
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: ../comp/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplacementTransformer
                config.kubernetes.io/origin: |
                  path: ../comp/c.yaml
              name: c-s
            ---
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: ../comp/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplacementTransformer
                config.kubernetes.io/origin: |
                  configuredIn: ../comp/kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: ConfigMapGenerator
              name: cc-s-4h2mbtbbt6
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: NamespaceTransformer
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplicaCountTransformer
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ImageTagTransformer
                  - configuredIn: ../comp/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplacementTransformer
                config.kubernetes.io/origin: |
                  path: ../base/cm.yaml
                x: z
              labels:
                a: b
                p: q
              name: d-s
              namespace: ns1
            spec:
              replicas: 3
              template:
                metadata:
                  annotations:
                    x: z
                spec:
                  containers:
                  - image: nginx:1.2
                    name: "n"

            """#)
    }

    /// A `merge` keeps the origin of the ConfigMap merged into, a `replace` takes the overlay's
    /// generator; both keep the base's transformations. Also entry paths as written: `./`,
    /// `sub/../`, a symlink named by its link.
    func testGeneratorMergeKeepsOriginReplaceTakesItsOwn() throws {
        try write("base/kustomization.yaml", #"""
            namePrefix: b-
            configMapGenerator:
            - name: m
              literals: [a=b]
            - name: r
              literals: [a=b]

            """#)
        try write("o/svc.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s

            """#)
        try write("other/s2.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s2

            """#)
        try write("o/kustomization.yaml", #"""
            resources:
            - ./../base
            - sub/../svc.yaml
            - sub/link.yaml
            configMapGenerator:
            - name: m
              behavior: merge
              literals: [c=d]
            - name: r
              behavior: replace
              literals: [c=d]
            buildMetadata: [originAnnotations, transformerAnnotations]

            """#)
        try link("o/sub/link.yaml", to: "../../other/s2.yaml")
        XCTAssertEqual(try build("o", BuildOptions(loadRestrictor: .none)), #"""
            apiVersion: v1
            data:
              a: b
              c: d
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  configuredIn: ../base/kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: ConfigMapGenerator
              name: b-m-fh478f99mk
            ---
            apiVersion: v1
            data:
              c: d
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: ../base/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  configuredIn: kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: ConfigMapGenerator
              name: b-r-gbdtcf54mt
            ---
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  path: svc.yaml
              name: s
            ---
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  path: sub/link.yaml
              name: s2

            """#)
    }

    /// Two overlays of one base (the second is found as its own parent's entry, not the finished
    /// first one's); `$patch: replace` on annotations drops the origin, so the next transformer
    /// becomes it; one record per replica and image; two `labels:` entries and the (empty)
    /// commonLabels are three LabelTransformers; `Kustomization` and `kustomization.yml` file
    /// names; local-config dropped; managed-by overwrites a label and creates a null `labels`.
    func testDiamondOfBasesPatchesAndEveryBuiltinKind() throws {
        try write("b/kustomization.yml", #"""
            resources: [d.yaml, lc.yaml]
            components: [../c]

            """#)
        try write("b/d.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              labels: null
            spec:
              template:
                spec:
                  containers:
                  - image: nginx
                    name: n
                  - image: redis
                    name: r
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: ss
              labels:
                app.kubernetes.io/managed-by: helm

            """#)
        try write("b/lc.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: local
              annotations:
                config.kubernetes.io/local-config: "true"

            """#)
        try write("c/kustomization.yaml", #"""
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            secretGenerator:
            - name: sec
              literals: [a=b]
            commonAnnotations:
              comp: "yes"

            """#)
        try write("x/Kustomization", #"""
            resources: [../b]
            namePrefix: x-
            patches:
            - patch: |-
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                  annotations:
                    $patch: replace
            - target: {group: apps, version: v1, kind: Deployment, name: d}
              patch: '[{"op": "add", "path": "/spec/replicas", "value": 2}]'

            """#)
        try write("yy/kustomization.yaml", #"""
            resources: [../b]
            namePrefix: y-
            replicas:
            - name: d
              count: 3
            - name: ss
              count: 4
            images:
            - name: nginx
              newTag: "1"
            - name: redis
              newTag: "2"

            """#)
        try write("kustomization.yaml", #"""
            resources: [x, yy]
            nameSuffix: -s
            labels:
            - pairs: {l1: a}
            - pairs: {l2: b}
              includeSelectors: true
            commonAnnotations: {top: t}
            buildMetadata: [originAnnotations, transformerAnnotations, managedByLabel]

            """#)
        XCTAssertEqual(try build(".", BuildOptions()), #"""
            apiVersion: v1
            data:
              a: Yg==
            kind: Secret
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: c/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                comp: "yes"
                config.kubernetes.io/origin: |
                  configuredIn: c/kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: SecretGenerator
                top: t
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                l1: a
                l2: b
              name: x-sec-s-k695gkmbtk
            type: Opaque
            ---
            apiVersion: v1
            data:
              a: Yg==
            kind: Secret
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: c/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplicaCountTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplicaCountTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ImageTagTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ImageTagTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                comp: "yes"
                config.kubernetes.io/origin: |
                  configuredIn: c/kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: SecretGenerator
                top: t
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                l1: a
                l2: b
              name: y-sec-s-k695gkmbtk
            type: Opaque
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                config.kubernetes.io/origin: |
                  configuredIn: x/Kustomization
                  configuredBy:
                    apiVersion: builtin
                    kind: PatchTransformer
                top: t
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                l1: a
                l2: b
              name: x-d-s
            spec:
              replicas: 2
              selector:
                matchLabels:
                  l2: b
              template:
                metadata:
                  annotations:
                    comp: "yes"
                    top: t
                  labels:
                    l2: b
                spec:
                  containers:
                  - image: nginx
                    name: "n"
                  - image: redis
                    name: r
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: c/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplicaCountTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplicaCountTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ImageTagTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ImageTagTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                comp: "yes"
                config.kubernetes.io/origin: |
                  path: b/d.yaml
                top: t
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                l1: a
                l2: b
              name: y-d-s
            spec:
              replicas: 3
              selector:
                matchLabels:
                  l2: b
              template:
                metadata:
                  annotations:
                    comp: "yes"
                    top: t
                  labels:
                    l2: b
                spec:
                  containers:
                  - image: nginx:1
                    name: "n"
                  - image: redis:2
                    name: r
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: c/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PatchTransformer
                  - configuredIn: x/Kustomization
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                comp: "yes"
                config.kubernetes.io/origin: |
                  path: b/d.yaml
                top: t
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                l1: a
                l2: b
              name: x-ss-s
            spec:
              selector:
                matchLabels:
                  l2: b
              template:
                metadata:
                  annotations:
                    comp: "yes"
                    top: t
                  labels:
                    l2: b
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: c/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplicaCountTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ReplicaCountTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ImageTagTransformer
                  - configuredIn: yy/kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: ImageTagTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: SuffixTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: LabelTransformer
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: AnnotationsTransformer
                comp: "yes"
                config.kubernetes.io/origin: |
                  path: b/d.yaml
                top: t
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                l1: a
                l2: b
              name: y-ss-s
            spec:
              replicas: 4
              selector:
                matchLabels:
                  l2: b
              template:
                metadata:
                  annotations:
                    comp: "yes"
                    top: t
                  labels:
                    l2: b

            """#)
    }

    /// A base's `buildMetadata` is replaced by its parent's (here: none).
    func testOnlyTheBuiltKustomizationsListCounts() throws {
        try write("b/kustomization.yaml", #"""
            resources: [s.yaml]
            namePrefix: p-
            buildMetadata: [originAnnotations, transformerAnnotations, managedByLabel]

            """#)
        try write("b/s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s

            """#)
        try write("o/kustomization.yaml", #"""
            resources: [../b]

            """#)
        XCTAssertEqual(try build("o", BuildOptions()), #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: p-s

            """#)
    }

    /// `--enable-managedby-label` without `buildMetadata`.
    func testManagedByLabelFlag() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
              labels:
                j: 2
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: t
              labels: null

            """#)
        XCTAssertEqual(try build(".", BuildOptions(enableManagedByLabel: true)), #"""
            apiVersion: v1
            kind: Service
            metadata:
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                j: 2
              name: s
            ---
            apiVersion: v1
            kind: Service
            metadata:
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
              name: t

            """#)
    }

    /// kustomize v5.5.0 accepts any value; a non-empty list still turns tracking on, and what was
    /// not asked for is stripped.
    func testUnknownValueTracksButWritesNothing() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]
            namePrefix: p-
            configMapGenerator:
            - name: g
              literals: [a=b]
            buildMetadata: [bogus]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s

            """#)
        XCTAssertEqual(try build(".", BuildOptions()), #"""
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              name: p-g-4h2mbtbbt6
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: p-s

            """#)
    }

    /// Every build: user-written origin and transformations annotations go, annotation values
    /// become strings, an empty, null or non-map `annotations` goes.
    func testEndOfBuildCleanupWithoutBuildMetadata() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: a
              annotations:
                config.kubernetes.io/origin: hello
                alpha.config.kubernetes.io/transformations: xx
                x: y
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: b
              annotations: {}
              labels: {}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: c
              annotations: null
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: d
              annotations:
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: e
              annotations: foo
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: f
              annotations: []
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: g
              annotations:
                a: null
                b: ~
                c:
                d: Null
                e: [x]
                g: yes
                i: !!str 3
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: h
              annotations:
                config.kubernetes.io/origin: hello

            """#)
        XCTAssertEqual(try build(".", BuildOptions()), #"""
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                x: "y"
              name: a
            ---
            apiVersion: v1
            kind: Service
            metadata:
              labels: {}
              name: b
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: c
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: d
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: e
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: f
            ---
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                a: "null"
                b: "~"
                c: ""
                d: "Null"
                e: ""
                g: "yes"
                i: "3"
              name: g
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: h

            """#)
    }

    /// Paths are quoted when YAML would read them as another type or cannot hold them plain; long
    /// ones stay on one line.
    func testOriginValuesQuotedAsKyamlDoesButNeverFolded() throws {
        try write("kustomization.yaml", #"""
            resources:
            - "1.5"
            - "#f.yaml"
            - "y"
            - "- x"
            - a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w.yaml
            - it's.yaml
            - "2001-02-03"
            - "1:20"
            namePrefix: p-
            buildMetadata: [originAnnotations, transformerAnnotations]

            """#)
        try write("1.5", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a

            """#)
        try write("#f.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b

            """#)
        try write("y", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c

            """#)
        try write("- x", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: e

            """#)
        try write("a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: f

            """#)
        try write("it's.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: g

            """#)
        try write("2001-02-03", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: i

            """#)
        try write("1:20", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: l

            """#)
        XCTAssertEqual(try build(".", BuildOptions()), #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: "1.5"
              name: p-a
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: '#f.yaml'
              name: p-b
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: "y"
              name: p-c
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: '- x'
              name: p-e
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w.yaml
              name: p-f
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: it's.yaml
              name: p-g
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: "2001-02-03"
              name: p-i
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
                config.kubernetes.io/origin: |
                  path: "1:20"
              name: p-l

            """#)
    }

    /// Transformations already on a resource are parsed and re-marshalled (unknown fields dropped)
    /// before the next is appended.
    func testWrittenTransformationsAreReadAndRewritten() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]
            namePrefix: x-
            buildMetadata: [transformerAnnotations]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s3
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: "foo"
                    extra: 1
                    configuredBy: {kind: K, apiVersion: v}
                  - path: "x y"
                    repo: r

            """#)
        XCTAssertEqual(try build(".", BuildOptions()), #"""
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                alpha.config.kubernetes.io/transformations: |
                  - configuredIn: foo
                    configuredBy:
                      apiVersion: v
                      kind: K
                  - path: x y
                    repo: r
                  - configuredIn: kustomization.yaml
                    configuredBy:
                      apiVersion: builtin
                      kind: PrefixTransformer
              name: x-s3

            """#)
    }

    func testUnreadableTransformationsAreAnError() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]
            namePrefix: x-
            buildMetadata: [transformerAnnotations]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s3
              annotations:
                alpha.config.kubernetes.io/transformations: xx

            """#)
        XCTAssertTrue(buildError(".", BuildOptions()).contains("cannot unmarshal string into Go value of type resource.Transformations"))
    }
}
