import XCTest
@testable import YAML

/// Large inputs are cut at document boundaries and parsed piecewise; the result must be
/// exactly what one pass over the whole stream gives, positions and errors included.
final class ConcurrentParseTests: XCTestCase {
    private func serial() -> YAMLParser { YAMLParser(concurrentThreshold: .max) }

    private func piecewise(_ limits: ParseLimits = .default) -> YAMLParser {
        var p = YAMLParser(limits: limits, concurrentThreshold: 0)
        p.minimumPiece = 16
        return p
    }

    private func errorOf(_ parse: () throws -> [Node]) -> Diagnostic? {
        do { _ = try parse(); return nil } catch { return error as? Diagnostic }
    }

    /// Every node of both trees, with its position and style, as text.
    private func dump(_ node: Node, into out: inout [String]) {
        switch node {
        case .scalar(let s):
            out.append("\(s.mark) \(s.style) \(s.tag) \(s.value)")
        case .mapping(let m):
            out.append("\(m.mark) map \(m.entries.count)")
            for e in m.entries {
                out.append("\(e.key.mark) key \(e.key.value)")
                dump(e.value, into: &out)
            }
        case .sequence(let s):
            out.append("\(s.mark) seq \(s.items.count)")
            for item in s.items { dump(item, into: &out) }
        }
    }

    private func assertSameParse(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let one = try serial().parse(text, file: "s.yaml")
        let many = try piecewise().parse(text, file: "s.yaml")
        var a: [String] = [], b: [String] = []
        one.forEach { dump($0, into: &a) }
        many.forEach { dump($0, into: &b) }
        XCTAssertFalse(a.isEmpty, file: file, line: line)
        XCTAssertEqual(a.count, b.count, "node count", file: file, line: line)
        if let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
            XCTFail("first difference at node \(i): \(a[i]) vs \(b[i])", file: file, line: line)
        }
    }

    private var manyDocuments: String {
        (0..<40).map { i in
            """
            # document \(i)
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm-\(i), labels: {n: "\(i)"}}
            data:
              script: |
                echo \(i)
                  indented
              folded: >
                one
                two
              list: [a, "b", 'c']
            ---
            - item \(i)
            - {k: v}
            ---

            """
        }.joined()
    }

    func testCutsFallJustBeforeDocumentMarkersAndCoverTheInput() {
        let text = Array(manyDocuments.utf8)
        text.withUnsafeBufferPointer { buf in
            let pieces = DocumentSplitter.pieces(of: buf, count: 7, minimumPiece: 16)
            XCTAssertEqual(pieces.count, 7)
            XCTAssertEqual(pieces.reduce(0) { $0 + $1.bytes.count }, buf.count)
            var lines = 0
            for (i, piece) in pieces.enumerated() {
                XCTAssertEqual(piece.lineOffset, lines)
                lines += piece.bytes.filter { $0 == UInt8(ascii: "\n") }.count
                if i > 0 { XCTAssertEqual(Array(piece.bytes.prefix(4)), Array("---\n".utf8)) }
            }
        }
    }

    func testNoCutWithoutADocumentMarkerOrInUTF16() {
        let single = Array(String(repeating: "key: value\n", count: 200).utf8)
        single.withUnsafeBufferPointer { XCTAssertEqual(DocumentSplitter.pieces(of: $0, count: 4, minimumPiece: 16).count, 1) }
        // `---x` and ` ---` are not markers.
        let lookalikes = Array(("a: |\n  ---\n" + String(repeating: "b: ---x\n", count: 100)).utf8)
        lookalikes.withUnsafeBufferPointer { XCTAssertEqual(DocumentSplitter.pieces(of: $0, count: 4, minimumPiece: 16).count, 1) }
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(repeating: 0x41, count: 100)
        utf16.withUnsafeBufferPointer { XCTAssertEqual(DocumentSplitter.pieces(of: $0, count: 4, minimumPiece: 16).count, 1) }
    }

    func testLineBreaksCountedAsLibyamlDoes() {
        let text: [UInt8] = Array("a\r\nb\rc\n".utf8) + [0xC2, 0x85] + [0xE2, 0x80, 0xA8] + [0xE2, 0x80, 0xA9] + Array("é\n".utf8)
        text.withUnsafeBufferPointer { XCTAssertEqual(DocumentSplitter.lineBreaks(in: $0), 7) }
    }

    func testPiecewiseParseEqualsOnePass() throws {
        try assertSameParse(manyDocuments)
        try assertSameParse(manyDocuments.replacingOccurrences(of: "\n", with: "\r\n"))
        try assertSameParse("---\n" + manyDocuments + "...\n")
    }

    func testErrorsInALaterPieceAreReportedAsOnePassReportsThem() {
        let bad = manyDocuments + "a: b\n c: d\n"
        let error = errorOf { try piecewise().parse(bad, file: "bad.yaml") }
        XCTAssertNotNil(error)
        XCTAssertEqual(error, errorOf { try serial().parse(bad, file: "bad.yaml") })
        XCTAssertEqual(error?.mark.line, Int32(manyDocuments.filter { $0 == "\n" }.count + 2))
    }

    func testADirectiveBeforeAMarkerStillParsesInOnePass() throws {
        try assertSameParse(manyDocuments + "%YAML 1.1\n---\nlast: doc\n")
    }

    func testQuotedScalarCrossingAMarkerIsTheSameError() {
        let bad = manyDocuments + "a: \"open\n---\nclose\"\n"
        let error = errorOf { try piecewise().parse(bad, file: "q.yaml") }
        XCTAssertNotNil(error)
        XCTAssertEqual(error, errorOf { try serial().parse(bad, file: "q.yaml") })
    }

    func testAliasBudgetCountsAcrossPieces() {
        // Each document alone stays under the budget; together they do not.
        let doc = "a: &a [x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a]\n---\n"
        let text = String(repeating: doc, count: 20)
        let limits = ParseLimits(maxAliasExpansion: 300)
        XCTAssertThrowsError(try piecewise(limits).parse(text, file: "lol.yaml")) { error in
            XCTAssertTrue("\(error)".contains("budget"), "\(error)")
        }
        XCTAssertNoThrow(try piecewise(limits).parse(String(repeating: doc, count: 5), file: "ok.yaml"))
    }
}
