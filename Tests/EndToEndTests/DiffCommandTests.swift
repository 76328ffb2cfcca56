import Foundation
import XCTest

/// `sts-kustomize diff` through the binary: every forbidden StatefulSet field, the allowed
/// ones, inputs and exit codes.
final class DiffCommandTests: XCTestCase {
    private let fix = CheckFixture.self

    private func diff(_ old: String, _ new: String) throws -> BinaryRunner.Result {
        let tree = try BinaryRunner.makeTree(["old.yaml": old, "new.yaml": new])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        return try BinaryRunner.run(["diff", "old.yaml", "new.yaml"], cwd: tree)
    }

    private func forbiddenLines(_ result: BinaryRunner.Result) -> [String] {
        result.stdout.split(separator: "\n").filter { $0.hasPrefix("forbidden: ") }.map(String.init)
    }

    func testNoChanges() throws {
        let result = try diff(fix.valid, fix.valid)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "no changes\n")
    }

    func testEveryForbiddenField() throws {
        let cases: [(String, String, String)] = [
            ("serviceName: db", "serviceName: db-v2", "spec.serviceName: db -> db-v2"),
            ("selector: {matchLabels: {app: db}}\n  template", "selector: {matchLabels: {app: db, v: \"2\"}}\n  template",
             "spec.selector.matchLabels.v: added \"2\""),
            ("podManagementPolicy: OrderedReady", "podManagementPolicy: Parallel", "spec.podManagementPolicy: OrderedReady -> Parallel"),
            ("storage: 10Gi", "storage: 50Gi", "spec.volumeClaimTemplates[name=data].spec.resources.requests.storage: 10Gi -> 50Gi"),
            ("accessModes: [ReadWriteOnce]", "accessModes: [ReadWriteMany]", "spec.volumeClaimTemplates[name=data].spec.accessModes[0]: ReadWriteOnce -> ReadWriteMany"),
            ("accessModes: [ReadWriteOnce]", "accessModes: [ReadWriteOnce]\n      storageClassName: fast",
             "spec.volumeClaimTemplates[name=data].spec.storageClassName: added fast"),
            ("- metadata: {name: data}", "- metadata: {name: data, labels: {env: prod}}",
             "spec.volumeClaimTemplates[name=data].metadata.labels: added {env: prod}"),
            ("resources: {requests: {storage: 10Gi}}", "resources: {requests: {storage: 10Gi}}\n  - metadata: {name: wal}\n    spec: {accessModes: [ReadWriteOnce]}",
             "spec.volumeClaimTemplates[name=wal]: added {metadata: {name: wal}, spec: {accessModes: [ReadWriteOnce]}}"),
            ("  replicas: 1\n", "  replicas: 1\n  volumeMode: x\n", "spec.volumeMode: added x"),
        ]
        for (old, new, line) in cases {
            let result = try diff(fix.valid, fix.replacing(old, with: new))
            XCTAssertEqual(result.status, 1, new)
            XCTAssertEqual(forbiddenLines(result), ["forbidden: StatefulSet prod/db: \(line) (Kubernetes forbids updating StatefulSet spec fields other than replicas, ordinals, template, updateStrategy, persistentVolumeClaimRetentionPolicy, minReadySeconds and revisionHistoryLimit)"], result.stdout)
            XCTAssertTrue(result.stdout.hasPrefix("changed StatefulSet prod/db\n"), result.stdout)
            XCTAssertTrue(result.stdout.hasSuffix("1 changed, 0 added, 0 removed; 1 forbidden StatefulSet change\n"), result.stdout)
        }
    }

    func testRemovedClaimTemplateIsForbidden() throws {
        let result = try diff(fix.replacing("resources: {requests: {storage: 10Gi}}", with: "resources: {requests: {storage: 10Gi}}\n  - metadata: {name: wal}\n    spec: {}"), fix.valid)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(forbiddenLines(result).map { $0.components(separatedBy: " (").first ?? "" },
                       ["forbidden: StatefulSet prod/db: spec.volumeClaimTemplates[name=wal]: removed {metadata: {name: wal}, spec: {}}"])
    }

    func testAllowedFieldsChangeWithoutForbiddenLines() throws {
        let cases: [(String, String, String)] = [
            ("replicas: 1", "replicas: 3", "  ~ spec.replicas: 1 -> 3"),
            ("  replicas: 1\n", "  replicas: 1\n  ordinals: {start: 1}\n", "  + spec.ordinals: {start: 1}"),
            ("image: postgres\n", "image: postgres:17\n", "  ~ spec.template.spec.containers[name=db].image: postgres -> postgres:17"),
            ("  replicas: 1\n", "  replicas: 1\n  updateStrategy: {type: OnDelete}\n", "  + spec.updateStrategy: {type: OnDelete}"),
            ("  replicas: 1\n", "  replicas: 1\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain}\n",
             "  + spec.persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain}"),
            ("  replicas: 1\n", "  replicas: 1\n  minReadySeconds: 5\n", "  + spec.minReadySeconds: 5"),
            ("  replicas: 1\n", "  replicas: 1\n  revisionHistoryLimit: 2\n", "  + spec.revisionHistoryLimit: 2"),
        ]
        for (old, new, line) in cases {
            let result = try diff(fix.valid, fix.replacing(old, with: new))
            XCTAssertEqual(result.status, 0, new)
            XCTAssertEqual(result.stdout, "changed StatefulSet prod/db\n\(line)\n1 changed, 0 added, 0 removed; 0 forbidden StatefulSet changes\n")
        }
    }

    func testExplicitDefaultsAndEqualAmountsAreNotForbidden() throws {
        let result = try diff(fix.replacing("  podManagementPolicy: OrderedReady\n", with: ""), fix.replacing("storage: 10Gi", with: "storage: 10240Mi"))
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertEqual(forbiddenLines(result), [])
        XCTAssertTrue(result.stdout.contains("  + spec.podManagementPolicy: OrderedReady\n"), result.stdout)
    }

    func testOutputIsSortedAndIndependentOfInputOrder() throws {
        let docs = fix.valid.components(separatedBy: "---\n")
        let reversed = docs.reversed().map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "---\n")
        var new = fix.replacing("maxUnavailable: 1", with: "maxUnavailable: 2")
        new = fix.replacing("replicas: 1", with: "replicas: 2", in: new)
        new += "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: prod}\ndata: {a: \"1\"}\n"
        let a = try diff(fix.valid, new)
        let b = try diff(reversed, new)
        XCTAssertEqual(a.stdout, b.stdout)
        XCTAssertEqual(a.stdout, """
            added ConfigMap prod/extra
            changed PodDisruptionBudget prod/db
              ~ spec.maxUnavailable: 1 -> 2
            changed StatefulSet prod/db
              ~ spec.replicas: 1 -> 2
            2 changed, 1 added, 0 removed; 0 forbidden StatefulSet changes

            """)
    }

    func testDirectoriesAndStdinAreInputs() throws {
        let tree = try BinaryRunner.makeTree([
            "base/kustomization.yaml": "resources:\n- all.yaml\n",
            "base/all.yaml": fix.valid,
            "bigger/kustomization.yaml": "resources:\n- ../base\nstorage:\n- name: db\n  size: 20Gi\n",
        ])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        let dirs = try BinaryRunner.run(["diff", "base", "bigger"], cwd: tree)
        XCTAssertEqual(dirs.status, 1, dirs.stderr)
        XCTAssertEqual(forbiddenLines(dirs).map { $0.components(separatedBy: " (").first ?? "" },
                       ["forbidden: StatefulSet prod/db: spec.volumeClaimTemplates[name=data].spec.resources.requests.storage: 10Gi -> 20Gi"])
        let piped = try CheckFixture.run(["diff", "-", "bigger"], stdin: fix.valid, cwd: tree)
        XCTAssertEqual(piped.status, 1, piped.stderr)
        XCTAssertEqual(piped.stdout.replacingOccurrences(of: tree.path + "/", with: ""), dirs.stdout)
    }

    func testBadInputExitsTwo() throws {
        let tree = try BinaryRunner.makeTree([
            "ok.yaml": fix.valid,
            "twice.yaml": fix.valid + "---\napiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: prod}\n",
            "broken.yaml": "a: [\n",
        ])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        let cases: [([String], String)] = [
            (["diff", "ok.yaml", "missing.yaml"], "Error: missing.yaml: no such file or directory"),
            (["diff", "broken.yaml", "ok.yaml"], "Error: broken.yaml:"),
            (["diff", "twice.yaml", "ok.yaml"], "Error: twice.yaml: Service prod/db appears more than once"),
            (["diff", "-", "-"], "Error: only one of OLD and NEW can be - (stdin)"),
        ]
        for (arguments, message) in cases {
            let result = try BinaryRunner.run(arguments, cwd: tree)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stdout, "")
            XCTAssertTrue(result.stderr.hasPrefix(message), result.stderr)
        }
    }

    func testExampleOverlaysDifferInNamesAndNamespaces() throws {
        let result = try BinaryRunner.run(["diff", "overlays/dev", "overlays/prod"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("removed StatefulSet orders-dev/dev-postgres\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("added StatefulSet orders-prod/postgres\n"), result.stdout)
        let same = try BinaryRunner.run(["diff", "overlays/prod", "overlays/prod"])
        XCTAssertEqual(same.stdout, "no changes\n")
    }
}
