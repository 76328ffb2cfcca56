import Foundation
import XCTest

/// `build --check`: findings on stderr, exit 1 on errors with nothing printed; without the
/// flag, build is untouched.
final class CheckOnBuildTests: XCTestCase {
    private func tree(_ resources: String) throws -> URL {
        let tree = try BinaryRunner.makeTree(["kustomization.yaml": "resources:\n- all.yaml\n", "all.yaml": resources])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        return tree
    }

    func testErrorsFailTheBuildAndPrintNothing() throws {
        let dir = try tree(CheckFixture.replacing("clusterIP: None", with: "clusterIP: 10.0.0.1"))
        let checked = try BinaryRunner.run(["build", "--check", "."], cwd: dir)
        XCTAssertEqual(checked.status, 1)
        XCTAssertEqual(checked.stdout, "")
        XCTAssertEqual(checked.stderr, """
            all.yaml: error: Service prod/db: spec.clusterIP: Service db is the serviceName of StatefulSet db but is not headless (clusterIP is '10.0.0.1'; set clusterIP: None) [headless-service]
            1 StatefulSet checked: 1 error, 0 warnings

            """)
        let plain = try BinaryRunner.run(["build", "."], cwd: dir)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.stderr, "")
        XCTAssertTrue(plain.stdout.contains("clusterIP: 10.0.0.1"))
    }

    func testWarningsAreReportedAndTheOutputIsTheBuildsOwn() throws {
        let dir = try tree(CheckFixture.replacing("- metadata: {name: data}", with: "- metadata: {name: data, labels: {app: db}}"))
        let checked = try BinaryRunner.run(["build", "--check", "."], cwd: dir)
        let plain = try BinaryRunner.run(["build", "."], cwd: dir)
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertEqual(checked.stdout, plain.stdout)
        XCTAssertTrue(checked.stderr.hasPrefix("all.yaml: warning: StatefulSet prod/db: spec.volumeClaimTemplates[0].metadata.labels: "), checked.stderr)
        XCTAssertTrue(checked.stderr.hasSuffix("1 StatefulSet checked: 0 errors, 1 warning\n"), checked.stderr)
    }

    func testCleanBuildsSayNothing() throws {
        let dir = try tree(CheckFixture.valid)
        let checked = try BinaryRunner.run(["build", "--check", "."], cwd: dir)
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertEqual(checked.stderr, "")
        XCTAssertEqual(checked.stdout, try BinaryRunner.run(["build", "."], cwd: dir).stdout)
    }

    func testEveryErrorFailsTheBuild() throws {
        let breakages = [
            ("serviceName: db", "serviceName: other"),
            ("clusterIP: None", "clusterIP: 10.0.0.1"),
            ("selector: {matchLabels: {app: db}}\n  template", "selector: {matchLabels: {app: x}}\n  template"),
            ("- {name: data, mountPath: /data}", "- {name: cache, mountPath: /data}"),
            ("      accessModes: [ReadWriteOnce]\n", ""),
            ("resources: {requests: {storage: 10Gi}}", "resources: {}"),
            ("storage: 10Gi", "storage: 10GB"),
            ("podManagementPolicy: OrderedReady", "podManagementPolicy: Ordered"),
            ("restartPolicy: Always", "restartPolicy: Never"),
        ]
        for (old, new) in breakages {
            let result = try BinaryRunner.run(["build", "--check", "."], cwd: try tree(CheckFixture.replacing(old, with: new)))
            XCTAssertEqual(result.status, 1, new)
            XCTAssertEqual(result.stdout, "", new)
            XCTAssertTrue(result.stderr.contains(": error: "), result.stderr)
        }
    }

    func testExampleOverlaysBuildWithCheck() throws {
        for env in ["dev", "staging", "prod"] {
            let checked = try BinaryRunner.run(["build", "--check", "overlays/\(env)"])
            XCTAssertEqual(checked.status, 0, checked.stderr)
            XCTAssertEqual(checked.stdout, try BinaryRunner.run(["build", "overlays/\(env)"]).stdout)
            XCTAssertTrue(checked.stderr.contains("[claim-template-labels]"), checked.stderr)
        }
    }
}
