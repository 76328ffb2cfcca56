import KubeModel
import StatefulSetChecks
import XCTest
import YAML

final class LabelSelectorTests: XCTestCase {
    private func selector(_ yaml: String) throws -> LabelSelector {
        let node = try XCTUnwrap(YAMLParser().parse(yaml, file: "s.yaml").first)
        return try LabelSelector(node, path: FieldPath("spec", "selector"))
    }

    func testMatchLabelsAndExpressionsMustAllHold() throws {
        let s = try selector("""
            matchLabels: {app: db}
            matchExpressions:
            - {key: tier, operator: In, values: [data, cache]}
            - {key: legacy, operator: DoesNotExist}
            - {key: zone, operator: Exists}
            - {key: env, operator: NotIn, values: [dev]}
            """)
        XCTAssertTrue(s.matches(["app": "db", "tier": "data", "zone": "a"]))
        XCTAssertFalse(s.matches(["app": "db", "tier": "web", "zone": "a"]))
        XCTAssertFalse(s.matches(["app": "db", "tier": "data", "zone": "a", "legacy": "x"]))
        XCTAssertFalse(s.matches(["app": "db", "tier": "data"]))
        XCTAssertFalse(s.matches(["app": "db", "tier": "data", "zone": "a", "env": "dev"]))
        XCTAssertEqual(s.requirements.map(\.description), ["app=db", "tier in (data,cache)", "!legacy", "zone", "env notin (dev)"])
    }

    func testEmptyAndNullSelectorsHaveNoRequirements() throws {
        XCTAssertTrue(try LabelSelector(.mapping(Mapping()), path: FieldPath()).isEmpty)
        XCTAssertTrue(try LabelSelector(.null, path: FieldPath()).isEmpty)
        XCTAssertTrue(try selector("{matchLabels: {}}").isEmpty)
    }

    func testInvalidSelectorsNameTheirPart() {
        let cases = [
            ("matchExpressions: [{key: a, operator: Equals, values: [x]}]", "spec.selector.matchExpressions[0].operator"),
            ("matchExpressions: [{key: a, operator: In}]", "spec.selector.matchExpressions[0].values"),
            ("matchExpressions: [{key: a, operator: Exists, values: [x]}]", "spec.selector.matchExpressions[0].values"),
            ("matchExpressions: [{operator: Exists}]", "spec.selector.matchExpressions[0].key"),
            ("matchExpressions: {a: b}", "spec.selector.matchExpressions"),
            ("matchLabels: [a]", "spec.selector.matchLabels"),
            ("[a]", "spec.selector"),
        ]
        for (yaml, path) in cases {
            XCTAssertThrowsError(try selector(yaml), yaml) { error in
                XCTAssertEqual((error as? LabelSelector.Problem)?.path.description, path, yaml)
            }
        }
    }
}
