import XCTest

/// Divergences the differential tester found in how kustomize's YAML nodes carry quoting and
/// types from one step to the next (seed M). Every expected output and error was printed by
/// `kubectl kustomize` (kustomize v5.5.0) for the same tree.
final class DifftestStyleRegressionTests: XCTestCase {
    private let tree = PluginTestTree("difftest-style")

    override func tearDown() {
        tree.remove(testName: name)
    }

    /// `behavior: merge` writes the data back as a generator writes it, so a value YAML 1.1
    /// reads as a boolean (`y`) is quoted and a patch value merged onto it becomes a string.
    func testMergedGeneratorDataKeepsTheQuotesAPatchTakes() throws {
        try tree.write("base/kustomization.yaml", "configMapGenerator:\n- name: cfg\n  literals: [PORT=y, Q=x]\n")
        try tree.write("overlay/kustomization.yaml", """
            resources: [../base]
            configMapGenerator:
            - name: cfg
              behavior: merge
              literals: [Z=1]
            patches:
            - patch: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                data:
                  PORT: 13
                  Q: 12

            """)
        XCTAssertEqual(try tree.build("overlay"), """
            apiVersion: v1
            data:
              PORT: "13"
              Q: 12
              Z: "1"
            kind: ConfigMap
            metadata:
              name: cfg-8c7g48c9cd

            """)
    }

    /// A replacement's created field is untagged; once a strategic merge patch walks the
    /// resource, kyaml's FieldSetter quotes it, whatever the source's type was.
    func testAPatchWalkQuotesFieldsAReplacementCreated() throws {
        try tree.write("base/app.yaml", """
            kind: Service
            metadata:
              name: src
            spec:
              ports:
              - port: 5432
                b: true
                s: "7"
            ---
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: store
            spec:
              a: x

            """)
        var replacements = ""
        for (from, to) in [("port", "i"), ("b", "b"), ("s", "s")] {
            replacements += "- source: {name: src, fieldPath: spec.ports.0.\(from)}\n  targets:\n  - select: {kind: Foo}\n"
                + "    fieldPaths: [spec.\(to)]\n    options: {create: true}\n"
        }
        try tree.write("base/kustomization.yaml", "resources: [app.yaml]\nreplacements:\n" + replacements)
        try tree.write("overlay/kustomization.yaml", """
            resources: [../base]
            patches:
            - patch: |
                {"apiVersion": "example.com/v1", "kind": "Foo", "metadata": {"name": "store"}}

            """)
        XCTAssertTrue(try tree.build("base").hasSuffix("spec:\n  a: x\n  b: true\n  i: 5432\n  s: 7\n"))
        XCTAssertTrue(try tree.build("overlay").hasSuffix("spec:\n  a: x\n  b: \"true\"\n  i: \"5432\"\n  s: \"7\"\n"))
    }

    /// A generated ConfigMap's hash is taken after kustomize's JSON step: a timestamp a patch
    /// put in its data is hashed as the RFC 3339 text it prints as.
    func testPatchedTimestampIsHashedAsPrinted() throws {
        try tree.write("components/c/kustomization.yaml", "kind: Component\nconfigMapGenerator:\n- name: env\n")
        try tree.write("right/kustomization.yaml", "components:\n  - ../components/c\nnamePrefix: right-\n")
        try tree.write("top/kustomization.yaml", "resources:\n  - ../right\npatches:\n  - path: p.yaml\n")
        try tree.write("top/p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: right-env\ndata:\n  new: 2024-1-1\n")
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: v1
            data:
              new: "2024-01-01T00:00:00Z"
            kind: ConfigMap
            metadata:
              name: right-env-hh8ct8bccm

            """)
    }

    /// A JSON patch sends the whole resource through JSON and back: the quotes the file had are
    /// gone, and strings come back quoted only where go-yaml quotes them (`y`), which decides
    /// whether a later patch's value stays a number.
    func testAfterAJSONPatchStringsHaveGoYAMLsQuotes() throws {
        try tree.write("deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: queue
            spec:
              template:
                spec:
                  containers:
                    - name: sidecar
                      env:
                        - name: E_A
                          value: 'quote"d'
                        - name: E_B
                          value: "x"
                        - name: E_C
                          value: 'y'

            """)
        try tree.write("smp.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: queue
            spec:
              template:
                spec:
                  containers:
                  - name: sidecar
                    env:
                    - {name: E_A, value: 0777}
                    - {name: E_B, value: 12}
                    - {name: E_C, value: true}

            """)
        try tree.write("kustomization.yaml", """
            resources: [deployment.yaml]
            patches:
              - patch: '[{"op": "add", "path": "/metadata/labels", "value": {"a": "b"}}]'
                target: {kind: Deployment}
              - path: smp.yaml

            """)
        let output = try tree.build()
        XCTAssertTrue(output.contains("""
                  - env:
                    - name: E_A
                      value: 511
                    - name: E_B
                      value: 12
                    - name: E_C
                      value: "true"

            """), output)
    }

    /// kustomize's output goes through JSON: a key written plain that reads as a number,
    /// boolean, null or timestamp fails the build, in a resource or added by a patch; YAML 1.1
    /// words and quoted keys are strings.
    func testPlainKeysThatReadAsOtherTypesFail() throws {
        try tree.write("kustomization.yaml", "resources: [r.yaml]\n")
        for key in ["~", "1.5", "True", "0x1F", "2001-12-14", "-1"] {
            try tree.write("r.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  \(key): x\n")
            XCTAssertTrue(tree.buildError().contains("r.yaml:6:3: map key '\(key)' at spec.\(key)"), key + ": " + tree.buildError())
        }
        for key in ["yes", "on", "\"true\"", "'1'"] {
            try tree.write("r.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  \(key): x\n")
            XCTAssertNoThrow(try tree.build(), key)
        }
        try tree.write("r.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec: {}\n")
        try tree.write("kustomization.yaml", """
            resources: [r.yaml]
            patches:
            - patch: |
                apiVersion: v1
                kind: Service
                metadata:
                  name: a
                spec:
                  null: '%pct'

            """)
        XCTAssertTrue(tree.buildError().contains("map key 'null' at spec.null"), tree.buildError())
    }

    /// The `replicas` transformer writes an integer node; a replacement that splices text into
    /// it must still read as one.
    func testReplacementIntoCountedReplicasMustStayAnInteger() throws {
        try tree.write("base/app.yml", "kind: StatefulSet\nmetadata:\n  name: store\n")
        try tree.write("base/kustomization.yaml", "resources: [app.yml]\n")
        try tree.write("left/kustomization.yaml", """
            resources: [../base]
            replicas:
            - name: store
            replacements:
            - source:
                fieldPath: spec.replicas
              targets:
              - select: {}
                fieldPaths: [spec.replicas]
                options: {delimiter: "-", index: 1}

            """)
        XCTAssertTrue(tree.buildError("left").contains("cannot decode !!str `0-0` as a !!int"), tree.buildError("left"))
    }

    /// A replacement keeps the target's tag: integer text in a float field is read as go-yaml
    /// reads the integer (octal, hex, underscores), then printed as the float; an integer only
    /// a uint64 holds cannot be a float.
    func testIntegerTextInAFloatFieldIsTheIntegersValue() throws {
        let labels = ["a": "0x1F", "c": "1_000", "d": "+12", "e": "0o17", "f": "0777"]
        var resource = "kind: A\nmetadata:\n  name: a\n  labels:\n"
        var kustomization = "resources: [r.yaml]\nreplacements:\n"
        for key in labels.keys.sorted() {
            resource += "    \(key): \"\(labels[key]!)\"\n"
            kustomization += "- source: {fieldPath: metadata.labels.\(key)}\n  targets: [{select: {kind: A}, fieldPaths: [spec.\(key)]}]\n"
        }
        resource += "spec: {a: 1.5, c: 1.5, d: 1.5, e: 1.5, f: -.5}\n"
        try tree.write("r.yaml", resource)
        try tree.write("kustomization.yaml", kustomization)
        let output = try tree.build()
        XCTAssertTrue(output.hasSuffix("spec:\n  a: 31\n  c: 1000\n  d: 12\n  e: 15\n  f: 511\n"), output)

        try tree.write("r.yaml", "kind: A\nmetadata:\n  name: a\n  labels: {b: \"12345678901234567890\"}\nspec: {b: 1.5}\n")
        try tree.write("kustomization.yaml", "resources: [r.yaml]\nreplacements:\n- source: {fieldPath: metadata.labels.b}\n  targets: [{select: {kind: A}, fieldPaths: [spec.b]}]\n")
        XCTAssertTrue(tree.buildError().contains("cannot decode !!int `12345678901234567890` as a !!float"), tree.buildError())
    }

    /// A JSON patch sends the resource through JSON: an infinite float anywhere fails it (even
    /// where the patch replaces it), a number a replacement wrote into an annotation is read as
    /// the number (`1_000` is 1000), and a generated ConfigMap whose data became null hashes
    /// the text `null`.
    func testJSONPatchSeesTheResourceAsJSON() throws {
        try tree.write("base/pod.yaml", "kind: Pod\nmetadata:\n  name: queue\nspec:\n  containers:\n  - env:\n    - value: +.inf\n")
        try tree.write("base/kustomization.yaml", "resources:\n- pod.yaml\n")
        try tree.write("inf/kustomization.yaml", """
            resources: [../base]
            patches:
            - patch: '[{"op": "add", "path": "/spec/containers/0/env"}]'
              target: {name: queue}

            """)
        XCTAssertTrue(tree.buildError("inf").contains("json: unsupported value: +Inf"), tree.buildError("inf"))

        try tree.write("mid/res.yaml", "kind: ConfigMap\nmetadata:\n  name: web\ndata:\n  level: 1_000\n")
        try tree.write("mid/kustomization.yaml", """
            resources: [res.yaml]
            configMapGenerator:
            - name: env
            replacements:
            - source: {name: web, fieldPath: data.level}
              targets:
              - select: {name: env}
                fieldPaths: [metadata.annotations.copied]
                options: {create: true}

            """)
        try tree.write("top/kustomization.yaml", """
            resources: [../mid]
            patchesJson6902:
            - target: {name: env}
              patch: '[{"op": "replace", "path": "/data"}]'

            """)
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: v1
            data: null
            kind: ConfigMap
            metadata:
              annotations:
                copied: "1000"
              name: env-g886t7dd28
            ---
            data:
              level: 1000
            kind: ConfigMap
            metadata:
              name: web

            """)
    }

    /// kyaml sets a patched resource's name back as a new node in the style of the name
    /// field: a plain name `123` is the number again.
    func testNameSetBackAfterAPatchTakesTheFieldsStyle() throws {
        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 123\ndata: {a: b}\n")
        try tree.write("kustomization.yaml", """
            resources: [r.yaml]
            patches:
            - patch: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: "123"
                data: {c: d}

            """)
        XCTAssertTrue(try tree.build().hasSuffix("metadata:\n  name: 123\n"))
    }

    /// A `kind: List` alone in its file is unwrapped by kyaml's reader, its items as written
    /// (an empty value vanishes under a patch walk, a folded value gets go-yaml's folding); in
    /// a file of several pieces kustomize expands it through JSON: the empty value is a written
    /// null that a patch keeps, and the item is in flow style, so the folding quirk is gone.
    func testListItemsComeBackFromJSONUnlessAloneInTheirFile() throws {
        let list = """
            kind: List
            items:
              - apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  template:
                    spec:
                      containers:
                        - name: proxy
                          env:
                            - name: E_URL
                              value:

            """
        try tree.write("kustomization.yaml", """
            resources: [all.yaml]
            patches:
            - patch: |-
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  foo: >
                    a
                      indented
                    b

            """)
        try tree.write("all.yaml", list)
        var output = try tree.build()
        XCTAssertTrue(output.hasSuffix("""
            spec:
              foo: |-
                a

                  indented
                b
              template:
                spec:
                  containers:
                  - env:
                    - name: E_URL
                    name: proxy

            """), output)
        try tree.write("all.yaml", list + "---\n# only a comment\n")
        output = try tree.build()
        XCTAssertTrue(output.hasSuffix("""
            spec:
              foo: |-
                a
                  indented
                b
              template:
                spec:
                  containers:
                  - env:
                    - name: E_URL
                      value: null
                    name: proxy

            """), output)
    }

    /// After a strategic merge patch with a target kustomize rebuilds its resource map: a patch
    /// that renames two resources to one name is its error.
    func testTargetedPatchThatRenamesTwoResourcesToOneFails() throws {
        try tree.write("config.json", "")
        try tree.write("kustomization.yaml", """
            configMapGenerator:
              - name: creds
                files: [renamed=config.json]
              - name: tls2
            patches:
              - patch: "kind: ConfigMap\\nmetadata:\\n  name: tls2\\n"
                target: {}
                options:
                  allowNameChange: true

            """)
        XCTAssertTrue(tree.buildError().contains("may not add resource with an already registered id: ConfigMap.v1/tls2"),
                      tree.buildError())
    }

    /// A generated Secret's wrapped base64 value is a literal block, so a patch value merged
    /// onto it is a string (`1E3` stays `1E3`) and is hashed as one.
    func testPatchOntoAWrappedSecretValueIsAString() throws {
        try tree.write("base/script.sh", String(repeating: "a very long line ", count: 6) + "\n")
        try tree.write("base/kustomization.yaml", "secretGenerator:\n  - name: env\n    files:\n      - renamed=script.sh\n")
        try tree.write("prod/smp.yaml", "{apiVersion: v1, kind: Secret, metadata: {name: env}, data: {renamed: 1E3}}\n")
        try tree.write("prod/kustomization.yaml", "resources:\n- ../base\npatches:\n- path: smp.yaml\n")
        XCTAssertTrue(try tree.build("prod").hasPrefix("apiVersion: v1\ndata:\n  renamed: \"1E3\"\n"))
    }

    /// A replacement that writes text of another type into a typed field fails only when
    /// kustomize next reads the resource: a later `replicas` count overwrites it in time.
    func testMistypedReplacementFailsOnlyIfStillThereWhenRead() throws {
        try tree.write("base/all.yml", "kind: List\nitems:\n- kind: Service\n  metadata:\n    name: api-svc\n")
        try tree.write("base/kustomization.yaml", "resources:\n  - all.yml\n")
        try tree.write("components/c/kustomization.yaml", """
            kind: Component
            namePrefix: c-
            replacements:
            - source: {name: api-svc}
              targets:
              - select: {}
                fieldPaths: [spec.replicas]
                options: {create: true}

            """)
        try tree.write("left/all.yaml", "kind: StatefulSet\nmetadata:\n  name: store\nspec:\n  replicas: 2\n")
        try tree.write("left/kustomization.yaml", "resources:\n- all.yaml\n- ../base\ncomponents:\n- ../components/c\nnamePrefix: left-\n")
        try tree.write("top/kustomization.yaml", "resources:\n  - ../left\nreplicas:\n  - name: left-c-store\n")
        XCTAssertTrue(tree.buildError("left").contains("cannot decode !!str `c-api-svc` as a !!int"), tree.buildError("left"))
        XCTAssertEqual(try tree.build("top"), """
            kind: Service
            metadata:
              name: left-c-api-svc
            spec:
              replicas: c-api-svc
            ---
            kind: StatefulSet
            metadata:
              name: left-c-store
            spec:
              replicas: 0

            """)
    }

    /// kustomize's IDs treat an empty namespace as `default`: two resources renamed to one
    /// name collide although only one says `namespace: default`.
    func testEmptyAndDefaultNamespaceAreOneID() throws {
        try tree.write("b2/all2.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n")
        try tree.write("b2/kustomization.yaml", "resources:\n  - all2.yaml\n")
        try tree.write("b1/all.yml", "kind: ClusterRole\nmetadata:\n  name: clusterrole\n---\n"
            + "{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: cache2, namespace: default}}\n")
        try tree.write("b1/kustomization.yaml", "resources:\n- all.yml\n")
        try tree.write("app/kustomization.yaml", "resources: [../b2, ../b1]\nreplacements:\n- source: {name: clusterrole}\n  targets:\n  - select: {}\n")
        XCTAssertTrue(tree.buildError("app").contains("may not add resource with an already registered id: StatefulSet.v1.apps/clusterrole"),
                      tree.buildError("app"))
    }

    /// A YAML-form JSON patch's `0b101` is the number 5, which a generator merge then reads
    /// as "5"; a patch that may rename or re-kind its target has its annotations turned into
    /// text first (`.5` stays `.5` through a later JSON patch).
    func testJSONPatchNumbersAndRenamingPatchAnnotations() throws {
        try tree.write("base2/data.txt", "")
        try tree.write("base2/kustomization.yaml", """
            configMapGenerator:
            - name: settings
              files: [renamed=data.txt]
            patches:
            - patch: |
                - op: add
                  path: "/data/a~1b"
                  value: 0b101
              target: {}

            """)
        try tree.write("app/kustomization.yaml", "resources:\n- ../base2\nconfigMapGenerator:\n- name: settings\n  behavior: merge\n")
        XCTAssertTrue(try tree.build("app").hasPrefix("apiVersion: v1\ndata:\n  a/b: \"5\"\n"))

        try tree.write("base/smp.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\n  annotations:\n    x_y: .5\n")
        try tree.write("base/kustomization.yaml", "secretGenerator:\n- name: tls\npatches:\n- path: smp.yaml\n  options:\n    allowKindChange: true\n")
        try tree.write("prod/ops.yaml", "[{\"op\": \"add\", \"path\": \"/metadata/labels\", \"value\": {\"a\": \"b\"}}]\n")
        try tree.write("prod/kustomization.yaml", "resources:\n- ../base\npatches:\n- path: ops.yaml\n  target: {}\n")
        XCTAssertTrue(try tree.build("prod").contains("    x_y: \".5\"\n"))
    }

    /// A number merged onto a quoted field prints as a string but keeps its type in kyaml's
    /// node: a replacement that later writes a name there fails.
    func testQuotedPatchNumberKeepsItsTypeForReplacements() throws {
        try tree.write("all.yml", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                  - name: sidecar
                    env:
                    - name: E_A
                      value: "gamma delta"

            """)
        try tree.write("psm.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                  - name: sidecar
                    env:
                    - name: E_A
                      value: 3.14

            """)
        try tree.write("kustomization.yaml", "resources: [all.yml]\npatches:\n- path: psm.yaml\n")
        XCTAssertTrue(try tree.build().contains("value: \"3.14\""))
        try tree.write("kustomization.yaml", """
            resources: [all.yml]
            patches:
            - path: psm.yaml
            replacements:
            - source: {fieldPath: spec.template.spec.containers.0.name}
              targets:
              - select: {}
                fieldPaths: [spec.template.spec.containers.0.env.0.value]

            """)
        XCTAssertTrue(tree.buildError().contains("cannot decode !!str `sidecar` as a !!float"), tree.buildError())
    }

    /// Through a JSON patch's JSON step a timestamp becomes its RFC 3339 text, annotations too.
    func testJSONPatchTurnsTimestampsIntoRFC3339Text() throws {
        try tree.write("sub/all2.yaml", """
            kind: Deployment
            metadata:
              name: store
              annotations:
                kubernetes.io/description: 2024-1-1
            spec:
              template:
                spec:
                  containers:
                  - env: []

            """)
        try tree.write("sub/kustomization.yaml", "resources:\n- all2.yaml\n")
        try tree.write("kustomization.yaml", """
            resources:
              - ./sub/
            patches:
              - patch: |
                  - op: add
                    path: /spec/template/spec/containers/0/env/-
                target: {}

            """)
        XCTAssertTrue(try tree.build().contains("kubernetes.io/description: \"2024-01-01T00:00:00Z\""))
    }

    /// Seed R: a JSON patch fails on a resource key that is not a string and gives every node
    /// its tag back (a namespace set back untagged is a string again, so a replacement's
    /// `0777` stays text); an empty null in a flow collection prints as ""; a timestamp field
    /// given other text fails; a merged generator's name is set untagged.
    func testSeedRDivergences() throws {
        try tree.write("k/r.yml", "kind: Backup\nmetadata:\n  name: backup\n")
        try tree.write("k/patch.yaml", "kind: Backup\nmetadata:\n  name: backup\nspec:\n  0777: a-b\n")
        try tree.write("k/kustomization.yaml", """
            resources: [r.yml]
            patchesJson6902:
            - target: {name: backup}
              patch: '[{"op": "test", "path": "/kind", "value": "Backup"}]'
            patches:
            - path: patch.yaml

            """)
        XCTAssertTrue(tree.buildError("k").contains("json: unsupported type: map[interface {}]interface {}"), tree.buildError("k"))

        try tree.write("ns/base/all.yml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: ns1\n---\nkind: Service\nmetadata:\n  name: src\n  labels: {v: '0777'}\n")
        try tree.write("ns/base/kustomization.yaml", "resources: [all.yml]\n")
        try tree.write("ns/left/kustomization.yaml", """
            resources: [../base]
            patchesJson6902:
            - target: {name: s}
              patch: '[{"op": "add", "path": "/metadata/annotations"}]'
            patches:
            - patch: "{apiVersion: v1, kind: Service, metadata: {name: s, namespace: ns1}}"

            """)
        try tree.write("ns/top/kustomization.yaml", """
            resources: [../left]
            replacements:
            - source: {name: src, fieldPath: metadata.labels.v}
              targets:
              - select: {name: s}
                fieldPaths: [metadata.namespace]

            """)
        XCTAssertTrue(try tree.build("ns/top").contains("  namespace: \"0777\"\n"))

        try tree.write("flow/all.yml", #"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}"# + "\n")
        try tree.write("flow/kustomization.yaml", """
            resources: [all.yml]
            patches:
              - patch: |
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: c
                  spec:
                    count:
                    -

            """)
        XCTAssertTrue(try tree.build("flow").hasSuffix("spec:\n  count:\n  - \"\"\n"))

        try tree.write("ts/psm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: env\ndata:\n  data.txt: 2024-1-1\n")
        try tree.write("ts/kustomization.yaml", """
            configMapGenerator:
            - name: env
            nameSuffix: "-v2"
            patchesStrategicMerge:
            - psm.yaml
            replacements:
            - source: {}
              targets:
              - select: {}
                fieldPaths: ["data.[data.txt]"]

            """)
        XCTAssertTrue(tree.buildError("ts").contains("cannot decode !!str `env-v2` as a !!timestamp"), tree.buildError("ts"))

        try tree.write("gen/base/all.yaml", "kind: Service\nmetadata:\n  name: backend-headless\nspec:\n  ports:\n  - port: 5432\n")
        try tree.write("gen/base/kustomization.yaml", "resources:\n- all.yaml\nsecretGenerator:\n- name: creds\n")
        try tree.write("gen/c/kustomization.yaml", """
            kind: Component
            replacements:
            - source: {name: backend-headless, fieldPath: spec.ports.0.port}
              targets:
              - select: {kind: Secret}

            """)
        try tree.write("gen/prod/kustomization.yaml", """
            resources: [../base]
            components: [../c]
            secretGenerator:
            - name: creds
              behavior: replace
            generatorOptions:
              disableNameSuffixHash: true

            """)
        XCTAssertTrue(try tree.build("gen/prod").hasPrefix("apiVersion: v1\ndata: {}\nkind: Secret\nmetadata:\n  name: 5432\n"))
    }

    /// A component's result is merged back into the kustomization's map: two resources it
    /// renamed to one ID are kustomize's error.
    func testComponentThatMakesTwoResourcesOneIDFails() throws {
        try tree.write("base/all.yml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: cache2\n")
        try tree.write("base/kustomization.yaml", "resources:\n- all.yml\n")
        try tree.write("c/kustomization.yaml", "kind: Component\nnamePrefix: c-\nreplacements:\n- source: {name: cache2}\n  targets:\n  - select: {}\n")
        try tree.write("left/res.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: frontend-svc\n")
        try tree.write("left/kustomization.yaml", "resources:\n- ../base\n- res.yaml\ncomponents:\n- ../c\n")
        XCTAssertTrue(tree.buildError("left").contains("may not add resource with an already registered id: Service.v1/c-cache2"),
                      tree.buildError("left"))
    }

    /// Seed S: an empty null a JSON patch adds stays null even in a flow resource (only the
    /// resource's own values are written before the patch); a quoted `replicas` set by the
    /// transformer still reads as an integer; a replacement keeps the target's quotes, which a
    /// later patch value takes; a patch's labels are set as kyaml sets them (a multi-line
    /// value is a literal block, so a later number merged onto it is a string).
    func testSeedSDivergences() throws {
        try tree.write("j/res.yml", #"{"kind": "RoleBinding", "metadata": {"name": "api-role"}}"# + "\n")
        try tree.write("j/ops.yaml", "- op: add\n  path: /spec\n  value:\n    mode:\n")
        try tree.write("j/kustomization.yaml", "resources:\n- res.yml\npatchesJson6902:\n- target:\n    name: api-role\n  path: ops.yaml\n")
        XCTAssertTrue(try tree.build("j").hasSuffix("spec:\n  mode: null\n"))

        try tree.write("r/base/all.yml", "kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: \"2\"\n")
        try tree.write("r/base/kustomization.yaml", "resources:\n  - all.yml\n")
        try tree.write("r/mid/kustomization.yaml", "resources:\n- ../base\nconfigMapGenerator:\n- name: env2\nnamespace: kube-system\nreplicas:\n- name: web\n")
        try tree.write("r/top/kustomization.yaml", """
            resources: [../mid]
            replacements:
            - source: {name: env2, fieldPath: metadata.namespace}
              targets:
              - select: {name: web}
                fieldPaths: [spec.replicas]

            """)
        XCTAssertTrue(tree.buildError("r/top").contains("cannot decode !!str `kube-system` as a !!int"), tree.buildError("r/top"))

        try tree.write("q/base/role.yml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: worker-role\n")
        try tree.write("q/base/kustomization.yaml", """
            resources: [role.yml]
            configMapGenerator:
            - name: env2
              literals: [k-1=on]
            replacements:
            - source: {group: rbac.authorization.k8s.io}
              targets:
              - select: {}
                fieldPaths: [data.k-1]
                options: {create: true}

            """)
        try tree.write("q/mid/smp.yaml", "kind: ConfigMap\nmetadata:\n  name: env2\ndata:\n  k-1: 2024-1-1\n")
        try tree.write("q/mid/kustomization.yaml", "resources:\n- ../base\npatches:\n- path: smp.yaml\n  target: {}\n")
        XCTAssertTrue(try tree.build("q/mid").contains("  k-1: \"2024-1-1\"\n"))

        try tree.write("l/base/app.yaml", "apiVersion: scheduling.k8s.io/v1beta1\nkind: PriorityClass\nmetadata:\n  name: pc\n")
        try tree.write("l/base/psm.yaml", "apiVersion: scheduling.k8s.io/v1beta1\nkind: PriorityClass\nmetadata:\n  name: pc\n  labels:\n    tier: |\n      end with newline\n")
        try tree.write("l/base/kustomization.yaml", "resources:\n- app.yaml\npatchesStrategicMerge:\n- psm.yaml\n")
        try tree.write("l/c/patch2.yaml", "apiVersion: scheduling.k8s.io/v1beta1\nkind: PriorityClass\nmetadata:\n  name: pc\n  labels:\n    tier: 1.5\n")
        try tree.write("l/c/kustomization.yml", "kind: Component\npatches:\n- path: patch2.yaml\n")
        try tree.write("l/right/kustomization.yaml", "resources:\n- ../base\ncomponents:\n- ../c\n")
        XCTAssertTrue(try tree.build("l/right").contains("    tier: \"1.5\"\n"))
    }

    /// Seed T: after a JSON patch kustomize sets the annotations again with plain keys, so a
    /// key `"1"` fails the next JSON step; a replacement's created empty value is no null to
    /// the patch walk and stays; with build metadata the annotations are set again after
    /// every transformer, so a label written together with an annotation no longer shares it.
    func testSeedTDivergences() throws {
        try tree.write("k/base/all.yaml", #"{"kind": "HorizontalPodAutoscaler", "metadata": {"name": "hpa"}}"# + "\n")
        try tree.write("k/base/kustomization.yaml", "resources:\n  - all.yaml\n")
        try tree.write("k/c/ops.yaml", "- op: add\n  path: /metadata/annotations\n  value:\n    \"1\": x\n")
        try tree.write("k/c/kustomization.yaml", "kind: Component\npatches:\n- target: {}\n  path: ops.yaml\n")
        try tree.write("k/left/kustomization.yaml", """
            resources: [../base]
            components: [../c]
            patchesJson6902:
            - target: {name: hpa}
              patch: '[{"op": "add", "path": "/metadata/labels", "value": {}}]'

            """)
        XCTAssertTrue(tree.buildError("k/left").contains("json: unsupported type"), tree.buildError("k/left"))

        try tree.write("n/base/app.yaml", "kind: Service\nmetadata:\n  name: web-svc\n  labels:\n    env: \"\"\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ingress\n")
        try tree.write("n/base/kustomization.yaml", """
            resources: [app.yaml]
            replacements:
            - source: {kind: Service, fieldPath: metadata.labels.env}
              targets:
              - select: {kind: Ingress}
                fieldPaths: [spec.x.y]
                options: {create: true}

            """)
        try tree.write("n/prod/kustomization.yaml", """
            resources: [../base]
            patches:
            - patch: |
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ingress

            """)
        XCTAssertTrue(try tree.build("n/prod").hasSuffix("spec:\n  x:\n    \"y\": null\n"))

        try tree.write("b/base/res.yaml", "kind: Service\nmetadata:\n  name: db-svc\n")
        try tree.write("b/base/kustomization.yaml", "resources: [res.yaml]\nlabels:\n- pairs: {env: v1}\n  fields:\n  - path: metadata/annotations\n")
        try tree.write("b/right/kustomization.yaml", "resources: [../base]\nlabels:\n- pairs: {env: \"1\"}\n")
        try tree.write("b/top/kustomization.yaml", "resources: [../right]\nbuildMetadata: [managedByLabel]\n")
        XCTAssertTrue(try tree.build("b/top").hasPrefix("kind: Service\nmetadata:\n  annotations:\n    env: v1\n"))
    }

    /// Seed U: a targeted patch's annotations are set with plain keys, so a key `"true"` fails
    /// a later JSON step; a YAML-form JSON patch's `09` is the number 9; the images
    /// transformer rewrites an image whatever type a replacement left in it.
    func testSeedUDivergences() throws {
        try tree.write("a/pvc.yaml", "kind: PersistentVolumeClaim\nmetadata:\n  name: pvc\n")
        try tree.write("a/p.yaml", "kind: PersistentVolumeClaim\nmetadata:\n  name: pvc\n  annotations:\n    \"true\": x\n")
        try tree.write("a/ops.yaml", "- op: add\n  path: /metadata/labels\n  value: {}\n")
        try tree.write("a/kustomization.yaml", "resources: [pvc.yaml]\npatches:\n- path: p.yaml\n  target: {}\n- path: ops.yaml\n  target: {}\n")
        XCTAssertTrue(tree.buildError("a").contains("json: unsupported type"), tree.buildError("a"))

        try tree.write("n/base/kustomization.yml", """
            configMapGenerator:
            - name: creds
              literals: [k=v]
            patches:
            - target: {}
              patch: |-
                - op: add
                  path: "/data/a~1b"
                  value: 09

            """)
        try tree.write("n/mid/kustomization.yaml", "resources: [../base]\nconfigMapGenerator:\n- name: creds\n  behavior: merge\n")
        XCTAssertTrue(try tree.build("n/mid").hasPrefix("apiVersion: v1\ndata:\n  a/b: \"9\"\n"))

        try tree.write("i/base/deployment.yaml", """
            kind: Deployment
            metadata:
              name: api
            spec:
              template:
                spec:
                  containers:
                  - image: redis:7
            ---
            kind: Service
            metadata:
              name: svc
            spec:
              ports:
              - port: 5432

            """)
        try tree.write("i/base/kustomization.yaml", """
            resources: [deployment.yaml]
            replacements:
            - source: {kind: Service, fieldPath: spec.ports.0.port}
              targets:
              - select: {kind: Deployment}
                fieldPaths: ["spec.template.spec.containers.*.image"]

            """)
        try tree.write("i/left/kustomization.yml", "resources:\n- ../base\nimages:\n- name: \"*\"\n  newName: my.registry/nginx\n")
        XCTAssertTrue(try tree.build("i/left").contains("      - image: my.registry/nginx\n"))
    }

    /// At the end of a build kustomize checks a name's text: a replacement that names a
    /// resource `~` passes (the suffix made the name untagged, so it prints as null), an empty
    /// name fails.
    func testFinalNameCheckReadsTheText() throws {
        try tree.write("base/d.yaml", #"{"kind": "Deployment", "metadata": {"name": "proxy"}, "spec": {"x": "~", "y": ""}}"# + "\n")
        try tree.write("base/kustomization.yaml", "resources:\n  - d.yaml\n")
        try tree.write("mid/service.yml", "kind: Ingress\nmetadata:\n  name: web-ingr\n")
        try tree.write("mid/kustomization.yaml", """
            resources: [../base, service.yml]
            nameSuffix: "-v2"
            replacements:
            - source: {name: proxy, fieldPath: spec.x}
              targets:
              - select: {}

            """)
        XCTAssertTrue(try tree.build("mid").hasSuffix("kind: Ingress\nmetadata:\n  name: null\n"))
        try tree.write("mid/kustomization.yaml", """
            resources: [../base, service.yml]
            replacements:
            - source: {name: proxy, fieldPath: spec.y}
              targets:
              - select: {kind: Ingress}

            """)
        XCTAssertTrue(tree.buildError("mid").contains("missing metadata.name"), tree.buildError("mid"))
    }

    /// kustomize annotates each generator entry's output before the next entry runs: a
    /// `replace` then a `merge` of one ConfigMap keeps the replacing kustomization's origin.
    func testOriginOfAReplacedThenMergedGenerator() throws {
        try tree.write("right/kustomization.yml", "configMapGenerator:\n- name: env\n")
        try tree.write("top/kustomization.yaml", """
            resources: [../right]
            configMapGenerator:
            - name: env
              behavior: replace
            - name: env
              behavior: merge
            buildMetadata: [originAnnotations]

            """)
        XCTAssertTrue(try tree.build("top").contains("config.kubernetes.io/origin: |\n      configuredIn: kustomization.yaml\n"))
    }
}
