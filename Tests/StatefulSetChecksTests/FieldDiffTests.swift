import StatefulSetChecks
import XCTest
import YAML

final class FieldDiffTests: XCTestCase {
    private func node(_ yaml: String) throws -> Node {
        try XCTUnwrap(YAMLParser().parse(yaml, file: "x.yaml").first)
    }

    private func lines(_ old: String, _ new: String) throws -> [String] {
        try FieldDiff().changes(from: node(old), to: node(new)).map { c in
            "\(c.kind.rawValue) \(c.path): \(ValueText.render(c.old)) -> \(ValueText.render(c.new))"
        }
    }

    func testMappingsByKeyInOrder() throws {
        XCTAssertEqual(try lines("{b: 1, a: {x: 1}, c: 3}", "{a: {x: 2}, b: 1, d: 4}"), [
            "changed a.x: 1 -> 2",
            "removed c: 3 -> (none)",
            "added d: (none) -> 4",
        ])
    }

    func testTypesMatter() throws {
        XCTAssertEqual(try lines("{a: 1}", "{a: \"1\"}"), ["changed a: 1 -> \"1\""])
        XCTAssertEqual(try lines("{a: [1]}", "{a: {b: 1}}"), ["changed a: [1] -> {b: 1}"])
    }

    func testNamedListsMatchByName() throws {
        let old = "env: [{name: A, value: '1'}, {name: B, value: '2'}]"
        let new = "env: [{name: C, value: '3'}, {name: A, value: '1'}, {name: B, value: '20'}]"
        XCTAssertEqual(try lines(old, new), [
            "added env[name=C]: (none) -> {name: C, value: \"3\"}",
            "changed env[name=B].value: \"2\" -> \"20\"",
        ])
    }

    func testNamedListsReportRemovalsAndReordering() throws {
        XCTAssertEqual(try lines("[{name: a}, {name: b}, {name: c}]", "[{name: c}, {name: a}]"), [
            "removed [name=b]: {name: b} -> (none)",
            "reordered : [{name: a}, {name: b}, {name: c}] -> [{name: c}, {name: a}]",
        ])
    }

    func testObjectListsMatchByMetadataName() throws {
        XCTAssertEqual(try lines("[{metadata: {name: data}, spec: {x: 1}}]", "[{metadata: {name: data}, spec: {x: 2}}]"),
                       ["changed [name=data].spec.x: 1 -> 2"])
    }

    func testOtherListsMatchByIndex() throws {
        XCTAssertEqual(try lines("[a, b]", "[a, c, d]"), ["changed [1]: b -> c", "added [2]: (none) -> d"])
        XCTAssertEqual(try lines("[{name: a}, {name: a}]", "[{name: a}]"), ["removed [1]: {name: a} -> (none)"])
    }

    func testValueTextQuotesWhatWouldReadBackDifferently() throws {
        XCTAssertEqual(ValueText.render(try node("\"true\"")), "\"true\"")
        XCTAssertEqual(ValueText.render(try node("\"\"")), "\"\"")
        XCTAssertEqual(ValueText.render(try node("\"a: b\"")), "\"a: b\"")
        XCTAssertEqual(ValueText.render(try node("|\n  line1\n  line2\n")), "\"line1\\nline2\\n\"")
        XCTAssertEqual(ValueText.render(try node("postgres:16.3")), "postgres:16.3")
        XCTAssertEqual(ValueText.render(try node("{b: [1, 2], a: x}")), "{a: x, b: [1, 2]}")
        let long = ValueText.render(.string(String(repeating: "x", count: 500)))
        XCTAssertTrue(long.hasSuffix("… (500 characters)"), long)
    }
}
