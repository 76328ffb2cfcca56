@testable import Patching
import TestSupport
import XCTest
import YAML

/// Patch text classification; every outcome recorded with `kubectl kustomize` on a `patches:`
/// entry with a target.
final class PatchDocumentClassificationTests: XCTestCase {
    private func classify(_ text: String) throws -> PatchDocument {
        try PatchDocument.parse(text, file: "p.yaml")
    }

    func testJSONAndStrategicMerge() throws {
        if case .empty = try classify("") {} else { XCTFail("empty") }
        // `[…]` JSON text and YAML lists are JSON patches; only the first YAML document counts.
        guard case .json(let j) = try classify(#"[{"op": "add", "path": "/data/z", "value": 1}]"#) else {
            return XCTFail("json")
        }
        XCTAssertEqual(j.operations.map(\.op), ["add"])
        guard case .json(let y) = try classify("- {op: add, path: /a}\n---\n- {op: remove, path: /b}\n") else {
            return XCTFail("yaml list")
        }
        XCTAssertEqual(y.operations.map(\.op), ["add"])
        // A list followed by a mapping document: the JSON reading takes the first document only.
        guard case .json = try classify("- {op: add, path: /data/x, value: y}\n---\nmetadata: {name: cm}\n") else {
            return XCTFail("list then map")
        }
        guard case .strategicMerge(let maps) = try classify("kind: A\nmetadata: {name: a}\n---\nkind: B\nmetadata: {name: b}\n") else {
            return XCTFail("smp")
        }
        XCTAssertEqual(maps.map { $0.string("kind") }, ["A", "B"])
        // A List's items are patches of their own.
        guard case .strategicMerge(let items) = try classify("kind: List\nitems:\n- kind: ConfigMap\n  metadata: {name: cm}\n") else {
            return XCTFail("list kind")
        }
        XCTAssertEqual(items.map { $0.string("kind") }, ["ConfigMap"])
        // Neither reading finds a patch in `{}`: a JSON patch that fails once applied.
        if case .undecodableJSON = try classify("{}") {} else { XCTFail("{}") }
    }

    func testRejected() {
        let rejected = [
            "# nothing\n", "\n", "[]", "null\n",                    // both readings succeed
            "hello\n", "a: 1\n---\n- op: add\n",                      // neither does
            #"{"op": "add", "path": "/x", "value": 1}"#,            // a map is no JSON patch, and has no kind
            "metadata: {name: cm}\ndata: {x: y}\n",                   // no kind
            "kind: ConfigMap\ndata: {x: y}\n",                        // no name
            "kind: ConfigMap\nmetadata: {name: \"\"}\n",              // empty name
            "[{op: add, path: /data/x, value: y}]",                   // starts with `[`: strict JSON
            #"[{"op": "add", "path": "/data/x", "value": on}]"#,
            #"[{"op": "add", "path": "/data/x", "value": 0777}]"#,
            "- op: add\n  path: /data/x\n  value: .inf\n",          // no JSON form
        ]
        for text in rejected {
            XCTAssertThrowsError(try classify(text), text)
        }
    }

    /// YAML-form JSON patches are read as YAML 1.1 (`on` is true) and timestamps stay text.
    func testYAMLFormValuesAreYAML11() throws {
        guard case .json(let patch) = try classify("- {op: add, path: /a, value: on}\n- {op: add, path: /b, value: 2024-01-01}\n") else {
            return XCTFail("json")
        }
        XCTAssertEqual(patch.operations[0].value?.asScalar?.tag, .bool)
        XCTAssertEqual(patch.operations[1].value?.asScalar?.tag, .string)
    }

    /// A patch whose first document starts with a key is read as a strategic merge patch
    /// without trying JSON; anything else still gets both readings (an empty first document
    /// makes it both, kustomize's error).
    func testKeyLedPatchesSkipTheJSONReading() throws {
        XCTAssertTrue(PatchDocument.startsWithKey(Array("# note\n\n  kind: X".utf8)))
        XCTAssertFalse(PatchDocument.startsWithKey(Array("---\nkind: X".utf8)))
        XCTAssertFalse(PatchDocument.startsWithKey(Array("- op: add".utf8)))
        XCTAssertFalse(PatchDocument.startsWithKey(Array("# only a comment\n".utf8)))
        let smp = "# a comment\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n"
        guard case .strategicMerge(let maps) = try PatchDocument.parse(smp, file: "p.yaml") else { return XCTFail("not a strategic merge patch") }
        XCTAssertEqual(maps.count, 1)
        XCTAssertThrowsError(try PatchDocument.parse("---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", file: "p.yaml"))
    }
}
