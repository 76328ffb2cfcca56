import Foundation
import XCTest

/// `storage:` through the binary: the render, the errors, and what `check` then says.
final class StorageCommandTests: XCTestCase {
    private func tree(storage: String) throws -> URL {
        let tree = try BinaryRunner.makeTree([
            "base/kustomization.yaml": "resources:\n- all.yaml\n",
            "base/all.yaml": CheckFixture.valid,
            "prod/kustomization.yaml": "resources:\n- ../base\nnamePrefix: prod-\nstorage:\n" + storage,
        ])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        return tree
    }

    func testStorageSetsSizeClassAndModes() throws {
        let dir = try tree(storage: "- name: prod-db\n  size: 200Gi\n  storageClassName: fast-ssd\n  accessModes: [ReadWriteOncePod]\n")
        let result = try BinaryRunner.run(["build", "prod"], cwd: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("""
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOncePod
                  resources:
                    requests:
                      storage: 200Gi
                  storageClassName: fast-ssd

            """), result.stdout)
        let check = try BinaryRunner.run(["check", "prod"], cwd: dir)
        XCTAssertEqual(check.status, 0, check.stdout)
    }

    func testErrorsNameTheKustomizationLineAndEntry() throws {
        let cases: [(String, String)] = [
            ("- name: mysql\n  size: 1Gi\n", "prod/kustomization.yaml:5:3: storage entry (name: mysql): no StatefulSet is named 'mysql'"),
            ("- name: db\n  claim: logs\n  size: 1Gi\n", "prod/kustomization.yaml:5:3: storage entry (name: db, claim: logs): StatefulSet 'prod-db' has no claim template 'logs' (it has: data)"),
            ("- name: db\n  size: 100GB\n", "prod/kustomization.yaml:6:9: storage entry (name: db): size '100GB' is not a Kubernetes quantity"),
        ]
        for (storage, message) in cases {
            let dir = try tree(storage: storage)
            let result = try BinaryRunner.run(["build", "prod"], cwd: dir)
            XCTAssertEqual(result.status, 1, storage)
            XCTAssertEqual(result.stdout, "")
            let stderr = result.stderr.replacingOccurrences(of: dir.path + "/", with: "")
            XCTAssertTrue(stderr.hasPrefix("Error: " + message), stderr)
            let check = try BinaryRunner.run(["check", "prod"], cwd: dir)
            XCTAssertEqual(check.status, 2, storage)
        }
    }

    func testMissingClaimWhereSeveralExist() throws {
        let dir = try tree(storage: "- size: 1Gi\n")
        let twoClaims = CheckFixture.replacing("resources: {requests: {storage: 10Gi}}", with: "resources: {requests: {storage: 10Gi}}\n  - metadata: {name: wal}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}")
        try twoClaims.write(to: dir.appendingPathComponent("base/all.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["build", "prod"], cwd: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.replacingOccurrences(of: dir.path + "/", with: "")
            .hasPrefix("Error: prod/kustomization.yaml:5:3: storage entry (every StatefulSet): StatefulSet 'prod-db' has several claim templates (data, wal); say which with 'claim'"), result.stderr)
    }
}
