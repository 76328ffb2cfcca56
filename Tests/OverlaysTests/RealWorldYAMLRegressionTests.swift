import XCTest

/// Real-world regressions in reading kustomization files and writing YAML: strict and
/// lenient field types, go-yaml folding and quoting, scalar tags and styles, generated data.
///
/// Divergences found on real repositories (`../shared/realworld`) and by the differential
/// tester (`scripts/difftest`). Every expected output was printed by `kubectl kustomize`
/// (kustomize v5.5.0) for the same tree.
final class RealWorldYAMLRegressionTests: RealWorldRegressionTestCase {
    /// kustomize refuses a kustomization whose first document decodes to nothing but
    /// apiVersion and kind; an empty list written out is content, and later documents are
    /// never read (not even parsed).
    func testEmptyKustomizationIsAnError() throws {
        let empty = ["", "# only a comment\n", "null\n", "{}\n", "---\n", "kind: Kustomization\n",
                     "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n", "kind: Component\n",
                     "namespace: \"\"\n", "namePrefix: ''\n", "resources: ~\n", "patches: null\n",
                     "kind: Kustomization\n---\nresources: [a.yaml]\n", "kind: Kustomization\n---\nfoo: [\n",
                     "---\n---\nresources: []\n"]
        for text in empty {
            try tree.write("kustomization.yaml", text)
            XCTAssertTrue(tree.buildError().contains("kustomization.yaml is empty"), "\(text.debugDescription): \(tree.buildError())")
        }
        let notEmpty = ["resources: []\n", "commonLabels: {}\n", "metadata: {}\n", "generatorOptions: {}\n",
                        "openapi: {}\n", "configMapGenerator: []\n", "---\nresources: []\n",
                        "namespace: x\n---\nfoo: bar\n", "buildMetadata: []\n", "crds: []\n"]
        for text in notEmpty {
            try tree.write("kustomization.yaml", text)
            XCTAssertEqual(try tree.build(), "", text.debugDescription)
        }
    }

    /// A `|+` block scalar at the end of a document keeps its trailing lines and gets no `...` marker (kueue's manager config).
    func testKeepChompedBlockScalarEndsWithoutDocumentEndMarker() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: config
            data:
              z.yaml: |+
                a: 1

            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: second
            data:
              k: v

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              z.yaml: |+
                a: 1
            
            kind: ConfigMap
            metadata:
              name: config
            ---
            apiVersion: v1
            data:
              k: v
            kind: ConfigMap
            metadata:
              name: second

            """#)
    }

    /// A Secret generated from no sources has `data: {}`, hashed with it; a ConfigMap has no `data`.
    func testSecretGeneratorWithoutSourcesHasEmptyData() throws {
        try tree.write("kustomization.yaml", #"""
            secretGenerator:
            - name: s
            - name: tls
              type: kubernetes.io/tls
            configMapGenerator:
            - name: cm

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm-6ct58987ht
            ---
            apiVersion: v1
            data: {}
            kind: Secret
            metadata:
              name: s-46f8b28mk5
            type: Opaque
            ---
            apiVersion: v1
            data: {}
            kind: Secret
            metadata:
              name: tls-694464d966
            type: kubernetes.io/tls

            """#)
    }

    /// Through JSON, any integral number fills an integer field (`1e3`, `3.0`) and YAML 1.1's `yes` is a boolean; unknown `openapi` keys are ignored.
    func testKustomizationIntegersAcceptIntegralNumbers() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - deploy.yaml
            replicas:
            - name: a
              count: 1e3
            - name: b
              count: 3.0
            labels:
            - pairs:
                team: x
              includeSelectors: yes
            openapi:
              unknownKey: z

            """#)
        try tree.write("deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: a
            spec:
              selector:
                matchLabels:
                  app: a
              template:
                metadata:
                  labels:
                    app: a
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: b

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                team: x
              name: a
            spec:
              replicas: 1000
              selector:
                matchLabels:
                  app: a
                  team: x
              template:
                metadata:
                  labels:
                    app: a
                    team: x
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                team: x
              name: b
            spec:
              replicas: 3
              selector:
                matchLabels:
                  team: x
              template:
                metadata:
                  labels:
                    team: x

            """#)
    }

    /// Empty `helmCharts` and `helmGlobals` build as nothing; empty deprecated lists leave the kustomization empty.
    func testHelmListsThatNameNoChartBuildAsNothing() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            helmCharts: []
            helmGlobals: {}

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """#)
    }

    /// kustomization.yaml is read as YAML 1.1 into typed fields: numbers and YAML 1.1
    /// booleans are refused where a string is wanted, fractions where an integer is.
    func testKustomizationFieldTypesAreStrict() throws {
        try tree.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n")
        let refused = ["images:\n- name: nginx\n  newTag: 1.20\n", "images:\n- name: nginx\n  newTag: on\n",
                       "images:\n- name: nginx\n  digest: 123\n", "namespace: yes\n", "namePrefix: on\n",
                       "commonLabels:\n  a: yes\n", "replicas:\n- name: cm\n  count: 3.5\n",
                       "replicas:\n- name: cm\n  count: .nan\n", "resources:\n- 1\n", "buildMetadata: [on]\n",
                       "configMapGenerator:\n- name: no\n"]
        for text in refused {
            try tree.write("kustomization.yaml", "resources:\n- cm.yaml\n" + text)
            XCTAssertNotEqual(tree.buildError(), "no error", text)
        }
        for text in ["bases: []\n", "imageTags: []\n", "helmChartInflationGenerator: []\n"] {
            try tree.write("kustomization.yaml", text)
            XCTAssertTrue(tree.buildError().contains("kustomization.yaml is empty"), text)
        }
    }

    /// kustomize cannot render an infinite or NaN number (its JSON step fails).
    func testInfinityInAResourceIsAnError() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - foo.yaml

            """#)
        try tree.write("foo.yaml", #"""
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: foo
            spec:
              a: .inf

            """#)
        XCTAssertTrue(tree.buildError(".").contains("unsupported value"), tree.buildError("."))
    }

    /// Folded scalars read as go-yaml reads them (a break before a more-indented line doubles; `>+` ending in blank lines gains one), U+0085 folds to a space and a BOM-led string is escaped throughout, as kustomize prints them.
    func testGoYAMLFoldingAndJSONStringQuirks() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: f
            data:
              a: >
                a
                  indented
                b
              c: >
                a
                  i1
                  i2
                b

                 s
              e: >-
                x
                	tab
                y
              f: >
                a
                b

                c
              g: >+
                a

              nel: "a\u0085b c \u0085\u0085 d"
              bom: "\ufeffx y\t\"\\é日😀"

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              a: |
                a
            
                  indented
                b
              bom: "\uFEFF\x78\x20\x79\t\"\\\xE9\u65E5\U0001F600"
              c: |
                a
            
                  i1
                  i2
                b
            
            
                 s
              e: "x\n\n\ttab\ny"
              f: |
                a b
                c
              g: |+
                a
            
            
              nel: |-
                a b c
                d
            kind: ConfigMap
            metadata:
              name: f

            """#)
    }

    /// U+007F to U+009F (but U+0085) cannot be rendered: kustomize's go-yaml refuses them.
    func testControlCharactersCannotBeRendered() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: f
            data:
              del: "a\u007fb"

            """#)
        XCTAssertTrue(tree.buildError(".").contains("control characters are not allowed"), tree.buildError("."))
    }

    /// Values kustomize's own code sets (images, replacements' created fields, names set back after a strategic merge) are untagged nodes: a later replacement's text takes its own type there, and vars take them as strings.
    func testValuesKustomizeSetsAreUntagged() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            images:
            - name: "*"
            patches:
            - patch: "{apiVersion: v1, kind: Service, metadata: {name: api}}"
            vars:
            - name: X
              objref:
                apiVersion: v1
                kind: Service
                name: api
            replacements:
            - source:
                kind: Deployment
                fieldPath: spec.template.spec.containers.0.env.0.value
              targets:
              - select:
                  kind: Deployment
                fieldPaths:
                - spec.template.spec.containers.*.image
            - source:
                kind: Service
                fieldPath: spec.ports.0.port
              targets:
              - select:
                  kind: Service
                fieldPaths:
                - metadata.namespace
                - metadata.labels.copied
                options:
                  create: true

            """#)
        try tree.write("res.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: cache
            spec:
              template:
                spec:
                  containers:
                  - image: nginx:1
                    env:
                    - value: 0b101
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: api
              namespace: default
            spec:
              ports:
              - port: 8080

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: Service
            metadata:
              labels:
                copied: "8080"
              name: api
              namespace: 8080
            spec:
              ports:
              - port: 8080
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: cache
            spec:
              template:
                spec:
                  containers:
                  - env:
                    - value: 5
                    image: 5

            """#)
    }

    /// A generated value is a string node styled as kyaml styles it (quoted where YAML 1.1 reads another type), so a later patch's value stays a string; annotation dates keep their text through replacements.
    func testGeneratedDataTakesKyamlStylesAndDatesKeepTheirText() throws {
        try tree.write("kustomization.yaml", #"""
            configMapGenerator:
            - name: creds
              literals:
              - flag=+1
              - plain=abc
            patchesStrategicMerge:
            - psm.yaml
            resources:
            - cm.yaml
            replacements:
            - source:
                kind: ConfigMap
                name: a
                fieldPath: data.d
              targets:
              - select:
                  kind: ConfigMap
                  name: a
                fieldPaths:
                - metadata.annotations.new
                options:
                  create: true

            """#)
        try tree.write("psm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: creds
            data:
              flag: 1
              plain: 2

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
              annotations:
                own: 2024-01-01
            data:
              d: 2024-02-02

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              d: "2024-02-02T00:00:00Z"
            kind: ConfigMap
            metadata:
              annotations:
                new: "2024-02-02"
                own: "2024-01-01"
              name: a
            ---
            apiVersion: v1
            data:
              flag: "1"
              plain: 2
            kind: ConfigMap
            metadata:
              name: creds-t7thmmdb78

            """#)
    }

    /// A kustomization file is go-yaml v2's: its folded scalars fold as libyaml folds them; an inline patch keeps the line break that ends its last block scalar; replacements' target `namespace: default` selects cluster-scoped kinds too.
    func testKustomizationFilesFoldAsGoYAMLv2AndPatchTextKeepsItsLastBreak() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            commonAnnotations:
              a.io/b: >
                a
                  indented
                b
            patchesJson6902:
            - target:
                name: w
              patch: |
                - op: add
                  path: /metadata/annotations/list
                  value: |
                    - item
                    - item2
            replacements:
            - source:
                kind: ConfigMap
                fieldPath: data.v
              targets:
              - select:
                  namespace: default
                fieldPaths:
                - metadata.labels.v
                options:
                  create: true

            """#)
        try tree.write("res.yaml", #"""
            kind: Widget
            metadata:
              name: w
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: cr
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: src
            data:
              v: x

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              annotations:
                a.io/b: |
                  a
                    indented
                  b
              labels:
                v: x
              name: cr
            ---
            apiVersion: v1
            data:
              v: x
            kind: ConfigMap
            metadata:
              annotations:
                a.io/b: |
                  a
                    indented
                  b
              labels:
                v: x
              name: src
            ---
            kind: Widget
            metadata:
              annotations:
                a.io/b: |
                  a
                    indented
                  b
                list: |
                  - item
                  - item2
              labels:
                v: x
              name: w

            """#)
    }
}
