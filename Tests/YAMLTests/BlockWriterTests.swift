import TestSupport
import XCTest
@testable import YAML

/// The Swift port of libyaml's emitter (`BlockWriter`) against libyaml itself: for every tree
/// both must write the same bytes, or fail with the same error.
final class BlockWriterTests: XCTestCase {
    /// Strings where libyaml's choices differ: folding at width 80, quoting fallbacks, block
    /// scalar hints, escapes, line breaks other than `\n`, indicators, non-ASCII text.
    static let texts: [String] = [
        "", "a", "plain text", "123", "0777", "true", "null", "~", "1e3", "2024-01-01", "- item", "-x", ":x", "a: b", "a:b",
        "#c", "a #c", "a#c", "? q", "?q", "---", "--- x", "...", "'quoted'", "\"dq\"", "back\\slash", "it's", "@at", "`tick`",
        "%p", "&a", "*a", "!t", "|p", ">f", "[x]", "{y}", "x,y", " leading", "trailing ", "  two", "tab\there", "\tlead",
        "line1\nline2", "line1\nline2\n", "line1\n\n", "\n", "\nlead", "trail \nx", "x\n y", " \n", "a\r\nb", "cr\rx",
        "nel\u{85}x", "ls\u{2028}x", "ps\u{2029}x", "é", "naïve café", "日本語テキスト", "emoji 😀 here", "nbsp\u{A0}x",
        "\u{7}bell", "esc\u{1B}x", "nul\u{0}x", "zero\u{200B}width", "\u{E000}private", "\u{FFFD}",
        String(repeating: "word ", count: 30), String(repeating: "x", count: 100), String(repeating: "ab ", count: 40) + "end",
        "averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspaces and then some more words here",
        String(repeating: "two  spaces ", count: 12), String(repeating: "q'q ", count: 25), String(repeating: "\"d\" ", count: 25),
        "multi line\n" + String(repeating: "long line with words ", count: 6) + "\nend\n", "  indented\nblock\n", "keep\n\n\n",
        String(repeating: "é ", count: 50), "ends with colon:", "-", "?", ":", "#", "a\u{0}",
    ]

    func testPortWritesWhatLibyamlWritesForEveryString() throws {
        for text in Self.texts {
            let doc = Node.mapping(Mapping([
                MapEntry(key: .string("k"), value: .string(text)),
                MapEntry(key: .string("list"), value: .sequence(Sequence([.string(text), .mapping(Mapping([MapEntry(key: .string("n"), value: .string(text))]))]))),
            ]))
            try assertSameOutput(doc, "value \(text.debugDescription)")
            let keyed = Node.mapping(Mapping([MapEntry(key: .string(text), value: .string("v"))]))
            try assertSameOutput(keyed, "key \(text.debugDescription)")
        }
    }

    func testPortWritesWhatLibyamlWritesForRandomTrees() throws {
        var rng = SeededGenerator(seed: 7)
        for i in 0..<3000 {
            let doc = Node.mapping(randomMapping(&rng, depth: 0))
            try assertSameOutput(doc, "tree \(i)")
        }
    }

    func testShapesLeftToLibyamlStillComeOut() throws {
        // explicit keys (multi-line, over 128 bytes) and a byte order mark go through libyaml
        let long = String(repeating: "k", count: 129)
        for key in ["two\nlines", long, "\u{FEFF}bom"] {
            let doc = Node.mapping(Mapping([MapEntry(key: .string(key), value: .string("v"))]))
            var bytes: [UInt8] = []
            XCTAssertFalse(try BlockWriter.document(doc, appendingTo: &bytes), key)
            try assertSameOutput(doc, key)
        }
        var bytes: [UInt8] = [1, 2]
        XCTAssertFalse(try BlockWriter.document(.string("root scalar"), appendingTo: &bytes))
        XCTAssertEqual(bytes, [1, 2], "nothing of a refused document is kept")
    }

    func testNonStringScalarsAndEmptyCollections() throws {
        let doc = Node.mapping(Mapping([
            MapEntry(key: .string("i"), value: .scalar(Scalar("0x1F", tag: .int))),
            MapEntry(key: .string("f"), value: .scalar(Scalar("1.50", tag: .float))),
            MapEntry(key: .string("b"), value: .scalar(Scalar("yes", tag: .bool))),
            MapEntry(key: .string("n"), value: .scalar(Scalar("", tag: .null))),
            MapEntry(key: .string("t"), value: .scalar(Scalar("2001-12-14 21:59:43.10 -5", tag: .timestamp))),
            MapEntry(key: .string("em"), value: .mapping(Mapping([]))),
            MapEntry(key: .string("es"), value: .sequence(Sequence([]))),
            MapEntry(key: .string("ss"), value: .sequence(Sequence([.sequence(Sequence([.string("a"), .sequence(Sequence([]))])), .mapping(Mapping([]))]))),
        ]))
        try assertSameOutput(doc, "scalars")
        let written = try YAMLEmitter().emitString(doc)
        XCTAssertTrue(written.contains("es: []\n") && written.contains("- - a\n  - []\n- {}\n"), written)
        try assertSameOutput(.mapping(Mapping([])), "empty root")
        try assertSameOutput(.sequence(Sequence([.string("a"), .mapping(Mapping([MapEntry(key: .string("b"), value: .string("c"))]))])), "root list")
    }

    func testErrorsAreTheSame() {
        let bad = Node.mapping(Mapping([MapEntry(key: .string("k"), value: .string("del\u{7F}"))]))
        XCTAssertThrowsError(try YAMLEmitter().emit(bad))
        XCTAssertThrowsError(try YAMLEmitter(libyamlOnly: true).emit(bad))
    }

    private func assertSameOutput(_ node: Node, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let ported = Result { try YAMLEmitter().emit(node) }
        let reference = Result { try YAMLEmitter(libyamlOnly: true).emit(node) }
        switch (ported, reference) {
        case (.success(let a), .success(let b)):
            XCTAssertEqual(String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self), label, file: file, line: line)
        case (.failure(let a), .failure(let b)):
            XCTAssertEqual("\(a)", "\(b)", label, file: file, line: line)
        default:
            XCTFail("\(label): \(ported) vs \(reference)", file: file, line: line)
        }
    }

    private func randomMapping(_ rng: inout SeededGenerator, depth: Int) -> Mapping {
        let count = Int(rng.next() % 5)
        var entries: [MapEntry] = []
        for k in 0..<count {
            let key = rng.next() % 6 == 0 ? randomText(&rng) : "key\(k)"
            entries.append(MapEntry(key: .string(key), value: randomNode(&rng, depth: depth + 1)))
        }
        let m = Mapping(entries)
        m.flow = rng.next() % 5 == 0
        return m
    }

    private func randomNode(_ rng: inout SeededGenerator, depth: Int) -> Node {
        switch depth > 4 ? 0 : rng.next() % 4 {
        case 1: return .mapping(randomMapping(&rng, depth: depth))
        case 2:
            let s = Sequence((0..<Int(rng.next() % 4)).map { _ in randomNode(&rng, depth: depth + 1) })
            s.flow = rng.next() % 5 == 0
            return .sequence(s)
        default:
            let tags: [ScalarTag] = [.string, .string, .string, .int, .float, .bool, .null]
            let tag = tags[Int(rng.next() % UInt64(tags.count))]
            switch tag {
            case .int: return .scalar(Scalar(String(Int(rng.next() % 100_000)), tag: .int))
            case .float: return .scalar(Scalar("\(Double(rng.next() % 1000) / 8)", tag: .float))
            case .bool: return .scalar(Scalar(rng.next() % 2 == 0 ? "true" : "false", tag: .bool))
            case .null: return .scalar(Scalar(rng.next() % 2 == 0 ? "" : "null", tag: .null))
            default: return .scalar(Scalar(randomText(&rng), tag: .string))
            }
        }
    }

    private func randomText(_ rng: inout SeededGenerator) -> String {
        if rng.next() % 3 == 0 { return Self.texts[Int(rng.next() % UInt64(Self.texts.count))] }
        let pieces = ["a", "b", " ", " ", "word", "\n", ":", "#", "-", "'", "\"", "\\", "é", "日", "😀", "\t", "\r", "\u{85}", "1", "0", ".", ",", "[", "{"]
        let n = Int(rng.next() % 40)
        return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }
}
