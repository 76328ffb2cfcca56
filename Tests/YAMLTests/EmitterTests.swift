import TestSupport
import XCTest
@testable import YAML

final class EmitterTests: XCTestCase {
    func testKeysSortInGoYAMLNaturalOrder() throws {
        let doc = try YAMLParser().parse("a: 1\nB: 1\n\"10\": 1\n\"2\": 1\n_x: 1\n\"1\": 1\n", file: "t.yaml")
        let out = try YAMLEmitter().emitString(doc[0])
        XCTAssertEqual(out, "_x: 1\n\"1\": 1\n\"2\": 1\n\"10\": 1\nB: 1\na: 1\n")
    }

    func testNaturalOrderComparesDigitRunsAsNumbers() {
        XCTAssertTrue(NaturalKeyOrder.less("item2", "item10"))
        XCTAssertFalse(NaturalKeyOrder.less("item10", "item2"))
        XCTAssertTrue(NaturalKeyOrder.less("a", "b"))
        XCTAssertTrue(NaturalKeyOrder.less("Z", "a"))
        XCTAssertTrue(NaturalKeyOrder.less("ab", "abc"))
    }

    func testSequencesAreNotIndentedAndEmptyCollectionsAreFlow() throws {
        let doc = try YAMLParser().parse("list: [a, {b: 1}]\nempty: {}\nnone: []\n", file: "t.yaml")
        XCTAssertEqual(try YAMLEmitter().emitString(doc[0]), "empty: {}\nlist:\n- a\n- b: 1\nnone: []\n")
    }

    /// The emitter's key order (an insertion sort of indices) is the natural order, stable.
    func testOutputOrderIsTheNaturalKeyOrder() {
        let pieces = ["a", "B", "1", "10", "2", "_", "x", "é", "01", "-", "z9", "Z"]
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            let keys = (0..<Int(rng.next() % 9)).map { _ in
                (0..<Int(1 + rng.next() % 3)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            }
            let entries = keys.map { MapEntry(key: .string($0), value: .string("v")) }
            let order = YAMLEmitter.outputOrder(entries) ?? Array(entries.indices)
            let expected = entries.indices.sorted { NaturalKeyOrder.less(keys[$0], keys[$1]) }
            XCTAssertEqual(order.map { keys[$0] }, expected.map { keys[$0] }, "\(keys)")
        }
    }
}
