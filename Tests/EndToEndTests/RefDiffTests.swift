import Foundation
import XCTest

/// `diff --ref`: the kustomizations a change reaches, a claim-size change flagged as forbidden,
/// and the work tree, index, HEAD and stash left as they were.
final class RefDiffTests: XCTestCase {
    private func sh(_ script: String, in dir: URL) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["-c", "cd '\(dir.path)' && " + script], shell: true)
    }

    func testDiffAgainstACommit() throws {
        let root = BinaryRunner.packageRoot
        var files: [String: String] = [:]
        for name in ["kustomization.yaml", "statefulset.yaml", "service-headless.yaml"] {
            files["base/" + name] = try String(contentsOf: root.appendingPathComponent("base/" + name), encoding: .utf8)
        }
        files["overlays/prod/kustomization.yaml"] = "resources: [../../base]\nnamePrefix: prod-\nstorage:\n- {name: postgres, size: 10Gi}\n"
        files["overlays/dev/kustomization.yaml"] = "resources: [../../base]\nnamePrefix: dev-\n"
        files["clusters/eu/kustomization.yaml"] = "resources: [../../overlays/prod]\nnamespace: eu\n"
        let repo = try BinaryRunner.makeTree(files)
        addTeardownBlock { try? FileManager.default.removeItem(at: repo) }
        let git = "git -c user.name=t -c user.email=t@example.com"
        XCTAssertEqual(try sh("git init -q && git add -A && \(git) commit -qm base", in: repo).status, 0)
        // A change in the work tree: prod's claim grows (forbidden), a staged file and a stash exist.
        try "resources: [../../base]\nnamePrefix: prod-\nstorage:\n- {name: postgres, size: 50Gi}\n"
            .write(to: repo.appendingPathComponent("overlays/prod/kustomization.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try sh("echo x > notes.txt && git add notes.txt && echo y > stashed.txt && git add stashed.txt && git stash push -q stashed.txt && git add notes.txt", in: repo).status, 0)
        let state = "git status --porcelain; git rev-parse HEAD; git stash list; git diff --cached | git hash-object --stdin"
        let before = try sh(state, in: repo).stdout

        let bin = BinaryRunner.productsDirectory.appendingPathComponent("sts-kustomize").path
        let json = try sh("'\(bin)' diff --ref HEAD --format json", in: repo)
        XCTAssertEqual(json.status, 1, "a forbidden change exits 1: \(json.stderr)")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["ref"] as? String, "HEAD")
        let dirs = try XCTUnwrap(object["dirs"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: dirs.map { ($0["path"] as! String, $0["status"] as! String) })
        XCTAssertEqual(status, ["base": "unchanged", "clusters/eu": "changed", "overlays/dev": "unchanged", "overlays/prod": "changed"])
        let prodChanges = try XCTUnwrap(dirs.first { $0["path"] as? String == "overlays/prod" }?["changes"] as? [[String: Any]])
        XCTAssertTrue(prodChanges.contains { ($0["field"] as? String)?.hasSuffix(".spec.resources.requests.storage") == true
            && $0["old"] as? String == "10Gi" && $0["new"] as? String == "50Gi" && $0["forbidden"] as? Bool == true }, "\(prodChanges)")

        let markdown = try sh("'\(bin)' diff --ref HEAD --format markdown", in: repo)
        XCTAssertTrue(markdown.stdout.contains("| `overlays/prod` | changed | 1 | 1 |"), markdown.stdout)
        let text = try sh("'\(bin)' diff --ref HEAD overlays/dev", in: repo)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasSuffix("1 kustomizations, 0 with changes\n"), text.stdout)

        XCTAssertEqual(try sh(state, in: repo).stdout, before, "work tree, index, HEAD and stash untouched")
        XCTAssertEqual(try sh("'\(bin)' diff --ref no-such-ref", in: repo).status, 2)
        XCTAssertEqual(try sh("'\(bin)' diff --ref HEAD", in: URL(fileURLWithPath: "/")).status, 2)
    }
}
