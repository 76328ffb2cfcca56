import Foundation
import XCTest

/// Argo CD with sts-kustomize as its kustomize (`kustomize.path` in argocd-cm): the exact
/// command lines Argo CD v2.13–v3.x runs (util/kustomize/kustomize.go), replayed against a
/// StatefulSet app. The edited tree must render under `kubectl kustomize` to the same bytes.
final class ArgoCDReplayTests: XCTestCase {
    private func run(_ args: [String], in dir: URL) throws -> BinaryRunner.Result {
        let r = try BinaryRunner.run(args, cwd: dir)
        XCTAssertEqual(r.status, 0, "\(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    private func kubectl(_ args: [String]) throws -> (status: Int32, stdout: String)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["kubectl"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A repository with the example base and an overlay an Application points at.
    private func repository() throws -> URL {
        let root = BinaryRunner.packageRoot
        var files: [String: String] = [:]
        for name in ["kustomization.yaml", "statefulset.yaml", "service-headless.yaml"] {
            files["base/" + name] = try String(contentsOf: root.appendingPathComponent("base/" + name), encoding: .utf8)
        }
        files["apps/orders/kustomization.yaml"] = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            # the Application's overrides land below
            resources:
            - ../../base
            images:
            - name: postgres
              newTag: "16.2"

            """
        files["components/backup/kustomization.yaml"] = """
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            commonAnnotations:
              backup.example.com/schedule: "0 3 * * *"

            """
        let repo = try BinaryRunner.makeTree(files)
        addTeardownBlock { try? FileManager.default.removeItem(at: repo) }
        return repo
    }

    func testArgoCDCommandLinesAgainstAStatefulSetApp() throws {
        let repo = try repository()
        let app = repo.appendingPathComponent("apps/orders")
        // getSemver: `kustomize version --short`, stdout only, parsed as Argo parses it.
        let version = try run(["version", "--short"], in: repo)
        XCTAssertTrue(DropInCLITests.argoVersion(version.stdout)?.hasPrefix("v5.5.0") ?? false, version.stdout)
        // Build(): every override's edit, in Argo's order, in the app directory.
        _ = try run(["edit", "set", "nameprefix", "--", "prod-"], in: app)
        _ = try run(["edit", "set", "namesuffix", "--", "-eu"], in: app)
        _ = try run(["edit", "set", "image", "postgres=registry.example.com/postgres:16.4"], in: app)
        _ = try run(["edit", "set", "replicas", "postgres=3"], in: app)
        _ = try run(["edit", "add", "label", "--force", "env:prod", "team:dba"], in: app)
        _ = try run(["edit", "add", "label", "--force", "--without-selector", "--include-templates", "tier:data"], in: app)
        _ = try run(["edit", "add", "annotation", "--force", "owner:dba@example.com"], in: app)
        _ = try run(["edit", "set", "namespace", "--", "orders-prod"], in: app)
        _ = try run(["edit", "add", "component", "../../components/backup"], in: app)
        let edited = try String(contentsOf: app.appendingPathComponent("kustomization.yaml"), encoding: .utf8)
        XCTAssertTrue(edited.hasPrefix("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n# the Application's overrides land below\nresources:\n- ../../base\n"), edited)
        XCTAssertTrue(edited.contains("images:\n- name: postgres\n  newName: registry.example.com/postgres\n  newTag: \"16.4\"\n"), edited)
        // The build line: absolute app path, build options split on spaces, Helm versions
        // appended because --enable-helm is in them and the version is ≥ v5.3.0; run from the repo root.
        let built = try run(["build", app.path, "--load-restrictor", "LoadRestrictionsNone", "--enable-helm",
                             "--helm-kube-version", "1.29.0", "--helm-api-versions", "monitoring.coreos.com/v1"], in: repo)
        XCTAssertTrue(built.stdout.contains("name: prod-postgres-eu\n  namespace: orders-prod\n"), built.stdout)
        XCTAssertTrue(built.stdout.contains("replicas: 3\n"), built.stdout)
        guard let oracle = try kubectl(["kustomize", "--load-restrictor", "LoadRestrictionsNone", app.path]) else {
            throw XCTSkip("kubectl is not on the PATH")
        }
        XCTAssertEqual(oracle.status, 0)
        XCTAssertEqual(built.stdout, oracle.stdout, "the edited tree renders differently under kubectl kustomize")
    }
}
