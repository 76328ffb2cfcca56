import Foundation
import XCTest

/// `sts-kustomize check` through the binary: every finding, exit codes, formats and inputs.
final class CheckCommandTests: XCTestCase {
    private let fix = CheckFixture.self

    private func check(_ yaml: String, _ flags: [String] = []) throws -> BinaryRunner.Result {
        let tree = try BinaryRunner.makeTree(["in.yaml": yaml])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        return try BinaryRunner.run(["check"] + flags + ["in.yaml"], cwd: tree)
    }

    func testValidInputPasses() throws {
        let result = try check(fix.valid)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "1 StatefulSet checked: 0 errors, 0 warnings\n")
        XCTAssertEqual(result.stderr, "")
    }

    /// (what to break, how, the finding's `location: severity: resource: path` and check).
    private let errorCases: [(String, String, String, String)] = [
        ("serviceName: db", "serviceName: \"\"", "in.yaml:12:16: error: StatefulSet prod/db: spec.serviceName:", "service-name"),
        ("serviceName: db", "serviceName: other", "in.yaml:12:16: error: StatefulSet prod/db: spec.serviceName:", "service-name"),
        ("clusterIP: None", "clusterIP: 10.0.0.1", "in.yaml:5:14: error: Service prod/db: spec.clusterIP:", "headless-service"),
        ("selector: {matchLabels: {app: db}}\n  template", "selector: {}\n  template", "in.yaml:15:13: error: StatefulSet prod/db: spec.selector:", "selector"),
        ("selector: {matchLabels: {app: db}}\n  template", "selector: {matchLabels: {app: x}}\n  template",
         "in.yaml:15:13: error: StatefulSet prod/db: spec.selector:", "selector"),
        ("- {name: data, mountPath: /data}", "- {name: cache, mountPath: /data}",
         "in.yaml:28:18: error: StatefulSet prod/db: spec.template.spec.containers[0].volumeMounts[0].name:", "volume-mounts"),
        ("volumeMounts: [{name: data, mountPath: /data}]", "volumeMounts: [{name: tmp, mountPath: /data}]",
         "in.yaml:23:31: error: StatefulSet prod/db: spec.template.spec.initContainers[0].volumeMounts[0].name:", "volume-mounts"),
        ("      accessModes: [ReadWriteOnce]\n", "",
         "in.yaml:32:7: error: StatefulSet prod/db: spec.volumeClaimTemplates[0].spec.accessModes:", "claim-template"),
        ("resources: {requests: {storage: 10Gi}}", "resources: {}",
         "in.yaml:33:18: error: StatefulSet prod/db: spec.volumeClaimTemplates[0].spec.resources.requests.storage:", "claim-template"),
        ("storage: 10Gi", "storage: 10 GiB",
         "in.yaml:33:39: error: StatefulSet prod/db: spec.volumeClaimTemplates[0].spec.resources.requests.storage:", "storage-size"),
        ("podManagementPolicy: OrderedReady", "podManagementPolicy: Ordered",
         "in.yaml:13:24: error: StatefulSet prod/db: spec.podManagementPolicy:", "pod-management-policy"),
        ("restartPolicy: Always", "restartPolicy: OnFailure",
         "in.yaml:19:22: error: StatefulSet prod/db: spec.template.spec.restartPolicy:", "restart-policy"),
    ]

    func testEveryErrorFailsTheCheck() throws {
        for (old, new, prefix, id) in errorCases {
            let result = try check(fix.replacing(old, with: new))
            XCTAssertEqual(result.status, 1, new)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, 2, result.stdout)
            XCTAssertTrue(lines.first?.hasPrefix(prefix + " ") == true, "\(new)\n\(result.stdout)")
            XCTAssertTrue(lines.first?.hasSuffix("[\(id)]") == true, result.stdout)
            XCTAssertEqual(lines.last, "1 StatefulSet checked: 1 error, 0 warnings")
        }
    }

    private let warningCases: [(String, String, String, String)] = [
        ("selector: {app: db}", "selector: {app: postgres}", "in.yaml:6:13: warning: Service prod/db: spec.selector:", "service-selector"),
        ("maxUnavailable: 1\n  selector: {matchLabels: {app: db}}", "maxUnavailable: 1\n  selector: {matchExpressions: [{key: app, operator: NotIn, values: [db]}]}",
         "in.yaml:40:13: warning: PodDisruptionBudget prod/db: spec.selector:", "pdb-selector"),
        ("- metadata: {name: data}", "- metadata: {name: data, labels: {app: db}}",
         "in.yaml:30:36: warning: StatefulSet prod/db: spec.volumeClaimTemplates[0].metadata.labels:", "claim-template-labels"),
    ]

    func testEveryWarningPassesUnlessStrict() throws {
        for (old, new, prefix, id) in warningCases {
            let text = fix.replacing(old, with: new)
            let result = try check(text)
            XCTAssertEqual(result.status, 0, new)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, 2, result.stdout)
            XCTAssertTrue(lines.first?.hasPrefix(prefix + " ") == true, "\(new)\n\(result.stdout)")
            XCTAssertTrue(lines.first?.hasSuffix("[\(id)]") == true, result.stdout)
            XCTAssertEqual(lines.last, "1 StatefulSet checked: 0 errors, 1 warning")
            XCTAssertEqual(try check(text, ["--strict"]).status, 1, new)
        }
    }

    func testJSONFormat() throws {
        let result = try check(fix.replacing("restartPolicy: Always", with: "restartPolicy: Never"), ["--format", "json"])
        XCTAssertEqual(result.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
        let finding = try XCTUnwrap((object["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(finding["check"] as? String, "restart-policy")
        XCTAssertEqual(finding["file"] as? String, "in.yaml")
        XCTAssertEqual(finding["line"] as? Int, 19)
        XCTAssertEqual(finding["path"] as? String, "spec.template.spec.restartPolicy")
        XCTAssertEqual((finding["resource"] as? [String: String])?["name"], "db")
    }

    func testStandardInput() throws {
        let result = try fix.run(["check", "-"], stdin: fix.replacing("clusterIP: None", with: "clusterIP: 10.0.0.1"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("<stdin>:5:14: error: Service prod/db: spec.clusterIP: "), result.stdout)
    }

    func testDirectoryIsRenderedFirstAndFindingsNameTheResourcesFile() throws {
        let tree = try BinaryRunner.makeTree([
            "base/kustomization.yaml": "resources:\n- all.yaml\n",
            "base/all.yaml": fix.replacing("storage: 10Gi", with: "storage: 10Gb"),
            "prod/kustomization.yaml": "resources:\n- ../base\nnamePrefix: p-\n",
        ])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        let result = try BinaryRunner.run(["check", "prod"], cwd: tree)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
            base/all.yaml: error: StatefulSet prod/p-db: spec.volumeClaimTemplates[0].spec.resources.requests.storage: storage size '10Gb' of claim template 'data' is not a Kubernetes quantity (e.g. 10Gi, 500Mi, 1e9) [storage-size]
            1 StatefulSet checked: 1 error, 0 warnings

            """)
    }

    func testBadInputExitsTwo() throws {
        let tree = try BinaryRunner.makeTree([
            "broken.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n",
            "nameless.yaml": "apiVersion: v1\nkind: ConfigMap\n",
            "empty/README": "not a kustomization\n",
            "failing/kustomization.yaml": "resources:\n- missing.yaml\n",
            "ok.yaml": fix.valid,
        ])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        let cases: [([String], String)] = [
            (["check", "missing.yaml"], "missing.yaml: no such file or directory"),
            (["check", "broken.yaml"], "broken.yaml:5:"),
            (["check", "nameless.yaml"], "nameless.yaml"),
            (["check", "empty"], "unable to find one of 'kustomization.yaml'"),
            (["check", "failing"], "missing.yaml"),
            (["check", "--format", "xml", "ok.yaml"], "The value 'xml' is invalid for '--format <format>'"),
            (["check", "--load-restrictor", "Nope", "ok.yaml"], "The value 'Nope' is invalid for '--load-restrictor <load-restrictor>'"),
        ]
        for (arguments, message) in cases {
            let result = try BinaryRunner.run(arguments, cwd: tree)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stdout, "", arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.hasPrefix("Error: ") && result.stderr.contains(message), result.stderr)
        }
    }

    func testBareStatefulSetDoesNotCrash() throws {
        let result = try check("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: bare}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: odd}\nspec: {template: 3, selector: [], volumeClaimTemplates: {a: 1}, serviceName: {}}\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout.split(separator: "\n").last, "2 StatefulSets checked: 4 errors, 0 warnings")
    }

    func testExampleOverlays() throws {
        for env in ["dev", "staging", "prod"] {
            let result = try BinaryRunner.run(["check", "overlays/\(env)"])
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            XCTAssertTrue(result.stdout.hasSuffix("1 StatefulSet checked: 0 errors, 1 warning\n"), result.stdout)
            XCTAssertTrue(result.stdout.hasPrefix("base/statefulset.yaml: warning: StatefulSet orders-\(env)/"), result.stdout)
            XCTAssertEqual(try BinaryRunner.run(["check", "--strict", "overlays/\(env)"]).status, 1)
        }
    }
}
