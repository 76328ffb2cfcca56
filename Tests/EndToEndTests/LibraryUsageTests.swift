import StsKustomize
import XCTest

/// The README's "Using the library" example, compiled and run: one import, a tree in memory,
/// build, check and diff, with structured warnings and diagnostics.
final class LibraryUsageTests: XCTestCase {
    func testReadmeExample() throws {
        // README example begins
        let tree = MemoryFileSystem([
            "app/base/kustomization.yaml": "resources: [db.yaml]\n",
            "app/base/db.yaml": """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template: {metadata: {labels: {app: db}}}
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {resources: {requests: {storage: 1Gi}}}

                """,
            "app/prod/kustomization.yaml": """
                resources: [../base]
                namePrefix: prod-
                storage:
                - {claim: data, size: 50Gi}

                """,
        ])
        let options = BuildOptions(fileSystem: tree)
        let result = try Build(options: options).run("/app/prod")
        let yaml = String(decoding: try result.yaml(), as: UTF8.self)
        let diff = try Diff(options: options).run(old: .directory("/app/base"), new: .directory("/app/prod"))
        // README example ends
        XCTAssertTrue(yaml.contains("name: prod-db\n"), yaml)
        XCTAssertTrue(yaml.contains("storage: 50Gi\n"), yaml)
        XCTAssertEqual(result.warnings, [])
        XCTAssertEqual(result.resources.resources.map(\.name), ["prod-db"])
        XCTAssertEqual(diff.forbiddenCount, 0, "a renamed StatefulSet is a new one: nothing forbidden")
    }

    func testCheckReportsFindingsAsValues() throws {
        let tree = MemoryFileSystem([
            "/r.yaml": """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template: {metadata: {labels: {app: other}}}

                """,
        ])
        let outcome = try Check(options: BuildOptions(fileSystem: tree)).run(.file("/r.yaml"))
        XCTAssertTrue(outcome.report.fails(strict: false))
        XCTAssertTrue(outcome.report.findings.contains { $0.message.contains("selector does not match the template labels") },
                      "\(outcome.report.findings.map(\.message))")
    }

    func testErrorsAreDiagnosticsWithPositions() {
        let tree = MemoryFileSystem(["/k/kustomization.yaml": "resources: [a.yaml]\n", "/k/a.yaml": "kind: [\n"])
        XCTAssertThrowsError(try Build(options: BuildOptions(fileSystem: tree)).run("/k")) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.file, "/k/a.yaml")
            XCTAssertEqual(d?.mark.line, 2)
        }
    }
}
