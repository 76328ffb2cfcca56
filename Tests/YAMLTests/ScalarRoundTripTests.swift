import TestSupport
import XCTest
@testable import YAML

/// Expectations come from `kubectl kustomize` (Kustomize v5.5.0) on a ConfigMap holding
/// these values: the oracle's output for each input scalar.
final class ScalarRoundTripTests: XCTestCase {
    private func render(_ value: String) throws -> String {
        let doc = try YAMLParser().parse("k: \(value)\n", file: "t.yaml")
        let out = try YAMLEmitter().emitString(doc[0])
        XCTAssertTrue(out.hasPrefix("k: "), out)
        return String(out.dropFirst(3).dropLast())
    }

    func testYAML12InputButYAML11OutputQuoting() throws {
        XCTAssertEqual(try render("yes"), "\"yes\"")
        XCTAssertEqual(try render("on"), "\"on\"")
        XCTAssertEqual(try render("y"), "\"y\"")
        XCTAssertEqual(try render("\"NO\""), "\"NO\"")
        XCTAssertEqual(try render("\"Off\""), "\"Off\"")
        XCTAssertEqual(try render("True"), "true")
        XCTAssertEqual(try render("FALSE"), "false")
    }

    func testNumbersAreNormalised() throws {
        XCTAssertEqual(try render("1_000"), "1000")
        XCTAssertEqual(try render("0x1F"), "31")
        XCTAssertEqual(try render("0644"), "420")
        XCTAssertEqual(try render("0o14"), "12")
        XCTAssertEqual(try render("0b101"), "5")
        XCTAssertEqual(try render("-0b101"), "-5")
        XCTAssertEqual(try render("+12"), "12")
        XCTAssertEqual(try render(".5"), "0.5")
        XCTAssertEqual(try render("1e3"), "1000")
        XCTAssertEqual(try render("1.0"), "1")
        XCTAssertEqual(try render("1.50"), "1.5")
        XCTAssertEqual(try render("012.5"), "12.5")
        XCTAssertEqual(try render("1234567.5"), "1.2345675e+06")
        XCTAssertEqual(try render("0.0000001"), "1e-07")
        XCTAssertEqual(try render("0.1e-3"), "0.0001")
        XCTAssertEqual(try render("1e21"), "1e+21")
        XCTAssertEqual(try render("1e20"), "1e+20")
        XCTAssertEqual(try render("12345678901234567890"), "12345678901234567890")
        XCTAssertEqual(try render("-0"), "0")
    }

    func testStringsThatLookLikeOtherTypesAreQuoted() throws {
        XCTAssertEqual(try render("\"1.10\""), "\"1.10\"")
        XCTAssertEqual(try render("\"0\""), "\"0\"")
        XCTAssertEqual(try render("1:20"), "\"1:20\"")
        XCTAssertEqual(try render("'null'"), "\"null\"")
        XCTAssertEqual(try render("1.2.3"), "1.2.3")
        XCTAssertEqual(try render("12e"), "12e")
        XCTAssertEqual(try render("\"<<\""), "<<")
    }

    func testTimestampsBecomeRFC3339() throws {
        XCTAssertEqual(try render("2024-01-01"), "\"2024-01-01T00:00:00Z\"")
        XCTAssertEqual(try render("2024-1-1"), "\"2024-01-01T00:00:00Z\"")
        XCTAssertEqual(try render("\"2024-01-01T10:00:00Z\""), "\"2024-01-01T10:00:00Z\"")
    }

    func testNullsAndIndicators() throws {
        XCTAssertEqual(try render("~"), "null")
        XCTAssertEqual(try render(""), "null")
        XCTAssertEqual(try render("'a: b'"), "'a: b'")
        XCTAssertEqual(try render("\"*\""), "'*'")
        XCTAssertEqual(try render("\" x\""), "' x'")
        XCTAssertEqual(try render("\"-\""), "'-'")
        XCTAssertEqual(try render("\"\\ttab\""), "\"\\ttab\"")
    }

    func testUnicode() throws {
        XCTAssertEqual(try render("\"😀 emoji\""), "\"\\U0001F600 emoji\"")
        XCTAssertEqual(try render("\"é accent\""), "é accent")
    }

    func testMultilineStrings() throws {
        XCTAssertEqual(try render("\"multi\\nline\""), "|-\n  multi\n  line")
        XCTAssertEqual(try render("\"multi\\nline\\n\""), "|\n  multi\n  line")
        XCTAssertEqual(try render("\"trailing  \\nspace\""), "\"trailing  \\nspace\"")
        XCTAssertEqual(try render("\" leading\\nspace\""), "|2-\n   leading\n  space")
    }

    func testLongStringsFoldNearColumn80() throws {
        // The oracle printed this under the key `d1`.
        let long = "this is a very long string that should be folded by the emitter because it is longer than eighty columns wide ok"
        let doc = try YAMLParser().parse("d1: \(long)\n", file: "t.yaml")
        XCTAssertEqual(try YAMLEmitter().emitString(doc[0]),
                       "d1: this is a very long string that should be folded by the emitter because it is\n  longer than eighty columns wide ok\n")
    }
}

/// The fast reading of plain words agrees with reading the text as a document.
final class YAML11NonStringTests: XCTestCase {
    func testPlainWordShortcutAgreesWithParsing() {
        let pieces = ["a", "Z", "1", "0", ".", "-", ":", " ", "@", ",", "%", "_", "/", "x", "yes", "no", "on", "null", "~", "#", "1.5", "e3", "0x", "...", "--", "+"]
        var rng = SeededGenerator(seed: 11)
        var checked = 0
        for _ in 0..<20000 {
            let n = Int(rng.next() % 5) + 1
            let text = (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(ScalarResolver.isYAML11NonString(text), ScalarResolver.isYAML11NonStringParsed(text), text.debugDescription)
            checked += 1
        }
        for text in ["cluster.local-prod", "a: b", "a:b", "a #c", "a:", "1:30", "- x", "-x", "...", "... x", "yes", "a b", "a  b", "10s", "2001-12-14"] {
            XCTAssertEqual(ScalarResolver.isYAML11NonString(text), ScalarResolver.isYAML11NonStringParsed(text), text)
        }
        XCTAssertEqual(checked, 20000)
    }
}
