import XCTest

/// Divergences found on real repositories (`../shared/realworld`) and by the differential
/// tester (`scripts/difftest`). Every expected output was printed by `kubectl kustomize`
/// (kustomize v5.5.0) for the same tree.
final class RealWorldRegressionTests: XCTestCase {
    private let tree = PluginTestTree("realworld")

    override func tearDown() {
        tree.remove(testName: name)
    }

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

    /// A leading `.` in a replacement's source or target field path addresses the same field as without it (cluster-api's cert-manager annotation).
    func testReplacementPathsMayStartWithADot() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            replacements:
            - source:
                kind: Certificate
                fieldPath: .metadata.name
              targets:
              - select:
                  kind: CustomResourceDefinition
                fieldPaths:
                - .metadata.annotations.[cert-manager.io/inject-ca-from]
                - .spec.names.singular
                options:
                  create: true

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: serving-cert
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: things.example.com
            spec:
              names:
                singular: thing

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              annotations:
                cert-manager.io/inject-ca-from: serving-cert
              name: things.example.com
            spec:
              names:
                singular: serving-cert
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: serving-cert

            """#)
    }

    /// Which kinds are cluster-scoped comes from the v1.21.2 schema by apiVersion and kind: FlowSchema is cluster-scoped only at v1beta1; kinds and versions the schema does not list as cluster-scoped (TokenReview, later flowcontrol versions) get the namespace.
    func testClusterScopeDependsOnTheAPIVersion() throws {
        try tree.write("kustomization.yaml", #"""
            namespace: apps
            resources:
            - resources.yaml

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
            kind: FlowSchema
            metadata:
              name: fs-v1beta1
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1alpha1
            kind: FlowSchema
            metadata:
              name: fs-v1alpha1
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
            kind: PriorityLevelConfiguration
            metadata:
              name: plc-v1beta3
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata:
              name: fs-v1
            ---
            apiVersion: authentication.k8s.io/v1
            kind: TokenReview
            metadata:
              name: review
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: high
            ---
            apiVersion: policy/v1beta1
            kind: PodSecurityPolicy
            metadata:
              name: psp

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: policy/v1beta1
            kind: PodSecurityPolicy
            metadata:
              name: psp
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: high
            ---
            apiVersion: authentication.k8s.io/v1
            kind: TokenReview
            metadata:
              name: review
              namespace: apps
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata:
              name: fs-v1
              namespace: apps
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1alpha1
            kind: FlowSchema
            metadata:
              name: fs-v1alpha1
              namespace: apps
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
            kind: FlowSchema
            metadata:
              name: fs-v1beta1
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
            kind: PriorityLevelConfiguration
            metadata:
              name: plc-v1beta3
              namespace: apps

            """#)
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

    /// ValueAddTransformer without `value` uses the name of the kustomization directory that lists it; `metadata/namespace` is set as the namespace transformer sets it (not on cluster-scoped kinds), other paths are created, and `filePathPosition` inserts into a path.
    func testValueAddTransformerDefaultsToTheDirectoryName() throws {
        try tree.write("cat-111/kustomization.yaml", #"""
            resources:
            - ../base
            transformers:
            - ../transformers

            """#)
        try tree.write("base/kustomization.yaml", #"""
            resources:
            - resources.yaml

            """#)
        try tree.write("base/resources.yaml", #"""
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member
            spec:
              resourceRef:
                external: projects
            ---
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member-abs
            spec:
              resourceRef:
                external: /a/nice/warm/pie
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: global
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """#)
        try tree.write("transformers/kustomization.yaml", #"""
            resources:
            - add.yaml

            """#)
        try tree.write("transformers/add.yaml", #"""
            apiVersion: builtin
            kind: ValueAddTransformer
            metadata:
              name: add
            targets:
            - fieldPath: metadata/namespace
            - selector:
                kind: IAMPolicyMember
              fieldPath: spec/resourceRef/external
              filePathPosition: 2
            - selector:
                kind: ConfigMap
              fieldPath: data/project

            """#)
        XCTAssertEqual(try tree.build("cat-111"), #"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: global
            ---
            apiVersion: v1
            data:
              project: cat-111
            kind: ConfigMap
            metadata:
              name: cm
              namespace: cat-111
            ---
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member
              namespace: cat-111
            spec:
              resourceRef:
                external: projects/cat-111
            ---
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member-abs
              namespace: cat-111
            spec:
              resourceRef:
                external: /a/cat-111/nice/warm/pie

            """#)
    }

    /// ValueAddTransformer with an explicit `value` (trimmed), selectors by name, a prefix position and a position past the end.
    func testValueAddTransformerWithAValueAndPositions() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            transformers:
            - add.yaml

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            data:
              path: x/y
              other: "/"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b
            data:
              path: x/y

            """#)
        try tree.write("add.yaml", #"""
            apiVersion: builtin
            kind: ValueAddTransformer
            metadata:
              name: add
            value: '  PEACH '
            targets:
            - selector:
                name: a
              fieldPath: data/path
              filePathPosition: 1
            - selector:
                name: a
              fieldPath: data/other
              filePathPosition: 1
            - selector:
                name: b
              fieldPath: data/path
              filePathPosition: 9999

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              other: /PEACH
              path: PEACH/x/y
            kind: ConfigMap
            metadata:
              name: a
            ---
            apiVersion: v1
            data:
              path: x/y/PEACH
            kind: ConfigMap
            metadata:
              name: b

            """#)
    }

    /// A strategic merge keeps the nulls a resource writes out (`null`, `~`) in fields the patch does not set, and drops the ones with empty text (`key:`); a null in the patch deletes.
    func testNullsTheResourceWritesSurviveAStrategicMerge() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                      - name: app
                        image: app:2
                status:
                  gone: null

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              creationTimestamp: null
            spec:
              selector:
                matchLabels:
                  app: app
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: app
                spec:
                  containers:
                  - name: app
                    image: app:1
                    resources: {}
                    env:
                    - name: A
                      value: ~
                    - name: B
                      value:
            status:
              x: null
              empty:
              gone: 1

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              creationTimestamp: null
              name: app
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: app
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: app
                spec:
                  containers:
                  - env:
                    - name: A
                      value: null
                    - name: B
                    image: app:2
                    name: app
                    resources: {}
            status:
              x: null

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

    /// `images` entries match references that carry both a tag and a digest; a tag suffix applies only without newTag/digest, and drops the digest.
    func testImagesWithTagAndDigest() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - pod.yaml
            images:
            - name: nginx
              newTag: v9
            - name: localhost:5000/app
              newName: reg:6000/other
            - name: redis
              digest: sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
            - name: busybox
              tagSuffix: -debug
            - name: alpine
              newTag: "3"
              tagSuffix: -ignored

            """#)
        try tree.write("pod.yaml", #"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: a
                image: nginx:1.2@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: b
                image: localhost:5000/app:1.0@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: c
                image: redis:7@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: d
                image: busybox@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: e
                image: alpine:3.19
              - name: f
                image: nginx@sha512:abc

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - image: nginx:v9
                name: a
              - image: reg:6000/other:1.0@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
                name: b
              - image: redis@sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
                name: c
              - image: busybox:-debug-debug
                name: d
              - image: alpine:3
                name: e
              - image: nginx@sha512:abc
                name: f

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
    /// A YAML-form JSON patch reads its values as YAML 1.1 (`on` is true, `0x1F` is 31); after a JSON patch the resource has been through JSON, so annotation values take JSON's text and integers beyond 2^53 lose precision.
    func testJSONPatchValuesAndTheJSONRoundTrip() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            patches:
            - target:
                kind: ConfigMap
                name: cm
              patch: |-
                - op: add
                  path: /metadata/annotations/flag
                  value: on
                - op: add
                  path: /metadata/labels/flag
                  value: on
                - op: add
                  path: /data/hex
                  value: 0x1F
                - op: add
                  path: /data/date
                  value: 2024-01-01
            - target:
                kind: Foo
              patch: '[{"op": "add", "path": "/spec/x", "value": 1.0}]'

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
              labels:
                k: v
              annotations:
                octal: 0777
                million: 1000000
                small: 0.00001
                quoted: "0777"
            data:
              k: v
            ---
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: foo
              annotations:
                big: 123456789012
            spec:
              big: 12345678901234567
              huge: 9223372036854775808

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              date: "2024-01-01"
              hex: 31
              k: v
            kind: ConfigMap
            metadata:
              annotations:
                flag: "true"
                million: "1e+06"
                octal: "511"
                quoted: "0777"
                small: "1e-05"
              labels:
                flag: true
                k: v
              name: cm
            ---
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              annotations:
                big: "1.23456789012e+11"
              name: foo
            spec:
              big: 12345678901234568
              huge: 9223372036854776000
              x: 1

            """#)
    }

    /// Without a JSON patch, unquoted annotation values keep the text they were written with.
    func testAnnotationsWithoutAJSONPatchKeepTheirText() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            commonLabels:
              a: b

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
              annotations:
                octal: 0777
                million: 1000000
                date: 2024-01-01
                flag: yes

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                date: "2024-01-01"
                flag: "yes"
                million: "1000000"
                octal: "0777"
              labels:
                a: b
              name: cm

            """#)
    }

    /// A `patches:` entry that is neither a strategic merge patch (no kind) nor a JSON patch (a map) is an error, not a merge.
    func testPatchesEntryThatIsNeitherKindIsAnError() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            patches:
            - target:
                kind: ConfigMap
              patch: '{"op": "add", "path": "/data/x", "value": 1}'

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """#)
        XCTAssertTrue(tree.buildError(".").contains("unable to parse SM or JSON patch"), tree.buildError("."))
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

    /// ValueAddTransformer paths address list elements as kyaml's PathGetter does: `[name=x]` picks or appends an element, an index picks one (past the end: nothing), `-` the last.
    func testValueAddTransformerPathsThroughLists() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - deploy.yaml
            transformers:
            - add.yaml

            """#)
        try tree.write("deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: dep
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx
                    args: [x1, x2]
                  - name: d
                    image: redis

            """#)
        try tree.write("add.yaml", #"""
            apiVersion: builtin
            kind: ValueAddTransformer
            metadata:
              name: add
            value: "123"
            targets:
            - fieldPath: spec/template/spec/containers/[name=c]/image
            - fieldPath: spec/template/spec/containers/[name=zz]/image
            - fieldPath: spec/template/spec/containers/[name=c]/args/-
            - fieldPath: spec/template/spec/containers/[name=c]/args/[=nope]
            - fieldPath: spec/template/spec/containers/1/image
            - fieldPath: spec/template/spec/containers/9/image
            - fieldPath: spec/newlist/[name=a]/v

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: dep
            spec:
              newlist:
              - name: a
                v: 123
              template:
                spec:
                  containers:
                  - args:
                    - x1
                    - 123
                    - 123
                    image: 123
                    name: c
                  - image: 123
                    name: d
                  - image: 123
                    name: zz

            """#)
    }

    /// A field spec path that runs into a scalar before its end is an error in kustomize: `commonLabels` meets `spec.selector: x` on the way to a Deployment's `spec/selector/matchLabels`.
    func testFieldSpecPathThroughAScalarIsAnError() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - deploy.yaml
            commonLabels:
              app: a

            """#)
        try tree.write("deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: dep
            spec:
              selector: x

            """#)
        XCTAssertTrue(tree.buildError(".").contains("expected sequence or mapping node"), tree.buildError("."))
    }

    /// A key a label transformer creates in several places is one node in kustomize: an overlay's `labels` of the same key, without selectors, changes the base's selector and template too.
    func testLabelsNewInSeveralPlacesShareOneValue() throws {
        try tree.write("base/kustomization.yaml", #"""
            resources:
            - deploy.yaml
            commonLabels:
              app: x
            commonAnnotations:
              note: base

            """#)
        try tree.write("base/deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx

            """#)
        try tree.write("overlay/kustomization.yaml", #"""
            resources:
            - ../base
            labels:
            - pairs:
                app: y1
            commonAnnotations:
              note: overlay

            """#)
        XCTAssertEqual(try tree.build("overlay"), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                note: overlay
              labels:
                app: y1
              name: d
            spec:
              selector:
                matchLabels:
                  app: y1
              template:
                metadata:
                  annotations:
                    note: overlay
                  labels:
                    app: y1
                spec:
                  containers:
                  - image: nginx
                    name: c

            """#)
    }

    /// A strategic merge patch that sets a shared label sets it everywhere the label transformer put it.
    func testStrategicMergeOnASharedLabelChangesEveryPlace() throws {
        try tree.write("base/kustomization.yaml", #"""
            resources:
            - deploy.yaml
            commonLabels:
              app: x
            commonAnnotations:
              note: base

            """#)
        try tree.write("base/deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx

            """#)
        try tree.write("overlay/kustomization.yaml", #"""
            resources:
            - ../base
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                  labels:
                    app: z1

            """#)
        XCTAssertEqual(try tree.build("overlay"), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                note: base
              labels:
                app: z1
              name: d
            spec:
              selector:
                matchLabels:
                  app: z1
              template:
                metadata:
                  annotations:
                    note: base
                  labels:
                    app: z1
                spec:
                  containers:
                  - image: nginx
                    name: c

            """#)
    }

    /// A JSON patch works on a copy of the resource: it changes only the label it names.
    func testJSONPatchOnASharedLabelChangesOnePlace() throws {
        try tree.write("base/kustomization.yaml", #"""
            resources:
            - deploy.yaml
            commonLabels:
              app: x
            commonAnnotations:
              note: base

            """#)
        try tree.write("base/deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx

            """#)
        try tree.write("overlay/kustomization.yaml", #"""
            resources:
            - ../base
            patches:
            - target:
                kind: Deployment
              patch: |-
                - op: replace
                  path: /metadata/labels/app
                  value: j1

            """#)
        XCTAssertEqual(try tree.build("overlay"), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                note: base
              labels:
                app: j1
              name: d
            spec:
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  annotations:
                    note: base
                  labels:
                    app: x
                spec:
                  containers:
                  - image: nginx
                    name: c

            """#)
    }

    /// `patchesStrategicMerge` (and `patches` with a target) first give the patch the target's labels and annotations: a null there deletes nothing, and values become text.
    func testPatchesStrategicMergeUnitesLabels() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - svc.yaml
            patchesStrategicMerge:
            - patch.yaml
            patches:
            - target:
                kind: Service
              patch: |
                apiVersion: v1
                kind: Service
                metadata:
                  name: s
                  annotations:
                    b: null

            """#)
        try tree.write("svc.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
              labels:
                team: web
                n: 5
              annotations:
                a: b
                b: c

            """#)
        try tree.write("patch.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
              labels: null

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                a: b
                b: "null"
              labels:
                "n": 5
                team: web
              name: s

            """#)
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

    /// kustomize keeps build annotations (earlier names, generator options) in `metadata.annotations` while it builds, so a field spec that does not create still writes there for renamed and generated resources; `replicas` keeps a quoted count quoted; a `local-config` annotation with any value but `false` drops the resource.
    func testBuildAnnotationsMapExistsForFieldSpecsThatDoNotCreate() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            namePrefix: p-
            configMapGenerator:
            - name: g
              literals:
              - a=b
            replicas:
            - name: web
              count: 3
            labels:
            - pairs:
                zone: a
              fields:
              - path: metadata/annotations

            """#)
        try tree.write("res.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: "1"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: local
              annotations:
                config.kubernetes.io/local-config: ""

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              annotations:
                zone: a
              labels:
                zone: a
              name: p-g-4h2mbtbbt6
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                zone: a
              labels:
                zone: a
              name: p-web
            spec:
              replicas: "3"

            """#)
    }

    /// A strategic merge gives the patch's scalar the target's style, so a quoted target stays a string holding the patch's text; a plain one takes the patch's type.
    func testPatchValueTakesAQuotedTargetsStyle() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - r.yaml
            patches:
            - path: p.yaml

            """#)
        try tree.write("r.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              mode: "a-b"
              flag: 'yes'
              plain: abc
              num: 5

            """#)
        try tree.write("p.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              mode: 1.5e-3
              flag: false
              plain: 7
              num: "9"
              new: 7

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              flag: "false"
              mode: "1.5e-3"
              new: 7
              num: "9"
              plain: 7
            kind: ConfigMap
            metadata:
              name: cm

            """#)
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

    /// An empty patch file with a target is an empty JSON patch that kustomize still applies: its targets go through JSON, so an empty-text null becomes a null a later merge keeps.
    func testEmptyPatchFileRoundTripsItsTargetsThroughJSON() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - app.yaml
            patches:
            - path: empty.yaml
              target:
                kind: Deployment
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: q

            """#)
        try tree.write("empty.yaml", "")
        try tree.write("app.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: q
            spec:
              template:
                spec:
                  containers:
                  - name: s
                    env:
                    - name: A
                      value:

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: q
            spec:
              template:
                spec:
                  containers:
                  - env:
                    - name: A
                      value: null
                    name: s

            """#)
    }

    /// A YAML-form JSON patch's keys are read as YAML 1.1: `on` and `Y` are the key `true`, `0x1F` is `31`.
    func testJSONPatchKeysAreYAML11() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - svc.yaml
            patchesJson6902:
            - target:
                name: web
              path: ops.yaml

            """#)
        try tree.write("svc.yaml", #"""
            kind: Service
            metadata:
              name: web

            """#)
        try tree.write("ops.yaml", #"""
            - op: add
              path: /spec
              value:
                on: []
                0x1F: a
                plain: b

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            kind: Service
            metadata:
              name: web
            spec:
              "31": a
              plain: b
              "true": []

            """#)
    }

    /// A replacement whose first target is its own source field changes the value later targets get, as kyaml's shared source node does.
    func testReplacementIntoItsOwnSourceFeedsLaterTargets() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                fieldPath: data.b
              targets:
              - select: {}
                fieldPaths:
                - data.b
                - data.c
                options:
                  create: true
                  delimiter: /
                  index: -1

            """#)
        try tree.write("cm.yaml", #"""
            kind: ConfigMap
            metadata:
              name: conf
            data:
              b: x

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            data:
              b: x/x
              c: x/x/
            kind: ConfigMap
            metadata:
              name: conf

            """#)
    }

    /// A JSON patch sees kustomize's build annotations, so `/metadata/annotations/x` can be added to a resource without annotations; afterwards annotations are set again from their string map (a non-map value is gone); images pass CustomResourceDefinitions by.
    func testJSONPatchSeesTheBuildAnnotationsMap() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            images:
            - name: nginx
              newTag: "2"
            patches:
            - target:
                kind: Service
              patch: |-
                - op: copy
                  from: /metadata/name
                  path: /metadata/annotations/copied
            - target:
                kind: ServiceAccount
              patch: |-
                - op: copy
                  from: /metadata/name
                  path: /metadata/annotations
            - target:
                kind: CustomResourceDefinition
              patch: |-
                - op: add
                  path: /spec
                  value: "0o17"

            """#)
        try tree.write("res.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: sa
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec: "0o17"
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: sa
            ---
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                copied: db
              name: db

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

    /// A target field path ending in `.` addresses the field before it when it may be created.
    func testReplacementPathEndingInADotCreatesTheField() throws {
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              v: val

            """#)
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                kind: ConfigMap
                fieldPath: data.v
              targets:
              - select:
                  kind: ConfigMap
                fieldPaths:
                - metadata.labels.y.
                options:
                  create: true

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              v: val
            kind: ConfigMap
            metadata:
              labels:
                "y": val
              name: cm

            """#)
    }

    /// Without `create`, a target path ending in `.` finds nothing.
    func testReplacementPathEndingInADotWithoutCreateIsAnError() throws {
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              v: val

            """#)
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                kind: ConfigMap
                fieldPath: data.v
              targets:
              - select:
                  kind: ConfigMap
                fieldPaths:
                - metadata.labels.y.

            """#)
        XCTAssertTrue(tree.buildError(".").contains("unable to find field"), tree.buildError("."))
    }

    /// An empty segment inside a target path is an error, even with `create`.
    func testReplacementPathWithAnEmptySegmentIsAnError() throws {
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              v: val

            """#)
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                kind: ConfigMap
                fieldPath: data.v
              targets:
              - select:
                  kind: ConfigMap
                fieldPaths:
                - metadata..labels.y
                options:
                  create: true

            """#)
        XCTAssertTrue(tree.buildError(".").contains("unable to find or create field"), tree.buildError("."))
    }

    /// kustomize trims inline `patches:` text: a strategic merge patch's last block scalar loses its final line break (`|-`), as a JSON patch's does (see DifftestRegressionTests).
    func testStrategicMergePatchTextEndsWithoutItsLastBreak() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - pvc.yaml
            patches:
            - patch: |
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  count: |
                    line one
                    line two
              target: {}

            """#)
        try tree.write("pvc.yaml", #"""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              count: |-
                line one
                line two

            """#)
    }

    /// A quoted patch value merged onto a plain `replicas: 2` takes the plain style, so the `replicas` transformer's count is a number again; a prefixed name is untagged, so a replacement's number lands as a number.
    func testMergedScalarTakesThePlainTargetsStyleAndPrefixedNamesAreUntagged() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            namePrefix: left-
            replicas:
            - name: backend
              count: 4
            patches:
            - path: smp.yaml

            """#)
        try tree.write("res.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: backend
            spec:
              replicas: 2

            """#)
        try tree.write("smp.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: backend
            spec:
              replicas: "7"

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: left-backend
            spec:
              replicas: 4

            """#)
    }

}
