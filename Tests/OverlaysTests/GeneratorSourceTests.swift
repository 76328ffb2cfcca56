@testable import Overlays
import XCTest

/// Parsing of literals, file sources, env files and the base64 layout; expectations
/// confirmed with `kubectl kustomize` (v5.5.0).
final class GeneratorSourceTests: XCTestCase {
    func testLiteralsSplitAtFirstEqualsAndDropMatchedQuotes() throws {
        func parsed(_ s: String) throws -> [String] {
            let (key, value) = try LiteralSource.parse(s)
            return [key, value]
        }
        XCTAssertEqual(try parsed("a=1"), ["a", "1"])
        XCTAssertEqual(try parsed("f=x=y"), ["f", "x=y"])
        XCTAssertEqual(try parsed("e="), ["e", ""])
        XCTAssertEqual(try parsed(#"b="quoted""#), ["b", "quoted"])
        XCTAssertEqual(try parsed("c='single'"), ["c", "single"])
        XCTAssertEqual(try parsed(#"d="mismatch'"#), ["d", #""mismatch'"#])
        XCTAssertEqual(try parsed(#"a=""#), ["a", #"""#])
        XCTAssertEqual(try parsed("b=''"), ["b", ""])
        XCTAssertEqual(try parsed("a b=1"), ["a b", "1"])
        XCTAssertThrowsError(try LiteralSource.parse("=3"))
        XCTAssertThrowsError(try LiteralSource.parse("noequals"))
        XCTAssertThrowsError(try LiteralSource.parse(""))
    }

    func testFileSources() throws {
        XCTAssertEqual(try FileSource.parse("dir/a.txt").key, "a.txt")
        XCTAssertEqual(try FileSource.parse("./dir/a.txt").key, "a.txt")
        XCTAssertEqual(try FileSource.parse("dir/").key, "dir")
        let named = try FileSource.parse("lnk=dir/link.txt")
        XCTAssertEqual([named.key, named.path], ["lnk", "dir/link.txt"])
        for bad in ["=dir/a.txt", "k=", "k=a=b", "k==dir/a.txt", "k=https://example.com/x=1"] {
            XCTAssertThrowsError(try FileSource.parse(bad), bad)
        }
    }

    func testEnvFileLines() throws {
        let content: [UInt8] = Array("\u{FEFF}# c\n\n  X=1\nY\nZ=a=b\r\n  # indented\nQ= sp \n=5\nexport A=1\nB =2\n\tC=\t3\nD=#notcomment".utf8)
        let pairs = try EnvFile.parse(content).map { [$0.key, $0.value] }
        XCTAssertEqual(pairs, [["X", "1"], ["Y", ""], ["Z", "a=b"], ["Q", " sp "], ["export A", "1"], ["B ", "2"], ["C", "\t3"], ["D", "#notcomment"]])
    }

    func testEnvFileKeepsByteOrderMarkAfterTheFirstLine() throws {
        let pairs = try EnvFile.parse(Array("A=1\n\u{FEFF}W=2\n".utf8))
        XCTAssertEqual(pairs.map(\.key), ["A", "\u{FEFF}W"])
    }

    func testEnvFileRejectsInvalidUTF8() {
        XCTAssertThrowsError(try EnvFile.parse([0x41, 0x3D, 0x31, 0x0A, 0xFF, 0x3D, 0x32]))
    }

    func testBase64WrapsAtSeventyCharacters() {
        XCTAssertEqual(WrappedBase64.encode(Array("1".utf8)), "MQ==")
        XCTAssertEqual(WrappedBase64.encode([0xFF, 0xFE, 0x00, 0x62, 0x69, 0x6E]), "//4AYmlu")
        // 51 bytes → 68 characters: one line, no newline; 52 bytes → 72: two lines, each ended.
        XCTAssertFalse(WrappedBase64.encode([UInt8](repeating: 0, count: 51)).contains("\n"))
        let two = WrappedBase64.encode([UInt8](repeating: 0, count: 52))
        XCTAssertEqual(two.split(separator: "\n", omittingEmptySubsequences: false).map(\.count), [70, 2, 0])
    }

    /// Literal `k=<value>` → data value printed by kubectl kustomize.
    func testNELInEntriesFoldsLikeAQuotedYAMLLineBreak() {
        let cases: [(String, String)] = [
            ("a\u{85}b", "a b"), ("\u{85}b", " b"), ("a\u{85}", "a "), ("\u{85}", " "),
            ("a\u{85}\u{85}b", "a\nb"), ("a\u{85}\u{85}\u{85}b", "a\n\nb"),
            ("a \u{85} b", "a b"), ("a\t\u{85}b", "a\t b"), ("a\u{85}\tb", "a \tb"), ("plain  text", "plain  text"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(ArgsRoundTrip.fold(input), expected, input.debugDescription)
        }
    }

    func testOptionsMergeLocalOverGlobal() {
        var local = GeneratorOptions()
        local.labels = [("l", "2"), ("both", "local")]
        var global = GeneratorOptions()
        global.labels = [("g", "1"), ("both", "global")]
        global.immutable = true
        let merged = local.mergingGlobal(global)
        XCTAssertEqual(merged.labels.map { "\($0.0)=\($0.1)" }, ["l=2", "both=local", "g=1"])
        XCTAssertTrue(merged.immutable)
        XCTAssertFalse(merged.disableNameSuffixHash)
    }
}
