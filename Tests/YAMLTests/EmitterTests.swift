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
}
