import KubeModel
import TestSupport
import XCTest
import YAML

/// Which of four ConfigMaps a `labelSelector` selects, recorded with `kubectl kustomize`
/// (a JSON patch with `target: {kind: ConfigMap, labelSelector: …}`; oracle cases sel_*).
final class LabelSelectorTests: XCTestCase {
    let labelSets: [(String, String)] = [
        ("c1", "{app: web, tier: fe, n: \"5\"}"),
        ("c2", "{app: db, n: \"12\"}"),
        ("c3", "{app: \"\", tier: be}"),
        ("c4", "{}"),  // no labels
    ]

    func selected(_ selector: String) throws -> [String] {
        let s = try LabelSelector(selector)
        return try labelSets.filter { try s.matches(node($0.1).asMapping) }.map(\.0)
    }

    func testOperators() throws {
        XCTAssertEqual(try selected("!tier"), ["c2", "c4"])
        XCTAssertEqual(try selected("app notin (web,db)"), ["c3", "c4"])
        XCTAssertEqual(try selected("n>6"), ["c2"])
        XCTAssertEqual(try selected("n<6"), ["c1"])
        XCTAssertEqual(try selected("app="), ["c3"])
        XCTAssertEqual(try selected("app==db"), ["c2"])
        XCTAssertEqual(try selected("tier,app!=web"), ["c3"])
        XCTAssertEqual(try selected("app in (web,in)"), ["c1"])
        XCTAssertEqual(try selected("app = web , tier"), ["c1"])
        XCTAssertEqual(try selected("x/y=z"), [])
        XCTAssertEqual(try selected("app in ()"), ["c3"])
        XCTAssertEqual(try selected("app=in"), [])
        XCTAssertEqual(try selected(""), ["c1", "c2", "c3", "c4"])
        XCTAssertEqual(try selected(" "), ["c1", "c2", "c3", "c4"])
    }

    func testSyntaxErrors() {
        // kustomize: unable to parse requirement: found '', expected: ',', or identifier
        XCTAssertThrowsError(try LabelSelector("a in (b,")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "unable to parse requirement: found '', expected: ',', or identifier")
        }
        // kustomize: found '=', expected: ',' or 'end of string'
        XCTAssertThrowsError(try LabelSelector("!a=b")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "found '=', expected: ',' or 'end of string'")
        }
        XCTAssertThrowsError(try LabelSelector("Bad_/x"), "invalid key prefix")
        XCTAssertThrowsError(try LabelSelector("n>x"), "gt needs an integer")
        XCTAssertThrowsError(try LabelSelector("a=b c"), "two values")
        XCTAssertThrowsError(try LabelSelector("a=(b)"))
        XCTAssertThrowsError(try LabelSelector("a,"))
    }

    func testParsedRequirements() throws {
        XCTAssertEqual(try LabelSelector("a in (y, x),!b").requirements, [
            .init(key: "a", op: .in, values: ["x", "y"]),
            .init(key: "b", op: .doesNotExist, values: []),
        ])
        XCTAssertEqual(try LabelSelector("example.com/role==db").requirements,
                       [.init(key: "example.com/role", op: .doubleEquals, values: ["db"])])
    }

    /// The string form against a label map, as replacements select (the third copy of this
    /// grammar, in replacements, is gone).
    func testStringFormAgainstLabelMap() throws {
        let labels = ["app": "web", "tier": "front"]
        XCTAssertTrue(try LabelSelector("").matches(labels))
        XCTAssertTrue(try LabelSelector("app=web,tier").matches(labels))
        XCTAssertTrue(try LabelSelector("app==web, tier!=db, !canary").matches(labels))
        XCTAssertTrue(try LabelSelector("app in (api, web),env notin (prod)").matches(labels))
        XCTAssertFalse(try LabelSelector("app=api").matches(labels))
        XCTAssertFalse(try LabelSelector("!app").matches(labels))
        XCTAssertThrowsError(try LabelSelector("app in web"))
    }

    /// The structured form (`matchLabels` + `matchExpressions`) is the same type and
    /// evaluates as the API server does.
    func testStructuredFormMatchesAndDescribes() throws {
        let node = try YAMLParser().parse("""
            matchLabels: {app: db}
            matchExpressions:
            - {key: tier, operator: In, values: [a, b]}
            - {key: legacy, operator: DoesNotExist}
            """, file: "s.yaml")[0]
        let s = try LabelSelector(node, path: FieldPath("spec", "selector"))
        XCTAssertEqual(s.text, "app=db,tier in (a,b),!legacy")
        XCTAssertTrue(s.matches(["app": "db", "tier": "b"]))
        XCTAssertFalse(s.matches(["app": "db", "tier": "b", "legacy": "x"]))
        XCTAssertFalse(s.matches(["app": "db"]))
        XCTAssertThrowsError(try LabelSelector(try YAMLParser().parse("matchExpressions: [{key: a, operator: Gt}]", file: "s")[0],
                                               path: FieldPath("selector"))) { error in
            XCTAssertEqual((error as? LabelSelector.Problem)?.path.description, "selector.matchExpressions[0].operator")
        }
    }
}
