import Foundation
import StsKustomize
import XCTest

/// Whole builds whose `buildMetadata:` records origins: the paths they take from the built
/// directory through bases, components and generators, and how their values are quoted.
/// Every expected output and error here was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class BuildMetadataOriginTests: BuildMetadataBuildTestCase {
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
}
