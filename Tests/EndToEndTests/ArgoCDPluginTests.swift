import Foundation
import XCTest

/// The Config Management Plugin in deploy/argocd: its overlay of the repo-server renders the
/// same under both tools, and its generate script, run as Argo CD's CMP server runs it (in
/// the app directory, parameters as PARAM_* variables), applies the parameters on a scratch
/// copy and prints the build.
final class ArgoCDPluginTests: XCTestCase {
    func testRepoServerOverlayRendersWithBothTools() throws {
        let ours = try BinaryRunner.run(["build", "deploy/argocd"])
        XCTAssertEqual(ours.status, 0, ours.stderr)
        XCTAssertTrue(ours.stdout.contains("name: install-sts-kustomize"), ours.stdout)
        XCTAssertTrue(ours.stdout.contains("kind: ConfigManagementPlugin"), "the plugin config is in the ConfigMap")
        let kubectl = try BinaryRunner.run(["-c", "kubectl kustomize deploy/argocd"], cwd: BinaryRunner.packageRoot, shell: true)
        guard kubectl.status == 0 else { throw XCTSkip("kubectl is not available: \(kubectl.stderr)") }
        XCTAssertEqual(ours.stdout, kubectl.stdout)
    }

    func testGenerateAppliesParametersOnAScratchCopy() throws {
        let root = BinaryRunner.packageRoot
        var files: [String: String] = [:]
        for name in ["kustomization.yaml", "statefulset.yaml", "service-headless.yaml"] {
            files["base/" + name] = try String(contentsOf: root.appendingPathComponent("base/" + name), encoding: .utf8)
        }
        let app = "resources:\n- ../../base\nnamePrefix: prod-\n"
        files["apps/orders/kustomization.yaml"] = app
        let repo = try BinaryRunner.makeTree(files)
        addTeardownBlock { try? FileManager.default.removeItem(at: repo) }
        let bin = BinaryRunner.productsDirectory.appendingPathComponent("sts-kustomize").path
        let script = root.appendingPathComponent("deploy/argocd/generate.sh").path
        let env = [
            "STS_KUSTOMIZE='\(bin)'", "ARGOCD_APP_NAME=orders", "ARGOCD_APP_SOURCE_PATH=apps/orders",
            "PARAM_IMAGES_0=postgres=registry.example.com/postgres:16.4", "PARAM_REPLICAS='postgres=4'",
            "PARAM_NAMESPACE=orders-prod", "PARAM_STORAGE='postgres/data=200Gi'", "PARAM_STORAGE_CLASS=fast-ssd",
        ].joined(separator: " ")
        let result = try BinaryRunner.run(["-c", "cd '\(repo.path)/apps/orders' && env \(env) /bin/sh '\(script)'"], shell: true)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout
        XCTAssertTrue(out.contains("image: registry.example.com/postgres:16.4\n"), out)
        XCTAssertTrue(out.contains("replicas: 4\n"), out)
        XCTAssertTrue(out.contains("name: prod-postgres\n  namespace: orders-prod\n"), out)
        XCTAssertTrue(out.contains("storage: 200Gi\n") && out.contains("storageClassName: fast-ssd\n"), out)
        // The checkout itself is untouched.
        XCTAssertEqual(try String(contentsOf: repo.appendingPathComponent("apps/orders/kustomization.yaml"), encoding: .utf8), app)

        // Without parameters it is exactly a build of the app.
        let plain = try BinaryRunner.run(["-c", "cd '\(repo.path)/apps/orders' && env STS_KUSTOMIZE='\(bin)' ARGOCD_APP_SOURCE_PATH=apps/orders /bin/sh '\(script)'"], shell: true)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.stdout, try BinaryRunner.run(["build", repo.appendingPathComponent("apps/orders").path]).stdout)
    }
}
