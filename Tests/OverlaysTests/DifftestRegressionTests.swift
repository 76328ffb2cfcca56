import XCTest

/// Divergences the differential tester (`scripts/difftest`) found after the real-world corpus
/// passed. Every expected output and error was printed by `kubectl kustomize` (kustomize
/// v5.5.0) for the same tree.
final class DifftestRegressionTests: XCTestCase {
    private let tree = PluginTestTree("difftest")

    override func tearDown() {
        tree.remove(testName: name)
    }

    private let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"

    /// kyaml cuts a resource file at every line starting with `---` and reads each piece as a
    /// stream of its own, first document only: `...` opening a piece is an error, a document
    /// after `...` in a piece is never read, and text after the dashes must be a comment.
    func testResourceFilesAreCutAsKyamlCutsThem() throws {
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\n")
        try tree.write("r.yaml", configMap + "---\n# only a comment\n...\n")
        XCTAssertTrue(tree.buildError().contains("did not find expected node content"), tree.buildError())

        try tree.write("r.yaml", configMap + "...\nkind: B\nmetadata:\n  name: b\n...\n]]]\n")
        XCTAssertEqual(try tree.build(), configMap)

        try tree.write("r.yaml", configMap + "--- |\n  text\n")
        XCTAssertTrue(tree.buildError().contains("r.yaml:5:1: invalid document separator: --- |"), tree.buildError())
        try tree.write("r.yaml", configMap + "----\nkind: B\n")
        XCTAssertTrue(tree.buildError().contains("invalid document separator: ----"), tree.buildError())
        try tree.write("r.yaml", configMap + "---\n%YAML 1.1\n---\nkind: B\nmetadata:\n  name: b\n")
        XCTAssertTrue(tree.buildError().contains("did not find expected <document start>"), tree.buildError())

        // A comment after the dashes, CRLF line ends, and a last `---` without a line break are fine.
        try tree.write("r.yaml", "kind: A\r\nmetadata:\r\n  name: a\r\n--- # x\r\nkind: B\r\nmetadata:\r\n  name: b\r\n...\r\n")
        XCTAssertEqual(try tree.build(), "kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n")
        try tree.write("r.yaml", configMap + "--- x")
        XCTAssertEqual(try tree.build(), configMap)
    }

    /// Patch files are read the same way.
    func testPatchFilesAreCutAsKyamlCutsThem() throws {
        try tree.write("r.yaml", configMap)
        try tree.write("p.yaml", configMap + "data:\n  x: \"1\"\n...\nkind: B\n")
        for field in ["patchesStrategicMerge:\n- p.yaml\n", "patches:\n- path: p.yaml\n"] {
            try tree.write("kustomization.yaml", "resources:\n- r.yaml\n" + field)
            XCTAssertEqual(try tree.build(), "apiVersion: v1\ndata:\n  x: \"1\"\nkind: ConfigMap\nmetadata:\n  name: a\n", field)
        }
        try tree.write("p.yaml", configMap + "---\n# c\n...\n")
        XCTAssertTrue(tree.buildError().contains("did not find expected node content"), tree.buildError())
    }

    /// A `labels` entry's own field specs merged with the builtin ones (kustomize's
    /// FsSlice.MergeOne): the same field with the other `create` is an error.
    func testLabelFieldSpecsThatConflictWithBuiltinOnesAreAnError() throws {
        try tree.write("r.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      labels: {a: b}\n")
        let conflicting = [
            "  includeSelectors: true\n  fields:\n  - {kind: Deployment, path: spec/template/metadata/labels}\n": "failed to merge labels: conflicting fieldspecs",
            "  fields:\n  - {path: metadata/labels}\n": "failed to merge labels: conflicting fieldspecs",
            "  fields:\n  - {kind: Deployment, path: metadata/labels}\n": "failed to merge labels: conflicting fieldspecs",
            "  includeTemplates: true\n  fields:\n  - {kind: Deployment, path: spec/template/metadata/labels}\n": "failed to merge template fieldSpec: conflicting fieldspecs",
            "  includeSelectors: true\n  fields:\n  - {group: apps, kind: Deployment, path: spec/selector/matchLabels, create: false}\n": "failed to merge labels: conflicting fieldspecs",
        ]
        for (entry, message) in conflicting {
            try tree.write("kustomization.yaml", "resources:\n- r.yaml\nlabels:\n- pairs: {x: val}\n" + entry)
            XCTAssertTrue(tree.buildError().contains(message), "\(entry): \(tree.buildError())")
        }
        // A spec for a field the builtins do not select, or with the same `create`, is fine;
        // the entry's own specs are not merged with each other.
        let fine = [
            "  includeSelectors: true\n  fields:\n  - {path: spec/selector/matchLabels, create: false}\n",
            "  includeTemplates: true\n  fields:\n  - {kind: Deployment, path: spec/template/metadata/labels, create: true}\n",
            "  fields:\n  - {path: metadata/labels, create: true}\n  - {kind: Deployment, path: metadata/labels, create: false}\n",
        ]
        for entry in fine {
            try tree.write("kustomization.yaml", "resources:\n- r.yaml\nlabels:\n- pairs: {x: val}\n" + entry)
            XCTAssertNoThrow(try tree.build(), entry)
        }
    }

    /// A `configurations:` file whose spec disagrees with a builtin one on `create` is kustomize's
    /// TransformerConfig.Merge error.
    func testConfigurationSpecsThatConflictWithBuiltinOnesAreAnError() throws {
        try tree.write("r.yaml", configMap)
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\nconfigurations:\n- conf.yaml\ncommonLabels: {x: val}\n")
        try tree.write("conf.yaml", "commonLabels:\n- path: spec/template/metadata/labels\n  kind: Deployment\n  create: false\n")
        XCTAssertTrue(tree.buildError().contains("conf.yaml: failed to merge CommonLabels fieldSpec: conflicting fieldspecs"), tree.buildError())
        try tree.write("conf.yaml", "commonLabels:\n- path: spec/template/metadata/labels\n  kind: Deployment\n  create: true\n")
        XCTAssertEqual(try tree.build(), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    x: val\n  name: a\n")
    }

    /// Two resources that transformers gave one ID (a replacement writing the same name into
    /// both) are an error when kustomize rebuilds its map at the end (kubectl panics).
    func testResourcesGivenOneIDByAReplacementAreAnError() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - r.yaml
            replacements:
            - source: {name: gadget2}
              targets:
              - select: {}

            """)
        try tree.write("r.yaml", """
            apiVersion: example.com/v1
            kind: Gadget
            metadata:
              name: gadget
              namespace: ns1
            ---
            apiVersion: example.com/v1
            kind: Gadget
            metadata:
              name: gadget2
              namespace: ns1

            """)
        XCTAssertTrue(tree.buildError().contains("may not add resource with an already registered id"), tree.buildError())
    }

    /// `patchesJson6902` needs a target name (kustomize: "must specify the target name").
    func testJSON6902PatchTargetNeedsAName() throws {
        try tree.write("r.yaml", configMap)
        try tree.write("kustomization.yaml", """
            resources:
            - r.yaml
            patchesJson6902:
            - target: {kind: ConfigMap, version: v1}
              patch: '[{"op": "add", "path": "/metadata/labels", "value": {"a": "b"}}]'

            """)
        XCTAssertTrue(tree.buildError().contains("must specify the target name"), tree.buildError())
    }

    /// A name reference is set as kyaml sets it: in the style of the value it replaces, so a
    /// new name that reads as a number stays plain where the reference was plain and quoted
    /// where it was quoted.
    func testNameReferenceKeepsTheStyleOfTheReference() throws {
        try tree.write("kustomization.yaml", """
            resources:
            - r.yaml
            namespace: "5"
            replacements:
            - source: {kind: Role, fieldPath: metadata.name}
              targets:
              - select: {kind: ServiceAccount}

            """)
        try tree.write("r.yaml", """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: sa
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: rb
            subjects:
            - name: sa
              kind: ServiceAccount
            - name: 'sa'
              kind: ServiceAccount
            roleRef:
              name: "12"
              kind: Role
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: "12"

            """)
        XCTAssertEqual(try tree.build(), """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: "12"
              namespace: "5"
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: "12"
              namespace: "5"
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: rb
              namespace: "5"
            roleRef:
              kind: Role
              name: "12"
            subjects:
            - kind: ServiceAccount
              name: 12
              namespace: "5"
            - kind: ServiceAccount
              name: "12"
              namespace: "5"

            """)
    }

    /// `patches:` trims its inline text, so a JSON patch's last block scalar loses its final
    /// line break; `patchesJson6902:` and patch files keep it.
    func testOnlyInlinePatchesLoseTheLastLineBreak() throws {
        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {}\n")
        let op = "- op: add\n  path: /metadata/annotations/x\n  value: |\n    one line\n    two\n"
        try tree.write("p.yaml", op)
        let indented = op.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        let cases = [
            "patches:\n- target: {kind: ConfigMap}\n  patch: |\n" + indented: "x: |-",
            "patches:\n- target: {kind: ConfigMap}\n  path: p.yaml\n": "x: |\n",
            "patchesJson6902:\n- target: {kind: ConfigMap, name: a, version: v1}\n  patch: |\n" + indented: "x: |\n",
            "patchesJson6902:\n- target: {kind: ConfigMap, name: a, version: v1}\n  path: p.yaml\n": "x: |\n",
        ]
        for (field, expected) in cases {
            try tree.write("kustomization.yaml", "resources:\n- r.yaml\n" + field)
            let output = try tree.build()
            XCTAssertTrue(output.contains("    \(expected)"), "\(field)\n\(output)")
        }
    }

    /// `patches:` records each target's ID before a JSON patch, so `metadata.annotations`
    /// exists for it; `patchesJson6902:` does not, so adding under absent annotations fails.
    func testOnlyPatchesSeeAnnotationsThatAreNotThere() throws {
        try tree.write("r.yaml", configMap)
        let op = #"'[{"op": "add", "path": "/metadata/annotations/x", "value": "v"}]'"#
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\npatches:\n- target: {kind: ConfigMap}\n  patch: \(op)\n")
        XCTAssertEqual(try tree.build(), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    x: v\n  name: a\n")
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\npatchesJson6902:\n- target: {kind: ConfigMap, name: a, version: v1}\n  patch: \(op)\n")
        XCTAssertTrue(tree.buildError().contains("missing value"), tree.buildError())
    }

    /// kustomize rewrites non-empty annotations at the end with untagged keys and reads the
    /// resource through JSON: a key go-yaml v3 reads as another type than string fails there
    /// (labels are not rewritten, so they keep such keys).
    func testAnnotationKeysThatReadAsOtherTypesAreAnError() throws {
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\n")
        for key in ["\"1\"", "\"null\"", "\"0x1F\"", "\"1_000\"", "\"True\"", "\"2001-12-14\"", "\"\"", "\"~\""] {
            try tree.write("r.yaml", "kind: A\nmetadata:\n  name: a\n  annotations:\n    \(key): b\n")
            XCTAssertTrue(tree.buildError().contains("json: unsupported type"), "\(key): \(tree.buildError())")
        }
        for key in ["\"yes\"", "\"on\"", "\"12:30\""] {
            try tree.write("r.yaml", "kind: A\nmetadata:\n  name: a\n  annotations:\n    \(key): b\n")
            XCTAssertNoThrow(try tree.build(), key)
        }
        try tree.write("r.yaml", "kind: A\nmetadata:\n  name: a\n  labels:\n    \"1\": b\n")
        XCTAssertEqual(try tree.build(), "kind: A\nmetadata:\n  labels:\n    \"1\": b\n  name: a\n")
    }

    /// A generated value is quoted (so a later patch's value stays a string) whenever go-yaml
    /// v2 reads its text as anything but a string: a map (`a: b`, `{"json": true}`), a list,
    /// a comment; a timestamp, `1:20`, `!!str 5` or `a #b` is a string there and stays plain.
    func testGeneratedValuesThatReadAsStructureKeepAPatchValueAString() throws {
        try tree.write("f.txt", #"{"json": true}"#)
        let literals = ["lit=abc", "lit2=x: y", "l4=# c", "l5=- a", "l6=[1]", "l7=2001-12-14", "l8=1:20", "l9=!!str 5", "l13=a #b"]
        try tree.write("kustomization.yaml", """
            configMapGenerator:
            - name: c
              files: [f.txt]
              literals: [\(literals.map { "'\($0)'" }.joined(separator: ", "))]
              options: {disableNameSuffixHash: true}
            patches:
            - path: p.yaml
              target: {}

            """)
        let keys = ["f.txt"] + literals.map { String($0.split(separator: "=")[0]) }
        try tree.write("p.yaml", "kind: ConfigMap\nmetadata:\n  name: c\ndata:\n" + keys.map { "  \($0): -0\n" }.joined())
        XCTAssertEqual(try tree.build(), """
            apiVersion: v1
            data:
              f.txt: "-0"
              l4: "-0"
              l5: "-0"
              l6: "-0"
              l7: 0
              l8: 0
              l9: 0
              l13: 0
              lit: 0
              lit2: "-0"
            kind: ConfigMap
            metadata:
              name: c

            """)
    }

    /// Kustomize v5.5.0 wants a name on everything it loads (no `generateName`) and on
    /// everything it builds (a replacement that empties a name or kind fails).
    func testResourcesNeedANameAndAKindBeforeAndAfterTransformers() throws {
        try tree.write("g.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: c-\n")
        try tree.write("kustomization.yaml", "resources: [g.yaml]\n")
        XCTAssertTrue(tree.buildError().contains("missing metadata.name"), tree.buildError())
        try tree.write("s.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: src\ndata:\n  e: ''\n")
        for field in ["metadata.name": "missing metadata.name", "kind": "missing kind"] {
            try tree.write("kustomization.yaml", """
                resources: [s.yaml]
                replacements:
                - source: {name: src, fieldPath: data.e}
                  targets:
                  - select: {name: src}
                    fieldPaths: [\(field.key)]

                """)
            XCTAssertTrue(tree.buildError().contains(field.value), tree.buildError())
        }
    }

    /// A YAML-form JSON patch goes to JSON through go-yaml v2 maps: a null key has no JSON form.
    func testNullKeyInYAMLFormJSONPatchIsAnError() throws {
        try tree.write("r.yaml", configMap)
        try tree.write("kustomization.yaml", """
            resources: [r.yaml]
            patches:
            - target: {kind: ConfigMap}
              patch: |
                - op: add
                  path: /data
                  value:
                    ~: 2024-01-01

            """)
        XCTAssertTrue(tree.buildError().contains("unable to parse SM or JSON patch"), tree.buildError())
    }

    /// A strategic merge sets the namespace back in the field's style (kyaml's SetNamespace):
    /// a quoted namespace stays a string node, so a replacement writing `0` there writes "0",
    /// and a plain one takes the type of the text written.
    func testNamespaceSetBackAfterAPatchKeepsItsStyle() throws {
        for (namespace, expected) in [("\"ns1\"", "\"0\""), ("ns1", "0")] {
            try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: \(namespace)\ndata:\n  n: 0\n")
            try tree.write("p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: ns1\ndata: {a: b}\n")
            try tree.write("kustomization.yaml", """
                resources: [r.yaml]
                patches:
                - path: p.yaml
                replacements:
                - source: {kind: ConfigMap, fieldPath: data.n}
                  targets:
                  - select: {kind: ConfigMap}
                    fieldPaths: [metadata.namespace]

                """)
            let output = try tree.build()
            XCTAssertTrue(output.contains("  namespace: \(expected)\n"), output)
        }
    }

    /// go-yaml v3's folding quirk shows where kustomize writes a folded scalar out as it was
    /// read; annotations (rewritten at the end) and `vars` fields (rewritten when any var is
    /// declared) are new nodes and print the plain folded text.
    func testFoldingQuirkOnlyWhereTheFoldedNodeSurvives() throws {
        let folded = ">\n  a\n    indented\n  b\n"
        func indented(_ n: Int) -> String { folded.split(separator: "\n").map { String(repeating: " ", count: n) + $0 }.joined(separator: "\n") }
        try tree.write("r.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: worker
              annotations:
                x: \(indented(4).dropFirst(4))
            spec:
              template:
                spec:
                  containers:
                  - command:
                    - \(indented(8).dropFirst(8))
                    image: \(indented(8).dropFirst(8))

            """)
        try tree.write("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        let spec = "|\n      a\n        indented\n      b\n"
        try tree.write("kustomization.yaml", "resources: [r.yaml]\n")
        var out = try tree.build()
        XCTAssertTrue(out.contains("    x: " + spec), out)
        XCTAssertTrue(out.contains("        - |\n          a\n\n            indented\n          b\n"), out)
        XCTAssertTrue(out.contains("        image: |\n          a\n\n            indented\n          b\n"), out)
        try tree.write("kustomization.yaml", "resources: [r.yaml, c.yaml]\nvars:\n- name: V\n  objref: {kind: ConfigMap, name: c, apiVersion: v1}\n")
        out = try tree.build()
        XCTAssertTrue(out.contains("        - |\n          a\n            indented\n          b\n"), out)
        XCTAssertTrue(out.contains("        image: |\n          a\n\n            indented\n          b\n"), out)
    }

    /// A List that is not alone in its file goes through JSON: its floats come back as
    /// encoding/json writes them, and annotations keep that text (seed V-188).
    func testListItemFloatsTakeTheirJSONText() throws {
        let tree = PluginTestTree("difftest-list-floats")
        defer { tree.remove(testName: name) }
        try tree.write("a/r.yaml", """
            # c
            ---
            kind: List
            items:
            - kind: Ingress
              metadata:
                name: i
                annotations: {a: .5, b: 1e3, c: 1.0, d: 1e21, e: 0.000001}
              spec: {x: .5, y: 1e3, z: 1.50}

            """)
        try tree.write("a/kustomization.yaml", "resources: [r.yaml]\n")
        XCTAssertEqual(try tree.build("a"), """
            kind: Ingress
            metadata:
              annotations:
                a: "0.5"
                b: "1000"
                c: "1"
                d: "1e+21"
                e: "0.000001"
              name: i
            spec:
              x: 0.5
              "y": 1000
              z: 1.5

            """)
    }

    /// V-2275, W-1130: a var read from a field kustomize made itself (a name a suffix set,
    /// a namespace a replacement created) is its text as a string, even when the text
    /// reads as a number: kyaml's `GetFieldValue` converts by tag, and such nodes have none.
    func testVarFromAFieldKustomizeMadeIsAString() throws {
        let tree = PluginTestTree("difftest-var-untagged")
        defer { tree.remove(testName: name) }
        try tree.write("a/svc.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: api
            spec:
              ports:
              - port: 8080

            """)
        try tree.write("a/app.yaml", """
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                  - args: ["$(NAME)", "$(NS)", "$(PORT)"]

            """)
        try tree.write("a/kustomization.yaml", """
            resources: [svc.yaml, app.yaml]
            nameSuffix: -v2
            vars:
            - name: NAME
              objref: {kind: Service, name: api, apiVersion: v1}
            - name: NS
              objref: {kind: Service, name: api, apiVersion: v1}
              fieldref: {fieldpath: metadata.namespace}
            - name: PORT
              objref: {kind: Service, name: api, apiVersion: v1}
              fieldref: {fieldpath: "spec.ports[0].port"}
            replacements:
            - source: {kind: Service, fieldPath: spec.ports.0.port}
              targets:
              - select: {kind: Service}
                fieldPaths: [metadata.name, metadata.namespace]
                options: {create: true}

            """)
        XCTAssertEqual(try tree.build("a"), """
            apiVersion: v1
            kind: Service
            metadata:
              name: 8080
              namespace: 8080
            spec:
              ports:
              - port: 8080
            ---
            kind: Deployment
            metadata:
              name: web-v2
            spec:
              template:
                spec:
                  containers:
                  - args:
                    - "8080"
                    - "8080"
                    - 8080

            """)
    }

    /// V-183: go-yaml reads a plain `<<` as `!!merge`, which `vars` refuse as a list item.
    /// Written quoted it is a string, until a JSON patch round trip writes it plain again.
    func testPlainMergeKeywordIsNotAStringToVars() throws {
        let tree = PluginTestTree("difftest-var-merge-keyword")
        defer { tree.remove(testName: name) }
        func deployment(_ item: String) -> String {
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    args: [\(item), $(V)]
                    env: [{name: x, value: <<}]

            """
        }
        let vars = """
            vars:
            - name: V
              objref: {kind: Deployment, name: d, apiVersion: apps/v1}

            """
        let refusal = "visit traversal on path: [args]: invalid value type expect a string"
        try tree.write("plain/r.yaml", deployment("<<"))
        try tree.write("plain/kustomization.yaml", "resources: [r.yaml]\n" + vars)
        XCTAssertTrue(tree.buildError("plain").contains(refusal))

        try tree.write("quoted/r.yaml", deployment("\"<<\""))
        try tree.write("quoted/kustomization.yaml", "resources: [r.yaml]\n" + vars)
        XCTAssertEqual(try tree.build("quoted"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - args:
                    - <<
                    - d
                    env:
                    - name: x
                      value: <<
                    name: c

            """)

        try tree.write("patched/r.yaml", deployment("\"<<\""))
        try tree.write("patched/kustomization.yaml", """
            resources: [r.yaml]
            patches:
            - target: {kind: Deployment}
              patch: '[{"op": "add", "path": "/metadata/labels", "value": {"a": "b"}}]'

            """ + vars)
        XCTAssertTrue(tree.buildError("patched").contains(refusal))
    }

    /// go-yaml judges printable bytes as libyaml does, so an emoji is not printable to it: a
    /// JSON patch round trip leaves such a string double-quoted, and a later strategic merge
    /// makes its value a string, as onto any quoted field.
    func testEmojiStringsComeBackQuotedFromTheJSONStep() throws {
        let tree = PluginTestTree("difftest-emoji-quoted")
        defer { tree.remove(testName: name) }
        try tree.write("a/r.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
            data:
              a: 😀
              b: é
              c: x😀y

            """)
        try tree.write("a/kustomization.yaml", """
            resources: [r.yaml]
            patches:
            - target: {kind: ConfigMap}
              patch: '[{"op": "add", "path": "/data/z", "value": "1"}]'
            - patch: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                data:
                  a: 5
                  b: 6
                  c: true

            """)
        XCTAssertEqual(try tree.build("a"), """
            apiVersion: v1
            data:
              a: "5"
              b: 6
              c: "true"
              z: "1"
            kind: ConfigMap
            metadata:
              name: c

            """)
    }

    /// T-3935: a comment that ends a document right after a keep-chomped block scalar's
    /// blank lines stays with the document in go-yaml v3, which writes it one line lower;
    /// read back, the scalar has one more line break, but only while it is still the
    /// document's last node (kustomize moves `annotations` to the end of `metadata`).
    func testTrailingCommentAfterAKeepBlockAddsALineBreak() throws {
        let tree = PluginTestTree("difftest-trailing-comment")
        defer { tree.remove(testName: name) }
        let data = """
            kind: ConfigMap
            metadata:
              name: q
            data:
              j: x
              k: |+
                keep

              # a comment

            """
        let annotated = """
            kind: ConfigMap
            metadata:
              name: q
              annotations:
                d: |+
                  keep

            # a comment

            """
        let cases: [(String, String, String)] = [
            ("plain", data, "resources: [r.yaml]\n"),
            ("key-after", data, "resources: [r.yaml]\npatches:\n- patch: '{kind: ConfigMap, metadata: {name: q}, data: {z: zz}}'\n"),
            ("replaced", data, "resources: [r.yaml]\npatches:\n- patch: '{kind: ConfigMap, metadata: {name: q}, data: {k: \"new\\n\\n\"}}'\n"),
            ("json-patch", data, "resources: [r.yaml]\npatches:\n- target: {kind: ConfigMap}\n  patch: '[{\"op\": \"add\", \"path\": \"/data/z\", \"value\": \"a\"}]'\n"),
            ("namespace", annotated, "resources: [r.yaml]\nnamespace: ns\n"),
            ("annotation-after", annotated, "resources: [r.yaml]\ncommonAnnotations: {z: w}\n"),
        ]
        for (dir, resource, kustomization) in cases {
            try tree.write(dir + "/r.yaml", resource)
            try tree.write(dir + "/kustomization.yaml", kustomization)
        }
        // a keep-chomped block prints its text's line breaks as they are
        func gained(_ dir: String, _ text: String) throws -> Bool {
            let out = try tree.build(dir)
            XCTAssertTrue(out.contains(text + "\n\n"), out)
            return out.contains(text + "\n\n\n")
        }
        XCTAssertTrue(try gained("plain", "keep"))
        XCTAssertFalse(try gained("key-after", "keep"))
        XCTAssertTrue(try gained("replaced", "new"))
        XCTAssertTrue(try gained("json-patch", "keep"))
        XCTAssertTrue(try gained("namespace", "keep"))
        XCTAssertFalse(try gained("annotation-after", "keep"))
    }

    /// S-350: kustomize records earlier names comma-joined and panics when a recorded name
    /// holds a comma (the counts of names, namespaces and kinds then differ); a resource that
    /// is never renamed or moved keeps such a name without trouble.
    func testRecordedNamesWithACommaAreKustomizesPanic() throws {
        let tree = PluginTestTree("difftest-comma-names")
        defer { tree.remove(testName: name) }
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a,b\ndata:\n  k: v\n"
        for dir in ["kept", "prefixed", "moved"] { try tree.write(dir + "/r.yaml", configMap) }
        try tree.write("kept/kustomization.yaml", "resources: [r.yaml]\ncommonLabels: {a: b}\n")
        try tree.write("prefixed/kustomization.yaml", "resources: [r.yaml]\nnamePrefix: p-\n")
        try tree.write("moved/kustomization.yaml", "resources: [r.yaml]\nnamespace: ns\n")
        try tree.write("generated/kustomization.yaml", """
            configMapGenerator:
            - name: env
              literals: ['k-1=1,000']
            replacements:
            - source: {fieldPath: data.k-1}
              targets:
              - select: {}

            """)
        XCTAssertTrue(try tree.build("kept").contains("name: a,b"))
        let panic = "number of previous names, number of previous namespaces, number of previous kinds not equal"
        for dir in ["prefixed", "moved", "generated"] {
            XCTAssertTrue(tree.buildError(dir).contains(panic), dir + ": " + tree.buildError(dir))
        }
    }

    /// kustomize walks the name-reference fields even when nothing was renamed, and fails on
    /// a referrer field of the wrong shape; a well-formed one is left as it is.
    func testNameReferencesAreWalkedWithoutRenames() throws {
        let tree = PluginTestTree("difftest-nameref-no-rename")
        defer { tree.remove(testName: name) }
        try tree.write("a/r.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  serviceAccountName: {a: b}

            """)
        try tree.write("a/kustomization.yaml", "resources: [r.yaml]\n")
        XCTAssertTrue(tree.buildError("a").contains("no 'name' field"), tree.buildError("a"))
        try tree.write("b/r.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  serviceAccountName: sa

            """)
        try tree.write("b/kustomization.yaml", "resources: [r.yaml]\n")
        XCTAssertTrue(try tree.build("b").contains("serviceAccountName: sa"))
    }

    /// A target field path ending in `.` asks kyaml for a field with an empty name under the
    /// last one: that matches a scalar whose text is empty (a new one too), and with
    /// `create` empties any other scalar in place, keeping its quotes, while the value goes
    /// to a node nothing holds; a map there is an error.
    func testTrailingDotInATargetFieldPath() throws {
        let tree = PluginTestTree("difftest-trailing-dot")
        defer { tree.remove(testName: name) }
        try tree.write("a/r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\n  q: \"x\"\n  e: \"\"\n  m: {k: v}\n")
        func kustomization(_ paths: String) -> String {
            """
            resources: [r.yaml]
            replacements:
            - source: {kind: ConfigMap, fieldPath: metadata.name}
              targets:
              - select: {kind: ConfigMap}
                fieldPaths: [\(paths)]
                options: {create: true}

            """
        }
        try tree.write("a/kustomization.yaml", kustomization("data.a., data.q., data.e., data.new., data.m.k."))
        XCTAssertEqual(try tree.build("a"), """
            apiVersion: v1
            data:
              a: null
              e: c
              m:
                k: ""
              new: c
              q: ""
            kind: ConfigMap
            metadata:
              name: c

            """)
        try tree.write("a/kustomization.yaml", kustomization("data.m."))
        XCTAssertTrue(tree.buildError("a").contains("expected ScalarNode but got MappingNode"), tree.buildError("a"))
    }

    /// Z-1147: `replicas:` finds a resource by any of its IDs, but kustomize's field-spec
    /// filter then looks at the current kind: a Deployment a patch made into another kind
    /// keeps its count (and the entry still counts as found).
    func testReplicasLeaveAResourceWhoseKindChanged() throws {
        let tree = PluginTestTree("difftest-replicas-kind-change")
        defer { tree.remove(testName: name) }
        try tree.write("base/all.yml", "kind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: store\n  spec:\n    replicas: 2\n")
        try tree.write("base/kustomization.yaml", "resources:\n- all.yml\n")
        try tree.write("c/kustomization.yaml", """
            kind: Component
            patches:
              - patch: |
                  kind: ClusterRoleBinding
                  metadata:
                    name: x.clusterrolebinding-bas
                target: {}
                options:
                  allowKindChange: true

            """)
        try tree.write("prod/kustomization.yaml", "resources:\n- ../base\ncomponents:\n- ../c\nreplicas:\n- name: store\n")
        XCTAssertEqual(try tree.build("prod"), """
            apiVersion: apps/v1
            kind: ClusterRoleBinding
            metadata:
              name: store
            spec:
              replicas: 2

            """)
    }

    /// Z-1910: a value a replacement wrote into a field kustomize made (untagged) is no null
    /// to kyaml even when its text is `null`: a later strategic merge walks it like any
    /// string, and its FieldSetter quotes text YAML 1.1 reads as another type.
    func testUntaggedNullTextIsQuotedByALaterMerge() throws {
        let tree = PluginTestTree("difftest-untagged-null-merge")
        defer { tree.remove(testName: name) }
        try tree.write("base/r.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: proxy
              labels: {tier: 'null'}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: reg/api
                  x:
                    y: reg/api

            """)
        try tree.write("base/kustomization.yaml", """
            resources: [r.yaml]
            images:
            - name: reg/api
            replacements:
            - source: {kind: StatefulSet, fieldPath: metadata.labels.tier}
              targets:
              - select: {kind: StatefulSet}
                fieldPaths: ["spec.template.spec.containers.[name=app].image", "spec.template.spec.x.z", "spec.template.spec.containers.[name=app].foo"]
                options: {create: true}

            """)
        try tree.write("top/kustomization.yaml", """
            resources: [../base]
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: proxy

            """)
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              labels:
                tier: "null"
              name: proxy
            spec:
              template:
                spec:
                  containers:
                  - foo: "null"
                    image: "null"
                    name: app
                  x:
                    "y": reg/api
                    z: "null"

            """)
    }

    /// Z-2155: a boolean goes through a JSON patch's round trip as JSON writes it (`True`
    /// comes back `true`), which a generator merge later reads as text (and hashes).
    func testBooleansTakeTheirJSONTextInTheJSONStep() throws {
        let tree = PluginTestTree("difftest-json-bool")
        defer { tree.remove(testName: name) }
        try tree.write("base/smp.yaml", "kind: ConfigMap\nmetadata:\n  name: tls\ndata:\n  baz: True\n")
        try tree.write("base/kustomization.yaml", """
            configMapGenerator:
              - name: tls
            patches:
              - path: smp.yaml
                target: {}
              - target:
                  name: tls
                patch: |
                  - op: add
                    path: "/data/a~1b"

            """)
        try tree.write("top/kustomization.yaml", "resources:\n- ../base\nconfigMapGenerator:\n- name: tls\n  behavior: merge\n")
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: v1
            data:
              a/b: ""
              baz: "true"
            kind: ConfigMap
            metadata:
              name: tls-g4fbm7gckm

            """)
    }

    /// A custom `openapi:` document's paths declare scope: a type whose GET path has no
    /// `namespaces/{namespace}` is cluster-scoped for the whole build (the namespace
    /// transformer leaves it), one with such a path or not listed is namespaced. The schema
    /// may come from a base.
    func testCustomOpenAPIPathsDeclareScope() throws {
        let tree = PluginTestTree("difftest-openapi-scope")
        defer { tree.remove(testName: name) }
        try tree.write("base/schema.json", """
            {"swagger": "2.0", "info": {"title": "x", "version": "v1"},
             "paths": {
              "/apis/example.com/v1/foos/{name}": {"get": {"x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Foo"}}},
              "/apis/example.com/v1/namespaces/{namespace}/bars/{name}": {"get": {"x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Bar"}}}
             },
             "definitions": {}}

            """)
        try tree.write("base/r.yaml", """
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: f
            ---
            apiVersion: example.com/v1
            kind: Bar
            metadata:
              name: b
            ---
            apiVersion: example.com/v1
            kind: Baz
            metadata:
              name: z

            """)
        try tree.write("base/kustomization.yaml", "resources: [r.yaml]\nopenapi:\n  path: schema.json\n")
        try tree.write("top/kustomization.yaml", "resources: [../base]\nnamespace: ns\n")
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: example.com/v1
            kind: Bar
            metadata:
              name: b
              namespace: ns
            ---
            apiVersion: example.com/v1
            kind: Baz
            metadata:
              name: z
              namespace: ns
            ---
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: f

            """)
    }

    /// AB-1135: a `kind: List` item goes through JSON, so a key that reads as another type
    /// (`1.5`) is kustomize's `json: unsupported type` error; quoted it is a string.
    func testListItemKeysMustBeStrings() throws {
        let tree = PluginTestTree("difftest-list-keys")
        defer { tree.remove(testName: name) }
        func list(_ key: String) -> String {
            "kind: List\nitems:\n- kind: ConfigMap\n  metadata:\n    name: configmap\n  data:\n    \(key): \"a-b\"\n"
        }
        try tree.write("plain/all.yaml", list("1.5"))
        try tree.write("plain/kustomization.yaml", "resources: [all.yaml]\n")
        XCTAssertTrue(tree.buildError("plain").contains("json: unsupported type"), tree.buildError("plain"))
        try tree.write("quoted/all.yaml", list("\"1.5\""))
        try tree.write("quoted/kustomization.yaml", "resources: [all.yaml]\n")
        XCTAssertTrue(try tree.build("quoted").contains("\"1.5\": a-b"))
    }

    /// AB-2461: a generator merge reads the existing annotations as kyaml's `GetAnnotations`
    /// does, each value's text as written: a `~` a replacement created stays `~`.
    func testGeneratorMergeKeepsAnnotationTextAsWritten() throws {
        let tree = PluginTestTree("difftest-merge-annotation-text")
        defer { tree.remove(testName: name) }
        try tree.write("app/sub/kustomization.yaml", """
            configMapGenerator:
            - name: cfg
              namespace: gen-ns
              literals:
              - "PORT=~"
            replacements:
            - source:
                fieldPath: data.PORT
              targets:
              - select: {}
                fieldPaths:
                - "metadata.annotations.[a.io/b]"
                options:
                  create: true

            """)
        try tree.write("app/kustomization.yaml", "resources:\n- sub\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  namespace: gen-ns\n")
        XCTAssertEqual(try tree.build("app"), """
            apiVersion: v1
            data:
              PORT: "~"
            kind: ConfigMap
            metadata:
              annotations:
                a.io/b: "~"
              name: cfg-c4t6ttc78g
              namespace: gen-ns

            """)
    }

    /// AB-2900: a strategic merge looks every field up by name. An empty key anywhere it
    /// walks is kyaml's error (`Get("")` refuses a map); a null key (`~`) with a null value
    /// in a map the patch adds whole stays, and fails at output as a non-string key.
    func testStrategicMergeOnEmptyAndNullKeys() throws {
        let tree = PluginTestTree("difftest-smp-odd-keys")
        defer { tree.remove(testName: name) }
        func write(_ dir: String, resourceSpec: String, patchSpec: String) throws {
            try tree.write(dir + "/r.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n" + resourceSpec)
            try tree.write(dir + "/kustomization.yaml", """
                resources: [r.yaml]
                patches:
                - patch: |-
                    apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: ns1
                    spec:
                      \(patchSpec)

                """)
        }
        try write("null-key", resourceSpec: "", patchSpec: "~: ")
        XCTAssertTrue(tree.buildError("null-key").contains("is not a string"), tree.buildError("null-key"))
        try write("null-key-existing", resourceSpec: "spec:\n  a: 1\n", patchSpec: "~: ")
        XCTAssertTrue(try tree.build("null-key-existing").hasSuffix("spec:\n  a: 1\n"))
        try write("empty-key-patch", resourceSpec: "spec:\n  a: 1\n", patchSpec: "'': 2")
        XCTAssertTrue(tree.buildError("empty-key-patch").contains("expected ScalarNode but got MappingNode"), tree.buildError("empty-key-patch"))
        try write("empty-key-target", resourceSpec: "spec:\n  a: 1\n  \"\": x\n", patchSpec: "b: 2")
        XCTAssertTrue(tree.buildError("empty-key-target").contains("expected ScalarNode but got MappingNode"), tree.buildError("empty-key-target"))
        try write("null-value", resourceSpec: "", patchSpec: "x: ")
        XCTAssertTrue(try tree.build("null-value").hasSuffix("spec: {}\n"))
    }

    /// AC-1340: commonAnnotations gives a pod template the same value node as the resource's
    /// own annotations, so a later patch of one changes both; kustomize's final rewrite of
    /// `metadata.annotations` then makes new string nodes there, and the template keeps the
    /// patch's type (a float `1e3` prints as JSON's 1000).
    func testSharedAnnotationValueKeepsItsTypeInTheTemplate() throws {
        let tree = PluginTestTree("difftest-shared-annotation")
        defer { tree.remove(testName: name) }
        try tree.write("base/app.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n")
        try tree.write("base/kustomization.yaml", "resources:\n- app.yaml\ncommonAnnotations:\n  checksum/config: simple\n")
        try tree.write("top/kustomization.yaml", """
            resources:
            - ../base
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                  annotations:
                    checksum/config: 1e3

            """)
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                checksum/config: "1e3"
              name: worker
            spec:
              template:
                metadata:
                  annotations:
                    checksum/config: 1000

            """)
    }

    /// AF-175: commonLabels puts one node in every new field and restyles it at every field it
    /// sets, in kustomize's order (field specs sorted by GVK: the kind's own fields, then
    /// `metadata/labels`). A patch value written where that node sits takes its last style: a
    /// quoted template label made it quoted, so `1` becomes the string "1"; a plain
    /// `metadata.labels` entry set last made it plain again, so `2` stays a number.
    func testCommonLabelsNodeTakesTheStyleOfEachFieldItSets() throws {
        let tree = PluginTestTree("difftest-label-style")
        defer { tree.remove(testName: name) }
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: proxy\n"
        let template = "spec:\n  template:\n    metadata:\n      labels:\n        tier: \"1\"\n"
        try tree.write("base/kustomization.yaml", "resources:\n- res.yaml\ncommonLabels:\n  tier: A1\n")
        try tree.write("base/res.yaml", deployment + template)
        try tree.write("top/kustomization.yaml", """
            resources:
            - ../base
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: proxy
                  labels:
                    tier: 1

            """)
        let labels = { (meta: String, selector: String) in
            deployment.replacingOccurrences(of: "  name: proxy\n", with: "  labels:\n    tier: \(meta)\n  name: proxy\n")
                + "spec:\n  selector:\n    matchLabels:\n      tier: \(selector)\n  template:\n    metadata:\n      labels:\n        tier: A1\n"
        }
        XCTAssertEqual(try tree.build("top"), labels("\"1\"", "\"1\""))

        try tree.write("base/res.yaml", deployment + "  labels:\n    tier: old\n" + template)
        try tree.write("top/kustomization.yaml", """
            resources:
            - ../base
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: proxy
                  labels:
                    tier: 1
                spec:
                  selector:
                    matchLabels:
                      tier: 2

            """)
        XCTAssertEqual(try tree.build("top"), labels("1", "2"))
    }

    /// kc-170 and variants: a generator sets its fields as kyaml does, and a later patch value
    /// takes their styles: the name and a Secret's type as strings (`123` double-quoted),
    /// option labels single-quoted, option annotations and merged labels as strings. So `2`
    /// patched onto a generated label is the string "2"; onto a plain one, the number.
    func testGeneratedFieldsKeepKyamlStylesUnderPatches() throws {
        let tree = PluginTestTree("difftest-generated-styles")
        defer { tree.remove(testName: name) }
        try tree.write("kustomization.yaml", """
            configMapGenerator:
            - name: "123"
              literals:
              - a=b
              options:
                labels:
                  app: web
                  k: "1"
                annotations:
                  m: "1"
                disableNameSuffixHash: true
            secretGenerator:
            - name: "true"
              type: "1"
              options:
                disableNameSuffixHash: true
            patches:
            - patch: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: "123"
                  labels:
                    app: 2
                    k: 3
                  annotations:
                    m: 5
              options:
                allowKindChange: true
            - patch: |
                apiVersion: v1
                kind: Secret
                metadata:
                  name: "true"
                type: 7

            """)
        XCTAssertEqual(try tree.build(), """
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              annotations:
                m: "5"
              labels:
                app: "2"
                k: "3"
              name: "123"
            ---
            apiVersion: v1
            data: {}
            kind: Secret
            metadata:
              name: "true"
            type: "7"

            """)

        // behavior: merge sets the united labels anew, as strings
        try tree.write("base/kustomization.yaml", "configMapGenerator:\n- name: cm\n  options:\n    labels:\n      app: web\n      k: \"1\"\n")
        try tree.write("top/kustomization.yaml", """
            resources:
            - ../base
            configMapGenerator:
            - name: cm
              behavior: merge
              options:
                labels:
                  z: "2"
                  w: plain
            patches:
            - patch: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cm
                  labels:
                    app: 2
                    k: 3
                    z: 4
                    w: 5

            """)
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                app: 2
                k: "3"
                w: 5
                z: "4"
              name: cm-6ct58987ht

            """)
    }

    /// kc-262: a map a patch adds whole is walked field by field, each set to its own node,
    /// so a string YAML 1.1 reads as another type (`yes`) is double-quoted like a new field;
    /// a later patch value there is then a string too.
    func testFieldsOfAPatchAddedMapAreRestyled() throws {
        let tree = PluginTestTree("difftest-added-map-style")
        defer { tree.remove(testName: name) }
        try tree.write("r.yaml", "apiVersion: v1\nkind: Foo\nmetadata:\n  name: a\n")
        try tree.write("kustomization.yaml", """
            resources:
            - r.yaml
            patches:
            - patch: |
                apiVersion: v1
                kind: Foo
                metadata:
                  name: a
                spec:
                  x: yes
                  m:
                    y: yes
            - patch: |
                apiVersion: v1
                kind: Foo
                metadata:
                  name: a
                spec:
                  x: true
                  m:
                    y: 1.5

            """)
        XCTAssertEqual(try tree.build(), """
            apiVersion: v1
            kind: Foo
            metadata:
              name: a
            spec:
              m:
                "y": "1.5"
              x: "true"

            """)
    }

    /// A key written twice in a patch: go-yaml keeps both in the node, kyaml's merge finds the
    /// first, and the second is never seen, unless the map is added whole, when the resource
    /// cannot be read back at output. Labels and annotations a targeted patch unites are read
    /// into a Go map first, where the last value wins. Resources with a repeated key stay an
    /// error.
    func testRepeatedKeysInPatches() throws {
        let tree = PluginTestTree("difftest-repeated-keys")
        defer { tree.remove(testName: name) }
        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"y\"\n")
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\npatches:\n- path: p.yaml\n")
        try tree.write("p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: 1\n  x: 2\ndata:\n  z: 3\nkind: Secret\n")
        XCTAssertEqual(try tree.build(), "apiVersion: v1\ndata:\n  x: \"1\"\nkind: ConfigMap\nmetadata:\n  name: a\n")

        try tree.write("p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nspec:\n  k: first\n  k: second\n")
        XCTAssertTrue(tree.buildError().contains("line 7: mapping key \"k\" already defined at line 6"), tree.buildError())

        try tree.write("kustomization.yaml", "resources:\n- r.yaml\npatches:\n- path: p.yaml\n  target:\n    kind: ConfigMap\n")
        try tree.write("p.yaml", "kind: ConfigMap\nmetadata:\n  name: a\n  annotations: {a: b, a: c}\n")
        XCTAssertEqual(try tree.build(), "apiVersion: v1\ndata:\n  x: \"y\"\nkind: ConfigMap\nmetadata:\n  annotations:\n    a: c\n  name: a\n")

        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n")
        XCTAssertTrue(tree.buildError().contains("already defined"), tree.buildError())
    }

    /// AH-1354, AH-587: an empty `{}` a patch merges into takes the patch's block style, so a
    /// folded value added there gets go-yaml's folding quirk when written (a more-indented
    /// line gains a blank line before it); so does the text a generated object is hashed by.
    func testFoldedValuesMergedIntoEmptyFlowMapsAndHashes() throws {
        let tree = PluginTestTree("difftest-folded-merge")
        defer { tree.remove(testName: name) }
        let patch = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  z: >\n    a\n      indented\n    b\n"
        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {}\n")
        try tree.write("p.yaml", patch)
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\npatches:\n- path: p.yaml\n")
        XCTAssertEqual(try tree.build(), "apiVersion: v1\ndata:\n  z: |\n    a\n\n      indented\n    b\nkind: ConfigMap\nmetadata:\n  name: c\n")

        try tree.write("mid/kustomization.yaml", "secretGenerator:\n- name: env\n")
        try tree.write("top/patch.yaml", patch.replacingOccurrences(of: "ConfigMap", with: "Secret").replacingOccurrences(of: "name: c", with: "name: env"))
        try tree.write("top/kustomization.yaml", "resources:\n- ../mid\npatches:\n- path: patch.yaml\n")
        XCTAssertEqual(try tree.build("top"), "apiVersion: v1\ndata:\n  z: |\n    a\n\n      indented\n    b\nkind: Secret\nmetadata:\n  name: env-4gmfkc577h\ntype: Opaque\n")
    }

    /// AI-1631: a patch value that took a quoted field's style keeps its own tag in kyaml, and
    /// a var reads it by that tag: `0x_1` is an int Go's Atoi cannot parse (kustomize's "not
    /// found"), `1.5` is the float 1.5.
    func testVarsReadAPatchedValueByItsOwnTag() throws {
        let tree = PluginTestTree("difftest-var-declared-tag")
        defer { tree.remove(testName: name) }
        try tree.write("app.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
            data:
              a: "prod"
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: x
                image: i
                args: ["$(V)"]

            """)
        func kustomization(_ value: String) -> String {
            "resources:\n- app.yaml\nvars:\n- name: V\n  objref: {kind: ConfigMap, name: c, apiVersion: v1}\n  fieldref: {fieldpath: data.a}\n"
                + "patches:\n- patch: |\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: c\n    data:\n      a: \(value)\n"
        }
        try tree.write("kustomization.yaml", kustomization("0x_1"))
        XCTAssertTrue(tree.buildError().contains("field specified in var"), tree.buildError())
        try tree.write("kustomization.yaml", kustomization("1.5"))
        let built = try tree.build()
        XCTAssertTrue(built.contains("  containers:\n  - args:\n    - 1.5\n"), built)
    }

    /// AJ-3680: a replacement keeps a boolean field's type and writes `yes` there; go-yaml v3
    /// reads `!!bool yes` as an error (YAML 1.1 words are strings to it).
    func testYAML11WordsInABooleanFieldFailAtOutput() throws {
        let tree = PluginTestTree("difftest-bool-yes")
        defer { tree.remove(testName: name) }
        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    tier: 'yes'\ndata:\n  b: false\n")
        try tree.write("kustomization.yaml", """
            resources:
            - r.yaml
            replacements:
            - source: {fieldPath: metadata.labels.tier}
              targets:
              - select: {kind: ConfigMap}
                fieldPaths: [data.b]

            """)
        XCTAssertTrue(tree.buildError().contains("cannot decode !!str `yes` as a !!bool"), tree.buildError())
    }

    /// AJ-1721: after a JSON patch a number is a float64 written with `%g`: `1234567` is
    /// `1.234567e+06` to whatever reads the text next (here a replacement), though the output
    /// prints it in decimal.
    func testNumbersAfterAJSONPatchReadAsGoWritesThem() throws {
        let tree = PluginTestTree("difftest-json-number-text")
        defer { tree.remove(testName: name) }
        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\nspec:\n  big: 1234567\n  f: 0.00001\n")
        try tree.write("kustomization.yaml", """
            resources:
            - r.yaml
            patches:
            - target: {kind: ConfigMap}
              patch: '[{"op": "add", "path": "/data/x", "value": "1"}]'
            replacements:
            - source: {kind: ConfigMap, fieldPath: spec.big}
              targets:
              - select: {kind: ConfigMap}
                fieldPaths: [data.a]
            - source: {kind: ConfigMap, fieldPath: spec.f}
              targets:
              - select: {kind: ConfigMap}
                fieldPaths: [data.x]

            """)
        XCTAssertEqual(try tree.build(), """
            apiVersion: v1
            data:
              a: "1.234567e+06"
              x: "1e-05"
            kind: ConfigMap
            metadata:
              name: c
            spec:
              big: 1234567
              f: 1e-05

            """)
    }

    /// AK-2002: kustomize drops local-config resources by ID. One a replacement renamed onto a
    /// kept resource stays beside it: an error when the legacy sort rebuilds the map, printed
    /// in FIFO order. Two local ones sharing an ID fail their removal.
    func testLocalConfigResourcesAreDroppedByID() throws {
        let tree = PluginTestTree("difftest-local-config-id")
        defer { tree.remove(testName: name) }
        let local = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    config.kubernetes.io/local-config: \"true\"\n"
        try tree.write("r.yaml", local + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n")
        let renaming = "resources:\n- r.yaml\nreplacements:\n- source: {name: b}\n  targets:\n  - select: {name: a}\n"
        try tree.write("kustomization.yaml", renaming)
        XCTAssertTrue(tree.buildError().contains("may not add resource with an already registered id"), tree.buildError())
        try tree.write("kustomization.yaml", renaming + "sortOptions:\n  order: fifo\n")
        XCTAssertEqual(try tree.build(), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                config.kubernetes.io/local-config: "true"
              name: b
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b

            """)
        try tree.write("r.yaml", local + "---\n" + local.replacingOccurrences(of: "name: a", with: "name: c"))
        try tree.write("kustomization.yaml", "resources:\n- r.yaml\nreplacements:\n- source: {name: a}\n  targets:\n  - select: {name: c}\n")
        XCTAssertTrue(tree.buildError().contains("not found in removal"), tree.buildError())
    }

    /// name_refs.py (focused) seed 1, tree 124: a subject's `namespace` picks its candidates among
    /// everything the binding could refer to, grouped by original namespace, whatever their kind
    /// or name. A ConfigMap first placed in ns2 makes ns2 an original namespace, so the service
    /// account (first in `default`, moved to ns2 later) is not a candidate and `x` stays; without
    /// it kustomize groups by current namespace and renames the subject.
    func testSubjectNamespaceGroupsCandidatesByOriginalNamespaceOfAnyResource() throws {
        let tree = PluginTestTree("difftest-subject-ns")
        defer { tree.remove(testName: name) }
        let resources = { (other: String) in
            "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n\(other)---\n"
                + "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n"
                + "  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: x\n  namespace: ns2\n"
        }
        try tree.write("a/kustomization.yaml", "resources: [r.yaml]\nnamePrefix: a-\n")
        try tree.write("top/kustomization.yaml", "resources: [../a]\nnamespace: ns2\n")
        try tree.write("a/r.yaml", resources("  namespace: ns2\n"))
        let kept = try tree.build("top")
        XCTAssertTrue(kept.contains("subjects:\n- kind: ServiceAccount\n  name: x\n  namespace: ns2\n"), kept)
        try tree.write("a/r.yaml", resources(""))
        let renamed = try tree.build("top")
        XCTAssertTrue(renamed.contains("subjects:\n- kind: ServiceAccount\n  name: a-x\n  namespace: ns2\n"), renamed)
    }

    /// AP-104: kustomize's resource-map patching (`patches` with a target, patchesStrategicMerge)
    /// gives the patch copy the target's apiVersion even when it has none: a new untagged empty
    /// node, which a block-style object prints as `null` and a flow-style one as `""`. A patch
    /// found by its own ID is merged as it is.
    func testTargetedPatchesGiveAnObjectWithoutAPIVersionAnEmptyOne() throws {
        let tree = PluginTestTree("difftest-empty-apiversion")
        defer { tree.remove(testName: name) }
        try tree.write("patch.yaml", "kind: Deployment\nmetadata:\n  name: queue\nspec: {x: 1}\n")
        let built = { (resource: String, patches: String) throws -> String in
            try tree.write("r.yaml", resource)
            try tree.write("kustomization.yaml", "resources:\n- r.yaml\n" + patches)
            return try tree.build()
        }
        let targeted = "patches:\n- path: patch.yaml\n  target: {kind: Deployment}\n"
        let body = "kind: Deployment\nmetadata:\n  name: queue\nspec:\n  x: 1\n"
        XCTAssertEqual(try built("kind: Deployment\nmetadata:\n  name: queue\n", targeted), "apiVersion: null\n" + body)
        XCTAssertEqual(try built("{kind: Deployment, metadata: {name: queue}}\n", targeted), "apiVersion: \"\"\n" + body)
        XCTAssertEqual(try built("{kind: Deployment, metadata: {name: queue}}\n", "patchesStrategicMerge:\n- patch.yaml\n"), "apiVersion: \"\"\n" + body)
        XCTAssertEqual(try built("{kind: Deployment, metadata: {name: queue}}\n", "patches:\n- path: patch.yaml\n"), body)
        XCTAssertEqual(try built("apiVersion: 1\nkind: Deployment\nmetadata:\n  name: queue\n", targeted), "apiVersion: 1\n" + body)
    }
}
