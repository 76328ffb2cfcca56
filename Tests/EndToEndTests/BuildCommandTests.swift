import Foundation
import XCTest

/// The example overlays against golden output made by `kubectl kustomize` (Kustomize v5.5.0),
/// and the CLI's behaviour on bad input.
final class BuildCommandTests: XCTestCase {
    func testExampleOverlaysMatchKubectlKustomize() throws {
        for env in ["dev", "staging", "prod"] {
            let result = try BinaryRunner.run(["build", "overlays/\(env)"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let golden = BinaryRunner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/overlay-\(env).expected.yaml")
            let expected = try String(contentsOf: golden, encoding: .utf8)
            XCTAssertEqual(result.stdout, expected, "overlays/\(env) differs from kubectl kustomize")
        }
    }

    func testYAMLErrorNamesFileLineAndColumnAndPrintsNothing() throws {
        let tree = try BinaryRunner.makeTree([
            "kustomization.yaml": "resources:\n- cm.yaml\n",
            "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n",
        ])
        let result = try BinaryRunner.run(["build", tree.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("cm.yaml:5:"), result.stderr)
    }

    /// The patch engine reports a replaced list as data; the StatefulSet layer words it as a
    /// lost claim and the CLI prints it on stderr, leaving the output as kustomize's.
    func testLostClaimTemplateIsWordedAsAClaimWarning() throws {
        let tree = try BinaryRunner.makeTree([
            "kustomization.yaml": "resources:\n- sts.yaml\npatches:\n- path: p.yaml\n",
            "sts.yaml": """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: web}
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {accessModes: [ReadWriteOnce], storageClassName: fast}
                  - metadata: {name: logs}

                """,
            "p.yaml": """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: web}
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {accessModes: [ReadWriteOnce]}

                """,
        ])
        let result = try BinaryRunner.run(["build", tree.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains("logs"), result.stdout)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "warning: StatefulSet web: the patch replaced spec.volumeClaimTemplates (a list kustomize cannot merge); "
                + "claim \"data\" lost spec.storageClassName (patch \(tree.path)/p.yaml)",
            "warning: StatefulSet web: the patch replaced spec.volumeClaimTemplates (a list kustomize cannot merge) "
                + "and dropped claim \"logs\" (patch \(tree.path)/p.yaml)",
        ])
    }

    func testUnknownKustomizationFieldIsAnErrorWithItsLine() throws {
        let tree = try BinaryRunner.makeTree(["kustomization.yaml": "resources: []\nnamePrefx: a-\n"])
        let result = try BinaryRunner.run(["build", tree.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("kustomization.yaml:2:1"), result.stderr)
        XCTAssertTrue(result.stderr.contains("namePrefx"), result.stderr)
    }

    func testRefusedFieldsSaySo() throws {
        let tree = try BinaryRunner.makeTree(["kustomization.yaml": "helmCharts:\n- name: x\n"])
        let result = try BinaryRunner.run(["build", tree.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("helmCharts"), result.stderr)
        XCTAssertTrue(result.stderr.contains("not supported"), result.stderr)
    }

    func testLoadRestrictorRejectsFilesOutsideTheRootUnlessDisabled() throws {
        let tree = try BinaryRunner.makeTree([
            "app/kustomization.yaml": "resources:\n- ../shared/cm.yaml\n",
            "shared/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n",
        ])
        let restricted = try BinaryRunner.run(["build", tree.appendingPathComponent("app").path])
        XCTAssertEqual(restricted.status, 1)
        XCTAssertTrue(restricted.stderr.contains("LoadRestrictionsRootOnly"), restricted.stderr)
        let open = try BinaryRunner.run(["build", "--load-restrictor", "LoadRestrictionsNone", tree.appendingPathComponent("app").path])
        XCTAssertEqual(open.status, 0, open.stderr)
        XCTAssertEqual(open.stdout, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n")
    }

    func testCyclesAreDetected() throws {
        let tree = try BinaryRunner.makeTree([
            "a/kustomization.yaml": "resources:\n- ../b\n",
            "b/kustomization.yaml": "resources:\n- ../a\n",
        ])
        let result = try BinaryRunner.run(["build", tree.appendingPathComponent("a").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cycle"), result.stderr)
    }

    func testOutputDirectoryGetsOneFilePerResource() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sts-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try BinaryRunner.run(["build", "overlays/prod", "-o", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(files, ["apps_v1_statefulset_postgres.yaml", "v1_service_postgres-headless.yaml"])
    }

    /// kustomize names `-o DIR` files with the build's scope, a custom `openapi:` document's
    /// paths included: a kind it declares cluster-scoped gets no namespace prefix (checked
    /// against `kubectl kustomize -o`).
    func testOutputDirectoryNamesFilesWithTheBuildsScope() throws {
        let tree = try BinaryRunner.makeTree([
            "schema.json": """
                {"swagger": "2.0", "info": {"title": "x", "version": "v1"}, "definitions": {},
                 "paths": {"/apis/example.com/v1/foos/{name}": {"get": {"x-kubernetes-group-version-kind": {"group": "example.com", "version": "v1", "kind": "Foo"}}}}}
                """,
            "r.yaml": """
                apiVersion: example.com/v1
                kind: Foo
                metadata:
                  name: f
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  namespace: one
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: b
                  namespace: two

                """,
            "kustomization.yaml": "resources: [r.yaml]\nopenapi:\n  path: schema.json\n",
        ])
        let out = tree.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try BinaryRunner.run(["build", tree.path, "-o", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(files, ["example.com_v1_foo_f.yaml", "one_v1_configmap_a.yaml", "two_v1_configmap_b.yaml"])
    }

    func testOutputFileIsNotWrittenOnError() throws {
        let tree = try BinaryRunner.makeTree(["kustomization.yaml": "resources:\n- missing.yaml\n"])
        let target = tree.appendingPathComponent("out.yaml")
        let result = try BinaryRunner.run(["build", tree.path, "-o", target.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }

    /// kubectl kustomize prints annotation values as the strings they were written as.
    func testAnnotationValuesBecomeTheirText() throws {
        let tree = try BinaryRunner.makeTree([
            "kustomization.yaml": "resources:\n- cm.yaml\n",
            "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    j: 2024-01-01\n    n: 1.50\n    b: yes\n    t: true\n",
        ])
        let result = try BinaryRunner.run(["build", tree.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          annotations:
            b: "yes"
            j: "2024-01-01"
            "n": "1.50"
            t: "true"
          name: x

        """)
    }
}
