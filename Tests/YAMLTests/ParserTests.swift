import XCTest
@testable import YAML

final class ParserTests: XCTestCase {
    func testMultipleDocumentsSkippingEmptyOnes() throws {
        let docs = try YAMLParser().parse("a: 1\n---\n---\nb: 2\n", file: "t.yaml")
        XCTAssertEqual(docs.count, 2)
        XCTAssertEqual(docs[1].asMapping?["b"]?.asScalar, Scalar("2", tag: .int))
    }

    func testNodesKeepTheirPositions() throws {
        let docs = try YAMLParser().parse("a:\n  b: x\n", file: "t.yaml")
        let b = docs[0].asMapping?.mapping("a")?["b"]
        XCTAssertEqual(b?.mark, Mark(line: 2, column: 6))
    }

    func testSyntaxErrorNamesFileLineAndColumn() {
        XCTAssertThrowsError(try YAMLParser().parse("a: b\n c: d\n", file: "bad.yaml")) { error in
            let e = error as? Diagnostic
            XCTAssertEqual(e?.file, "bad.yaml")
            XCTAssertEqual(e?.mark.line, 2)
            XCTAssertTrue(e?.description.hasPrefix("bad.yaml:2:") ?? false, "\(error)")
        }
    }

    func testDuplicateKeysAreAnErrorForResources() {
        XCTAssertThrowsError(try YAMLParser().parse("name: x\nname: y\n", file: "d.yaml")) { error in
            XCTAssertTrue("\(error)".contains("already defined"), "\(error)")
        }
    }

    func testDuplicateKeysLastWinsForKustomizations() throws {
        let docs = try YAMLParser(duplicateKeys: .lastWins).parse("name: x\nname: y\n", file: "k.yaml")
        XCTAssertEqual(docs[0].asMapping?.string("name"), "y")
        XCTAssertEqual(docs[0].asMapping?.entries.count, 1)
    }

    func testAliasesExpandAndMergeKeysApply() throws {
        let docs = try YAMLParser().parse("base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n", file: "a.yaml")
        let m = try XCTUnwrap(docs[0].asMapping)
        XCTAssertEqual(m.mapping("use")?["x"]?.asScalar?.value, "1")
        XCTAssertEqual(m.mapping("merged")?["y"]?.asScalar?.value, "3")
        XCTAssertEqual(m.mapping("merged")?["x"]?.asScalar?.value, "1")
        // the copy is independent of the anchor
        m.mapping("use")?["x"] = .string("changed")
        XCTAssertEqual(m.mapping("base")?["x"]?.asScalar?.value, "1")
    }

    func testBillionLaughsStopsAtTheAliasBudget() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        XCTAssertThrowsError(try YAMLParser().parse(text, file: "lol.yaml")) { error in
            XCTAssertTrue("\(error)".contains("budget"), "\(error)")
        }
    }

    /// kustomize renders alias fan-outs of a million nodes (kubectl: 14.5 s); so do we.
    func testMillionNodeFanOutIsWithinTheDefaultBudget() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...5 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let docs = try YAMLParser().parse(text, file: "fan.yaml")
        var leaves = 0
        func count(_ n: Node) {
            switch n {
            case .scalar: leaves += 1
            case .sequence(let s): s.items.forEach(count)
            case .mapping(let m): m.entries.forEach { count($0.value) }
            }
        }
        count(try XCTUnwrap(docs.first?.asMapping?["a5"]))
        XCTAssertEqual(leaves, 1_000_000)
    }

    func testNestingDepthLimit() {
        let deep = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        XCTAssertThrowsError(try YAMLParser(limits: ParseLimits(maxDepth: 20)).parse(deep, file: "deep.yaml")) { error in
            XCTAssertTrue("\(error)".contains("nesting"), "\(error)")
        }
        XCTAssertNoThrow(try YAMLParser(limits: ParseLimits(maxDepth: 60)).parse(deep, file: "deep.yaml"))
    }

    func testInputSizeLimit() {
        XCTAssertThrowsError(try YAMLParser(limits: ParseLimits(maxInputBytes: 10)).parse("key: a long value\n", file: "big.yaml"))
    }

    func testPlainScalarResolutionFollowsGoYAMLv3() {
        XCTAssertEqual(ScalarResolver.resolveInput("yes"), .string)
        XCTAssertEqual(ScalarResolver.resolveInput("true"), .bool)
        XCTAssertEqual(ScalarResolver.resolveInput("~"), .null)
        XCTAssertEqual(ScalarResolver.resolveInput("0x1F"), .int)
        XCTAssertEqual(ScalarResolver.resolveInput("1e3"), .float)
        XCTAssertEqual(ScalarResolver.resolveInput("2024-01-01"), .timestamp)
        XCTAssertEqual(ScalarResolver.resolveInput("1:20"), .string)
        XCTAssertTrue(ScalarResolver.needsQuotingOnOutput("1:20"))
        XCTAssertTrue(ScalarResolver.needsQuotingOnOutput("on"))
        XCTAssertFalse(ScalarResolver.needsQuotingOnOutput("postgres"))
    }
}
