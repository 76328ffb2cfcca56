@testable import Patching
import TestSupport
import XCTest
import YAML

/// JSON patch cases recorded with `kubectl kustomize` (kustomize v5.5.0): `patches: [{path:
/// patch.yaml, target: {kind: Deployment}}]` on `jsonPatchTarget`. Error cases check that our
/// message carries the library message kustomize printed (case name in brackets).
final class JSONPatchTests: XCTestCase {

    /// add replaces an existing key; ~1 and ~0 escapes; `-` appends; index inserts; copy; move; test. [j1]
    func testAddReplaceEscapesAppendInsertCopyMoveTest() throws {
        let patch = """
            - op: add
              path: /spec/replicas
              value: 3
            - op: add
              path: /metadata/annotations/a~1b
              value: z
            - op: replace
              path: /metadata/annotations/c~0d
              value: w
            - op: add
              path: /spec/template/spec/containers/0/args/-
              value: q
            - op: add
              path: /spec/template/spec/containers/0/args/0
              value: first
            - op: copy
              from: /spec/replicas
              path: /spec/minReadySeconds
            - op: move
              from: /metadata/annotations/a~1b
              path: /metadata/labels
            - op: test
              path: /spec/replicas
              value: 3
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                c~d: w
              labels: z
              name: d
            spec:
              minReadySeconds: 3
              replicas: 3
              template:
                spec:
                  containers:
                  - args:
                    - first
                    - x
                    - "y"
                    - q
                    image: a
                    name: a

            """)
    }

    /// remove of a missing key fails. [j2]
    func testRemoveMissingKeyIsAnError() throws {
        let patch = """
            - op: remove
              path: /spec/nothere
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("error in remove for path: '/spec/nothere': Unable to remove nonexistent key: nothere: missing value"), "\(error)")
        }
    }

    /// replace of a missing map key adds it (evanphx v4). [j3]
    func testReplaceMissingMapKeyAddsIt() throws {
        let patch = """
            - op: replace
              path: /spec/nothere
              value: 1
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              nothere: 1
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a

            """)
    }

    /// a failing test stops the patch. [j4]
    func testFailedTestIsAnError() throws {
        let patch = """
            - op: test
              path: /spec/replicas
              value: 2
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("testing value /spec/replicas failed: test failed"), "\(error)")
        }
    }

    /// "1" does not equal 1. [j5]
    func testTestDistinguishesStringFromNumber() throws {
        let patch = """
            - op: test
              path: /spec/replicas
              value: "1"
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("testing value /spec/replicas failed: test failed"), "\(error)")
        }
    }

    /// add needs the parent to exist. [j6]
    func testAddUnderMissingParentIsAnError() throws {
        let patch = """
            - op: add
              path: /spec/a/b
              value: 1
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("add operation does not apply: doc is missing path: \"/spec/a/b\": missing value"), "\(error)")
        }
    }

    /// an index past the end fails. [j7]
    func testAddPastTheEndIsAnError() throws {
        let patch = """
            - op: add
              path: /spec/template/spec/containers/0/args/5
              value: 1
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("error in add for path: '/spec/template/spec/containers/0/args/5': Unable to access invalid index: 5: invalid index referenced"), "\(error)")
        }
    }

    /// index == length appends. [j8]
    func testAddAtLengthAppends() throws {
        let patch = """
            - op: add
              path: /spec/template/spec/containers/0/args/2
              value: 1
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    - 1
                    image: a
                    name: a

            """)
    }

    /// an unknown op fails. [j9]
    func testUnknownOpIsAnError() throws {
        let patch = """
            - op: frob
              path: /spec
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("Unexpected kind: frob"), "\(error)")
        }
    }

    /// a patch written as JSON. [j10]
    func testJSONSyntaxPatch() throws {
        let patch = """
            [{"op": "add", "path": "/spec/x", "value": {"a": [1, "2", null, true]}}]
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a
              x:
                a:
                - 1
                - "2"
                - null
                - true

            """)
    }

    /// replace of "" swaps the document. [j11]
    func testReplaceWholeDocument() throws {
        let patch = """
            - op: replace
              path: ""
              value: {apiVersion: v1, kind: ConfigMap, metadata: {name: zz}}
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: zz

            """)
    }

    /// replace needs the parent. [k1]
    func testReplaceUnderMissingParentIsAnError() throws {
        let patch = """
            - op: replace
              path: /spec/a/b
              value: 1
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("replace operation does not apply: doc is missing path: /spec/a/b: missing value"), "\(error)")
        }
    }

    /// replace of a missing index fails. [k2]
    func testReplacePastTheEndIsAnError() throws {
        let patch = """
            - op: replace
              path: /spec/template/spec/containers/0/args/2
              value: 1
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("replace operation does not apply: doc is missing key: /spec/template/spec/containers/0/args/2: missing value"), "\(error)")
        }
    }

    /// `-` is not an index for replace. [k3]
    func testReplaceDashIsAnError() throws {
        let patch = """
            - op: replace
              path: /spec/template/spec/containers/0/args/-
              value: 1
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("replace operation does not apply: doc is missing key: /spec/template/spec/containers/0/args/-: missing value"), "\(error)")
        }
    }

    /// remove of a missing index fails. [k4]
    func testRemovePastTheEndIsAnError() throws {
        let patch = """
            - op: remove
              path: /spec/template/spec/containers/0/args/2
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("error in remove for path: '/spec/template/spec/containers/0/args/2': Unable to access invalid index: 2: invalid index referenced"), "\(error)")
        }
    }

    /// `-` is not an index for remove. [k4b]
    func testRemoveDashIsAnError() throws {
        let patch = """
            - op: remove
              path: /spec/template/spec/containers/0/args/-
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("error in remove for path: '/spec/template/spec/containers/0/args/-': strconv.Atoi: parsing \"-\": invalid syntax"), "\(error)")
        }
    }

    /// move from a missing key fails. [k5]
    func testMoveFromMissingIsAnError() throws {
        let patch = """
            - op: move
              from: /spec/nope
              path: /spec/x
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value"), "\(error)")
        }
    }

    /// copy from a missing map key writes null. [k6]
    func testCopyFromMissingWritesNull() throws {
        let patch = """
            - op: copy
              from: /spec/nope
              path: /spec/x
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a
              x: null

            """)
    }

    /// a missing value tests equal to null. [k7]
    func testTestMissingEqualsNull() throws {
        let patch = """
            - op: test
              path: /spec/nope
              value: null
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a

            """)
    }

    /// test compares maps by keys and lists in order. [k8]
    func testTestComparesMapsAndLists() throws {
        let patch = """
            - op: test
              path: /spec/template/spec/containers/0
              value: {image: a, name: a, args: [x, "y"]}
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a

            """)
    }

    /// 1 equals 1.0. [k9]
    func testTestComparesNumbersByValue() throws {
        let patch = """
            - op: test
              path: /spec/replicas
              value: 1.0
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a

            """)
    }

    /// add without value writes null. [k10]
    func testAddWithoutValueWritesNull() throws {
        let patch = """
            - op: add
              path: /spec/x
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a
              x: null

            """)
    }

    /// an op without path fails. [k11]
    func testMissingPathIsAnError() throws {
        let patch = """
            - op: add
              value: 1
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("add operation failed to decode path: missing value"), "\(error)")
        }
    }

    /// `01` is index 1 (Go's Atoi). [k12]
    func testLeadingZeroIndex() throws {
        let patch = """
            - op: add
              path: /spec/template/spec/containers/0/args/01
              value: 1
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - 1
                    - "y"
                    image: a
                    name: a

            """)
    }

    /// the part before the first `/` is ignored: `spec/x` is `/x`. [k13]
    func testPathWithoutLeadingSlash() throws {
        let patch = """
            - op: add
              path: spec/x
              value: 1
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a
            x: 1

            """)
    }

    /// a scalar has no children. [k14]
    func testAddUnderScalarIsAnError() throws {
        let patch = """
            - op: add
              path: /spec/replicas/x
              value: 1
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("add operation does not apply: doc is missing path: \"/spec/replicas/x\": missing value"), "\(error)")
        }
    }

    /// move removes first, so the destination parent is gone. [k15]
    func testMoveIntoOwnChildIsAnError() throws {
        let patch = """
            - op: move
              from: /spec/template
              path: /spec/template/x
            """
        XCTAssertThrowsError(try jsonPatchedYAML(jsonPatchTarget, patch)) { error in
            XCTAssertTrue("\(error)".contains("move operation does not apply: doc is missing destination path: /spec/template/x: missing value"), "\(error)")
        }
    }

    /// `/spec/` names the key "". [k16]
    func testEmptyKeyToken() throws {
        let patch = """
            - op: add
              path: /spec/
              value: 1
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              "": 1
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    image: a
                    name: a

            """)
    }

    /// -1 on add appends. [k17]
    func testNegativeIndexCountsFromTheEnd() throws {
        let patch = """
            - op: add
              path: /spec/template/spec/containers/0/args/-1
              value: 1
            """
        XCTAssertEqual(try jsonPatchedYAML(jsonPatchTarget, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                a/b: x
                c~d: "y"
              name: d
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    - 1
                    image: a
                    name: a

            """)
    }

}

/// The Deployment the JSON patch cases patch.
let jsonPatchTarget = """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    a/b: x
    c~d: y
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: a
        image: a
        args: [x, y]
"""

/// Applies a JSON patch to a resource and returns the emitted result.
func jsonPatchedYAML(_ resource: String, _ patch: String) throws -> String {
    let p = try JSONPatch(text: patch, file: "patch.yaml")
    let result = try p.apply(to: try node(resource, file: "resource.yaml"))
    return try YAMLEmitter().emitString(result)
}
