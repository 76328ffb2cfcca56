import Foundation
import XCTest

/// `render`: every kustomization under the paths in one process, each output what `build`
/// prints, a failing directory reported while the others render.
final class RenderCommandTests: XCTestCase {
    private func tree() throws -> URL {
        let cm = { (n: String) in "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \(n)}\n" }
        let t = try BinaryRunner.makeTree([
            "apps/base/kustomization.yaml": "resources: [cm.yaml]\n",
            "apps/base/cm.yaml": cm("shared"),
            "apps/a/kustomization.yaml": "resources: [../base]\nnamePrefix: a-\n",
            "apps/b/kustomization.yaml": "resources: [../base, missing.yaml]\n",
            "apps/c/kustomization.yaml": "resources: [../base]\nnamePrefix: c-\n",
            "apps/comp/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n",
            "apps/.hidden/kustomization.yaml": "resources: [x.yaml]\n",
        ])
        addTeardownBlock { try? FileManager.default.removeItem(at: t) }
        return t
    }

    func testRendersEachDirectoryAndReportsFailures() throws {
        let t = try tree()
        let out = t.appendingPathComponent("out")
        // A stale render of the directory that now fails must go.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("apps/b"), withIntermediateDirectories: true)
        try "old".write(to: out.appendingPathComponent("apps/b/manifest.yaml"), atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["render", "apps", "-o", "out"], cwd: t)
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, r.stdout)  // base, a, b, c: no component, no hidden directory
        XCTAssertTrue(lines.contains { $0.hasPrefix("FAIL apps/b: ") && $0.contains("missing.yaml") }, r.stdout)
        for dir in ["apps/a", "apps/c", "apps/base"] {
            let written = try String(contentsOf: out.appendingPathComponent(dir + "/manifest.yaml"), encoding: .utf8)
            XCTAssertEqual(written, try BinaryRunner.run(["build", t.appendingPathComponent(dir).path]).stdout, dir)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("apps/b/manifest.yaml").path))
    }

    func testJSONRecordsAndEntryPoints() throws {
        let t = try tree()
        let r = try BinaryRunner.run(["render", "apps", "--format", "json", "--entry-points", "--jobs", "1"], cwd: t)
        let records = try r.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(records.compactMap { $0?["path"] as? String }, ["apps/a", "apps/b", "apps/c"], "the base is used by others")
        XCTAssertEqual(records.compactMap { $0?["status"] as? String }, ["ok", "error", "ok"])
        XCTAssertEqual(records.first??["resources"] as? Int, 1)
    }

    /// Discovery lists directories with their entry types and resolves only symlinks: a link
    /// to a directory inside the path is the same kustomization (found once), a link out of
    /// the path is not followed, and a kustomization file that is a link counts.
    func testDiscoverySymlinks() throws {
        let t = try tree()
        let outside = try BinaryRunner.makeTree(["elsewhere/kustomization.yaml": "resources: []\n"])
        addTeardownBlock { try? FileManager.default.removeItem(at: outside) }
        XCTAssertEqual(symlink(t.appendingPathComponent("apps/a").path, t.appendingPathComponent("apps/link-to-a").path), 0)
        XCTAssertEqual(symlink(outside.appendingPathComponent("elsewhere").path, t.appendingPathComponent("apps/link-out").path), 0)
        try FileManager.default.createDirectory(at: t.appendingPathComponent("apps/linked-file"), withIntermediateDirectories: true)
        XCTAssertEqual(symlink(t.appendingPathComponent("apps/c/kustomization.yaml").path,
                               t.appendingPathComponent("apps/linked-file/kustomization.yaml").path), 0)
        let r = try BinaryRunner.run(["render", "apps", "--format", "json", "--jobs", "2"], cwd: t)
        let paths = r.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let data = line.data(using: .utf8), let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            return o["path"] as? String
        }
        XCTAssertEqual(paths, ["apps/a", "apps/b", "apps/base", "apps/c", "apps/linked-file"], r.stdout)
    }
}
