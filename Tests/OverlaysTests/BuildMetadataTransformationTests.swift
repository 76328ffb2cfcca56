import Foundation
import StsKustomize
import XCTest

/// Whole builds whose `buildMetadata:` records transformations: every builtin kind across a
/// diamond of bases, and transformations already written on a resource.
/// Every expected output and error here was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class BuildMetadataTransformationTests: BuildMetadataBuildTestCase {
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
