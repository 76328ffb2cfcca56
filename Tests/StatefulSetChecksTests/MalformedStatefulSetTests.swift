import KubeModel
import Manifests
import StatefulSetChecks
import XCTest
import YAML

/// Nothing crashes on a StatefulSet missing any field, or holding the wrong type anywhere.
final class MalformedStatefulSetTests: XCTestCase {
    func testBareStatefulSetReportsWhatItLacks() throws {
        let summary = try CheckFixture.summary("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\n")
        XCTAssertEqual(summary, ["error service-name StatefulSet/x spec.serviceName", "error selector StatefulSet/x spec.selector"])
    }

    func testEveryFieldRemovedInTurn() throws {
        let paths = try allPaths()
        XCTAssertGreaterThan(paths.count, 50)
        for path in paths {
            let resources = try CheckFixture.resources(CheckFixture.valid)
            remove(path, from: .mapping(resources[1].object))
            _ = StatefulSetChecker().check(resources, positionsAreExact: true)
            _ = try ManifestDiff(old: try CheckFixture.resources(CheckFixture.valid), new: resources)
        }
    }

    func testEveryFieldGivenTheWrongTypeInTurn() throws {
        let replacements: [Node] = [.string("x"), .null, .scalar(Scalar("3", tag: .int)), .sequence(Sequence([.string("a")])),
                                    .mapping(Mapping([MapEntry(key: .string("a"), value: .string("b"))]))]
        for path in try allPaths() {
            for replacement in replacements {
                let resources = try CheckFixture.resources(CheckFixture.valid)
                replace(path, in: .mapping(resources[1].object), with: replacement)
                let report = StatefulSetChecker().check(resources, positionsAreExact: true)
                _ = FindingsRenderer.text(report) + FindingsRenderer.json(report)
                let diff = try ManifestDiff(old: try CheckFixture.resources(CheckFixture.valid), new: resources)
                _ = DiffRenderer.text(diff)
            }
        }
    }

    func testWrongTypesAreFindingsWhereTheyMatter() throws {
        let text = CheckFixture.replacing("podManagementPolicy: OrderedReady", with: "podManagementPolicy: 3")
        XCTAssertEqual(try CheckFixture.summary(text), ["error pod-management-policy StatefulSet/db spec.podManagementPolicy"])
        let selector = CheckFixture.replacing("selector: {matchLabels: {app: db}}\n  template", with: "selector: app=db\n  template")
        XCTAssertEqual(try CheckFixture.summary(selector), ["error selector StatefulSet/db spec.selector"])
    }

    /// Every path in the fixture's StatefulSet (keys and list indexes).
    private func allPaths() throws -> [[FieldPath.Segment]] {
        let sts = try CheckFixture.resources(CheckFixture.valid)[1]
        var out: [[FieldPath.Segment]] = []
        func walk(_ node: Node, _ path: [FieldPath.Segment]) {
            if !path.isEmpty { out.append(path) }
            switch node {
            case .mapping(let m): for e in m.entries { walk(e.value, path + [.key(e.key.value)]) }
            case .sequence(let s): for (i, item) in s.items.enumerated() { walk(item, path + [.index(i)]) }
            case .scalar: break
            }
        }
        walk(.mapping(sts.object), [])
        return out
    }

    private func parent(of path: [FieldPath.Segment], in root: Node) -> Node? {
        var node: Node? = root
        for segment in path.dropLast() {
            switch segment {
            case .key(let k): node = node?.asMapping?[k]
            case .index(let i): node = node?.asSequence.flatMap { i < $0.items.count ? $0.items[i] : nil }
            case .named: return nil
            }
        }
        return node
    }

    private func remove(_ path: [FieldPath.Segment], from root: Node) {
        guard let last = path.last, let p = parent(of: path, in: root) else { return }
        switch (last, p) {
        case (.key(let k), .mapping(let m)): m.removeValue(forKey: k)
        case (.index(let i), .sequence(let s)): s.items.remove(at: i)
        default: break
        }
    }

    private func replace(_ path: [FieldPath.Segment], in root: Node, with value: Node) {
        guard let last = path.last, let p = parent(of: path, in: root) else { return }
        switch (last, p) {
        case (.key(let k), .mapping(let m)): m[k] = value
        case (.index(let i), .sequence(let s)): s.items[i] = value
        default: break
        }
    }
}
