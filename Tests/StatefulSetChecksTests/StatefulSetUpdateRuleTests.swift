import StatefulSetChecks
import XCTest

/// Every StatefulSet spec field the API server refuses to update, and every one it allows.
final class StatefulSetUpdateRuleTests: XCTestCase {
    private let fix = CheckFixture.self

    private func forbidden(_ new: String, old: String = CheckFixture.valid) throws -> [String] {
        let diff = try ManifestDiff(old: fix.resources(old), new: fix.resources(new))
        return diff.resources.flatMap { r in r.forbidden.map { "\(r.resource) \($0.path)" } }
    }

    func testForbiddenFields() throws {
        let cases: [(String, String, [String])] = [
            ("serviceName: db", "serviceName: db2", ["spec.serviceName"]),
            ("selector: {matchLabels: {app: db}}\n  template", "selector: {matchLabels: {app: db, tier: data}}\n  template",
             ["spec.selector.matchLabels.tier"]),
            ("podManagementPolicy: OrderedReady", "podManagementPolicy: Parallel", ["spec.podManagementPolicy"]),
            ("storage: 10Gi", "storage: 20Gi", ["spec.volumeClaimTemplates[name=data].spec.resources.requests.storage"]),
            ("accessModes: [ReadWriteOnce]", "accessModes: [ReadWriteOncePod]", ["spec.volumeClaimTemplates[name=data].spec.accessModes[0]"]),
            ("accessModes: [ReadWriteOnce]", "accessModes: [ReadWriteOnce]\n      storageClassName: fast",
             ["spec.volumeClaimTemplates[name=data].spec.storageClassName"]),
            ("- metadata: {name: data}", "- metadata: {name: data, labels: {team: a}}", ["spec.volumeClaimTemplates[name=data].metadata.labels"]),
            ("- metadata: {name: data}", "- metadata: {name: data, annotations: {a: b}}", ["spec.volumeClaimTemplates[name=data].metadata.annotations"]),
            ("      resources: {requests: {storage: 10Gi}}\n", "      resources: {requests: {storage: 10Gi}}\n  - metadata: {name: logs}\n    spec: {accessModes: [ReadWriteOnce]}\n",
             ["spec.volumeClaimTemplates[name=logs]"]),
            ("  volumeClaimTemplates:", "  someFutureField: 1\n  volumeClaimTemplates:", ["spec.someFutureField"]),
        ]
        for (old, new, paths) in cases {
            XCTAssertEqual(try forbidden(fix.replacing(old, with: new)), paths.map { "StatefulSet prod/db \($0)" }, new)
        }
    }

    func testRemovingAClaimTemplateOrTheSelectorIsForbidden() throws {
        let noClaims = fix.replacing("  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 10Gi}}\n", with: "")
        XCTAssertEqual(try forbidden(noClaims), ["StatefulSet prod/db spec.volumeClaimTemplates"])
        XCTAssertEqual(try forbidden(fix.replacing("  selector: {matchLabels: {app: db}}\n  template", with: "  template")),
                       ["StatefulSet prod/db spec.selector"])
    }

    func testAllowedFields() throws {
        let cases: [(String, String)] = [
            ("  serviceName: db", "  replicas: 5\n  serviceName: db"),
            ("  serviceName: db", "  ordinals: {start: 1}\n  serviceName: db"),
            ("image: postgres\n", "image: postgres:17\n"),
            ("  serviceName: db", "  updateStrategy: {type: OnDelete}\n  serviceName: db"),
            ("  serviceName: db", "  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}\n  serviceName: db"),
            ("  serviceName: db", "  minReadySeconds: 10\n  serviceName: db"),
            ("  serviceName: db", "  revisionHistoryLimit: 3\n  serviceName: db"),
            ("metadata: {name: db, namespace: prod}\nspec:\n  serviceName", "metadata: {name: db, namespace: prod, labels: {a: b}}\nspec:\n  serviceName"),
        ]
        for (old, new) in cases {
            let text = fix.replacing(old, with: new)
            XCTAssertEqual(try forbidden(text), [], new)
            XCTAssertEqual(try ManifestDiff(old: fix.resources(fix.valid), new: fix.resources(text)).resources.count, 1, new)
        }
    }

    func testDefaultsAndEqualAmountsAreNoChange() throws {
        XCTAssertEqual(try forbidden(fix.replacing("  podManagementPolicy: OrderedReady\n", with: "")), [])
        XCTAssertEqual(try forbidden(fix.replacing("accessModes: [ReadWriteOnce]", with: "accessModes: [ReadWriteOnce]\n      volumeMode: Filesystem")), [])
        XCTAssertEqual(try forbidden(fix.replacing("storage: 10Gi", with: "storage: 10240Mi")), [])
        XCTAssertEqual(try forbidden(fix.replacing("accessModes: [ReadWriteOnce]", with: "accessModes: [ReadWriteOnce]\n      volumeMode: Block")),
                       ["StatefulSet prod/db spec.volumeClaimTemplates[name=data].spec.volumeMode"])
    }

    func testOnlyAppsStatefulSetsFollowTheRule() throws {
        let old = "apiVersion: apps.kruise.io/v1beta1\nkind: StatefulSet\nmetadata: {name: x}\nspec: {serviceName: a}\n"
        XCTAssertEqual(try forbidden(old.replacingOccurrences(of: "serviceName: a", with: "serviceName: b"), old: old), [])
    }
}
