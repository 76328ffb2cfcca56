import XCTest
@testable import YAML

/// Mappings past the size where keys are indexed by hash (issue 9: quadratic mappings) keep
/// every rule small ones follow. Their speed is measured by Benchmarks/scripts/wide_mapping_bench.py.
final class WideMappingTests: XCTestCase {
    private func wide(_ n: Int, extra: String = "") -> String {
        (0..<n).map { "k\($0): v\($0)\n" }.joined() + extra
    }

    func testDuplicateKeyFarIntoAWideMappingIsAnError() {
        XCTAssertThrowsError(try YAMLParser().parse(wide(500, extra: "k3: again\n"), file: "w.yaml")) { error in
            XCTAssertTrue("\(error)".contains("mapping key \"k3\" already defined"), "\(error)")
            XCTAssertEqual((error as? Diagnostic)?.mark.line, 501)
        }
    }

    func testLastWinsInAWideMappingReplacesInPlace() throws {
        let docs = try YAMLParser(duplicateKeys: .lastWins).parse(wide(500, extra: "k7: last\nk499: end\n"), file: "w.yaml")
        let m = try XCTUnwrap(docs[0].asMapping)
        XCTAssertEqual(m.entries.count, 500)
        XCTAssertEqual(m.string("k7"), "last")
        XCTAssertEqual(m.entries[7].key.value, "k7")
        XCTAssertEqual(m.string("k499"), "end")
    }

    func testWideMergeKeysKeepOrderAndOwnKeysWin() throws {
        let base = (0..<300).map { "  b\($0): \($0)\n" }.joined()
        let text = "base: &b\n\(base)other: &o {b1: other, z: 1}\nm:\n  <<: [*b, *o]\n  b2: own\n  c: 1\n"
        let m = try XCTUnwrap(YAMLParser().parse(text, file: "m.yaml")[0].asMapping?.mapping("m"))
        XCTAssertEqual(m.entries.count, 302)
        XCTAssertEqual(m.entries.first?.key.value, "b0")
        XCTAssertEqual(m.string("b1"), "1", "the first merged source wins")
        XCTAssertEqual(m.string("b2"), "own", "the mapping's own key wins")
        XCTAssertEqual(m.entries.suffix(2).map(\.key.value), ["b2", "c"])
        XCTAssertEqual(m.string("z"), "1")
    }
}
