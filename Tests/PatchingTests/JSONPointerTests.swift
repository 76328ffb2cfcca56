@testable import Patching
import TestSupport
import XCTest
import YAML

final class JSONPointerTests: XCTestCase {
    func testTokens() {
        XCTAssertEqual(JSONPointer("").tokens, [])
        XCTAssertTrue(JSONPointer("").isRoot)
        XCTAssertEqual(JSONPointer("/").tokens, [""])
        XCTAssertEqual(JSONPointer("/spec/template/0").tokens, ["spec", "template", "0"])
        XCTAssertEqual(JSONPointer("/a~1b/c~0d").tokens, ["a/b", "c~d"])
        // ~1 is decoded before ~0, so ~01 stays ~1 (RFC 6901 section 4)
        XCTAssertEqual(JSONPointer("/~01").tokens, ["~1"])
        // evanphx ignores what precedes the first slash (oracle k13)
        XCTAssertEqual(JSONPointer("spec/x").tokens, ["x"])
    }

    func testEscape() {
        XCTAssertEqual(JSONPointer.escape("a/b~c"), "a~1b~0c")
        XCTAssertEqual(JSONPointer.unescape(Substring(JSONPointer.escape("x~1/y"))), "x~1/y")
    }
}

final class JSONPatchBehaviourTests: XCTestCase {
    func testErrorsNameFilePositionAndOperation() throws {
        let patch = try JSONPatch(text: """
            - op: add
              path: /spec/x
              value: 1
            - op: remove
              path: /spec/nothere
            """, file: "overlay/patch.yaml")
        XCTAssertThrowsError(try patch.apply(to: node(jsonPatchTarget))) { error in
            let e = error as? Diagnostic
            XCTAssertEqual(e?.file, "overlay/patch.yaml")
            XCTAssertEqual(e?.mark, Mark(line: 4, column: 3))
            XCTAssertEqual(e?.description, "overlay/patch.yaml:4:3: operation 2 (remove /spec/nothere): error in remove "
                + "for path: '/spec/nothere': Unable to remove nonexistent key: nothere: missing value")
        }
    }

    func testDocumentMustBeAListOfMappings() {
        XCTAssertThrowsError(try JSONPatch(text: "op: add\npath: /x\n", file: "p.yaml"))
        XCTAssertThrowsError(try JSONPatch(text: "- add\n", file: "p.yaml"))
        XCTAssertThrowsError(try JSONPatch(text: "", file: "p.yaml"))
        XCTAssertNoThrow(try JSONPatch(text: "[]", file: "p.yaml"))
    }

    func testValuesAreCopiedPerResource() throws {
        let patch = try JSONPatch(text: #"[{"op": "add", "path": "/spec/x", "value": {"a": [1]}}]"#, file: "p.json")
        let first = try patch.apply(to: node(jsonPatchTarget))
        let second = try patch.apply(to: node(jsonPatchTarget))
        first.asMapping?.mapping("spec")?.mapping("x")?["a"] = .string("changed")
        XCTAssertEqual(second.asMapping?.mapping("spec")?.mapping("x")?.sequence("a")?.items.count, 1)
    }

    func testMoveAndCopyWithinLists() throws {
        let out = try jsonPatchedYAML("a: [1, 2, 3]\nb: {}\n", """
            - {op: move, from: /a/0, path: /a/-}
            - {op: copy, from: /a/0, path: /b/first}
            - {op: replace, path: /a/-1, value: last}
            - {op: test, path: /a, value: [2, 3, last]}
            """)
        XCTAssertEqual(out, "a:\n- 2\n- 3\n- last\nb:\n  first: 2\n")
    }
}
