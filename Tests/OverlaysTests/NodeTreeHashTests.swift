import XCTest

/// A generated ConfigMap or Secret whose kind a patch changed (`allowKindChange`) is hashed by
/// kustomize from `json.Marshal` of its whole go-yaml node tree, line and column of every node
/// included. The expected names were printed by `kubectl kustomize` (kustomize v5.5.0).
final class NodeTreeHashTests: XCTestCase {
    private let tree = PluginTestTree("node-tree-hash")

    override func tearDown() {
        tree.remove(testName: name)
    }

    /// V-240: the generator's own nodes, the build annotations it adds, and the patch copy's
    /// nodes that the merge takes over.
    func testConfigMapTurnedIntoAService() throws {
        try tree.write("kustomization.yaml", """
            configMapGenerator:
            - name: env
            patches:
            - patch: |
                kind: Service
                metadata:
                  name: queue-svc
              target: {}
              options:
                allowKindChange: true

            """)
        XCTAssertEqual(try tree.build(), "apiVersion: v1\nkind: Service\nmetadata:\n  name: env-f756g5t8h9\n")
    }

    /// AF-596: a Secret from a component (its `data` map is made even without sources).
    func testSecretFromAComponentTurnedIntoARole() throws {
        try tree.write("components/c/kustomization.yaml", "kind: Component\nsecretGenerator:\n- name: env\n")
        try tree.write("top/kustomization.yaml", """
            components:
              - ../components/c
            patches:
              - patch: |
                  kind: Role
                  metadata:
                    name: cache-role
                target: {}
                options:
                  allowKindChange: true

            """)
        XCTAssertEqual(try tree.build("top"), "apiVersion: v1\ndata: {}\nkind: Role\nmetadata:\n  name: env-47md754kh5\ntype: Opaque\n")
    }

    /// Three patches over two layers: generator options, a rename, fields a patch adds, a null
    /// that deletes, an inline patch whose blank lines are trimmed before it is read.
    func testPatchesAcrossLayersWithARename() throws {
        try tree.write("base/kustomization.yaml", """
            configMapGenerator:
            - name: "123"
              literals:
              - b=yes
              options:
                annotations:
                  note: "1"
                immutable: true
            patches:
            - patch: |
                  kind: ConfigMap
                  metadata:
                    name: x
                    annotations:
                      a1: 1.5
              target: {}
              options:
                allowKindChange: true
            - patch: |


                  kind: ConfigMap
                  apiVersion: v1
                  metadata:
                    name: other
                  spec:
                    x: ""
                    m:
                      y: null


              target: {}
              options:
                allowKindChange: true
                allowNameChange: true

            """)
        try tree.write("top/kustomization.yaml", """
            resources:
            - ../base
            patches:
            - patch: |
                  kind: ClusterRole
                  apiVersion: v1
                  metadata:
                    name: other
                    labels:
                      l1: yes
              target:
                kind: ConfigMap
              options:
                allowKindChange: true

            """)
        XCTAssertEqual(try tree.build("top"), """
            apiVersion: v1
            data:
              b: "yes"
            immutable: true
            kind: ClusterRole
            metadata:
              annotations:
                a1: "1.5"
                note: "1"
              labels:
                l1: "yes"
              name: other-9dtk2mc7c8
            spec:
              m: {}
              x: ""

            """)
    }

    /// AJ-2759: a list the schema does not merge by key (the object is still a v1 ConfigMap
    /// when the patch is merged) is taken whole from the patch, positions included.
    func testListsReplacedWholeByTheKindChangingPatch() throws {
        try tree.write("base/kustomization.yml", "configMapGenerator:\n  - name: settings\n")
        try tree.write("app/Kustomization", """
            resources:
              - ../base
            patches:
              - patch: "kind: StatefulSet\\nmetadata:\\n  name: backend2\\nspec:\\n  volumeClaimTemplates: []\\n"
                target: {}
                options:
                  allowKindChange: true

            """)
        XCTAssertEqual(try tree.build("app"), "apiVersion: v1\nkind: StatefulSet\nmetadata:\n  name: settings-9t2775h527\nspec:\n  volumeClaimTemplates: []\n")
    }

    /// What the history cannot vouch for is refused, not guessed: another transformer ran
    /// (here commonLabels), or a patch held a comment, which go-yaml keeps in the node.
    func testUnrecordedChangesAreRefused() throws {
        let patch = """
            patches:
            - patch: |
                kind: Service
                metadata:
                  name: queue-svc
              target: {}
              options:
                allowKindChange: true

            """
        try tree.write("kustomization.yaml", "configMapGenerator:\n- name: env\ncommonLabels:\n  a: b\n" + patch)
        XCTAssertTrue(tree.buildError().contains("cannot compute a name hash for kind 'Service'"), tree.buildError())
        try tree.write("kustomization.yaml", "configMapGenerator:\n- name: env\n"
            + patch.replacingOccurrences(of: "kind: Service", with: "kind: Service # the new kind"))
        XCTAssertTrue(tree.buildError().contains("cannot compute a name hash for kind 'Service'"), tree.buildError())

        // once a v1 Service, its ports are a list merged by key
        try tree.write("kustomization.yaml", "configMapGenerator:\n- name: env\n" + patch
            + "- patch: |\n    kind: Service\n    metadata:\n      name: env\n    spec:\n      ports:\n      - port: 80\n  target: {}\n")
        XCTAssertTrue(tree.buildError().contains("cannot compute a name hash for kind 'Service'"), tree.buildError())
    }

    /// AN-3816: an `images:` entry that matches no image writes nothing (kyaml's image filter
    /// leaves the node tree alone), so the history stays true; one that rewrites an image
    /// drops it. Names printed by kubectl for the same tree.
    func testAnImageEntryKeepsTheHistoryOfObjectsItDoesNotChange() throws {
        try tree.write("base/kustomization.yaml", "configMapGenerator:\n- name: cfg\n  literals: [a=b]\n")
        try tree.write("top/patch.yaml", "kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: busybox:1\n")
        let top = { (image: String) in
            "resources:\n- ../base\nimages:\n- name: \(image)\n  newTag: \"2\"\npatches:\n- path: patch.yaml\n  target: {}\n"
                + "  options:\n    allowKindChange: true\n    allowNameChange: true\n"
        }
        try tree.write("top/kustomization.yaml", top("nginx"))
        XCTAssertTrue(try tree.build("top").contains("  name: web-bdk5h56th9\n"))
        try tree.write("top/kustomization.yaml", top("busybox"))
        XCTAssertTrue(tree.buildError("top").contains("cannot compute a name hash for kind 'Deployment'"), tree.buildError("top"))
    }
}
