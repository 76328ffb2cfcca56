import Foundation
import XCTest

/// Issue 9's defects: output that cannot be written, `-o` targets that are not regular files,
/// `-o DIR` naming, and the load restrictor's exact limits.
final class HardeningTests: XCTestCase {
    private func tree() throws -> URL {
        try BinaryRunner.makeTree([
            "kustomization.yaml": "resources:\n- r.yaml\n",
            "r.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: X, namespace: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: X, namespace: B}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: y}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: cr}

            """,
        ])
    }

    private func shell(_ script: String) throws -> BinaryRunner.Result {
        let bin = BinaryRunner.productsDirectory.appendingPathComponent("sts-kustomize").path
        return try BinaryRunner.run(["-c", script.replacingOccurrences(of: "BIN", with: "'\(bin)'")], shell: true)
    }

    func testUnwritableStandardOutputIsAnErrorNotACrash() throws {
        let dir = try tree().path
        for (command, code) in [("build", 1), ("check", 2)] {
            let full = try shell("BIN \(command) '\(dir)' > /dev/full")
            XCTAssertEqual(full.status, Int32(code), "\(command): \(full.stderr)")
            XCTAssertTrue(full.stderr.contains("cannot write standard output: no space left on device"), full.stderr)
            let closed = try shell("BIN \(command) '\(dir)' >&-")
            XCTAssertEqual(closed.status, Int32(code), "\(command): \(closed.stderr)")
            XCTAssertTrue(closed.stderr.contains("cannot write standard output"), closed.stderr)
        }
    }

    func testOutputToADeviceOrSymlinkWritesThrough() throws {
        let dir = try tree()
        let devnull = try BinaryRunner.run(["build", dir.path, "-o", "/dev/null"])
        XCTAssertEqual(devnull.status, 0, devnull.stderr)
        var st = stat()
        XCTAssertEqual(lstat("/dev/null", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "/dev/null must stay a device")

        let target = dir.appendingPathComponent("real.yaml").path
        let link = dir.appendingPathComponent("link.yaml").path
        XCTAssertEqual(symlink(target, link), 0)
        let viaLink = try BinaryRunner.run(["build", dir.path, "-o", link])
        XCTAssertEqual(viaLink.status, 0, viaLink.stderr)
        XCTAssertEqual(lstat(link, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "the symlink must stay a symlink")
        let printed = try BinaryRunner.run(["build", dir.path])
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), printed.stdout)
    }

    func testOutputDirectoryNamesFollowKustomize() throws {
        // File names printed by `kubectl kustomize k -o out` for the same resources.
        let dir = try tree()
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try BinaryRunner.run(["build", dir.path, "-o", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), [
            "a_v1_configmap_x.yaml", "b_v1_configmap_x.yaml", "default_v1_configmap_y.yaml",
            "rbac.authorization.k8s.io_v1_clusterrole_cr.yaml",
        ])
    }

    func testAResourceNameNeverPlacesAFileOutsideTheDirectory() throws {
        let dir = try BinaryRunner.makeTree([
            "kustomization.yaml": "resources:\n- r.yaml\n",
            "r.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \"../../evil\"}\n",
            "out/keep": "",
        ])
        let result = try BinaryRunner.run(["build", dir.path, "-o", dir.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("outside the output directory"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("evil.yaml").path))
    }

    func testOutputErrorsNameTheReason() throws {
        let dir = try tree()
        let missing = try BinaryRunner.run(["build", dir.path, "-o", dir.appendingPathComponent("no/such/x.yaml").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no such directory"), missing.stderr)
        let long = try BinaryRunner.run(["build", dir.path, "-o", dir.appendingPathComponent(String(repeating: "n", count: 300)).path])
        XCTAssertEqual(long.status, 1)
        XCTAssertTrue(long.stderr.contains("file name too long"), long.stderr)
    }

    func testStaleTemporariesOfDeadWritersAreRemoved() throws {
        let dir = try tree()
        // pid 2^22+1 is above Linux's pid_max default range, so no process has it.
        let stale = dir.appendingPathComponent(".out.yaml.sts-kustomize-4194305-0.tmp")
        try "partial".write(to: stale, atomically: false, encoding: .utf8)
        let result = try BinaryRunner.run(["build", dir.path, "-o", dir.appendingPathComponent("out.yaml").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertFalse(names.contains { $0.hasSuffix(".tmp") }, "\(names)")
    }

    func testStandardInputIsReadWithABound() throws {
        let result = try shell("head -c 300000000 /dev/zero | BIN check -")
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("larger than the limit"), result.stderr)
    }

    func testAbsoluteResourceDirectoryIsRefused() throws {
        let base = try BinaryRunner.makeTree(["kustomization.yaml": "resources: []\nnamePrefix: p-\n"])
        let dir = try BinaryRunner.makeTree(["kustomization.yaml": "resources:\n- \(base.path)\n"])
        let result = try BinaryRunner.run(["build", dir.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot be absolute"), result.stderr)
    }

    func testKustomizationSymlinkedFromOutsideTheRootIsNotFound() throws {
        let outside = try BinaryRunner.makeTree(["kustomization.yaml": "resources: []\n"])
        let dir = try BinaryRunner.makeTree(["x": ""])
        XCTAssertEqual(symlink(outside.appendingPathComponent("kustomization.yaml").path,
                               dir.appendingPathComponent("kustomization.yaml").path), 0)
        let result = try BinaryRunner.run(["build", dir.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("unable to find one of"), result.stderr)
    }

    /// Argo CD's `guestbook-symlink-files` and `guestbook-partial-symlink-files` (the real-world
    /// corpus holds their links as plain files): relative links to a sibling directory. With
    /// `LoadRestrictionsNone` kubectl renders them as the sibling; with the default it refuses the
    /// linked resource and does not find the linked kustomization (both checked against kubectl).
    func testRelativeSymlinksToASiblingAsArgoCDsGuestbookUsesThem() throws {
        let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ui\n"
        let svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: ui\n"
        let root = try BinaryRunner.makeTree([
            "guestbook/kustomization.yaml": "resources:\n- ./cm.yaml\n- ./svc.yaml\n",
            "guestbook/cm.yaml": cm, "guestbook/svc.yaml": svc,
            "partial/kustomization.yaml": "resources:\n- ./cm.yaml\n- ./svc.yaml\n",
            "partial/svc.yaml": svc,
            "linked/.keep": ""])
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        for name in ["kustomization.yaml", "cm.yaml", "svc.yaml"] {
            XCTAssertEqual(symlink("../guestbook/\(name)", root.appendingPathComponent("linked/\(name)").path), 0)
        }
        XCTAssertEqual(symlink("../guestbook/cm.yaml", root.appendingPathComponent("partial/cm.yaml").path), 0)
        let expected = cm + "---\n" + svc
        for dir in ["linked", "partial"] {
            let result = try BinaryRunner.run(["build", dir, "--load-restrictor", "LoadRestrictionsNone"], cwd: root)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, expected, dir)
        }
        let linked = try BinaryRunner.run(["build", "linked"], cwd: root)
        XCTAssertEqual(linked.status, 1)
        XCTAssertTrue(linked.stderr.contains("unable to find one of"), linked.stderr)
        let partial = try BinaryRunner.run(["build", "partial"], cwd: root)
        XCTAssertEqual(partial.status, 1)
        XCTAssertTrue(partial.stderr.contains("is not in or below"), partial.stderr)
    }

    /// A resource that is a FIFO nobody writes to: kustomize waits forever in open(2); we do
    /// not (it reads as empty). A FIFO with a writer is read to its end.
    func testAFIFOWithoutAWriterDoesNotHang() throws {
        let tree = try BinaryRunner.makeTree(["kustomization.yaml": "resources: [cm.yaml, fifo.yaml]\n",
                                              "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        XCTAssertEqual(mkfifo(tree.appendingPathComponent("fifo.yaml").path, 0o600), 0)
        let idle = try shell("timeout 20 BIN build '\(tree.path)'")
        XCTAssertEqual(idle.status, 0, idle.stderr)
        XCTAssertEqual(idle.stdout, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        let fed = try shell("(printf 'apiVersion: v1\\nkind: Secret\\nmetadata: {name: s}\\n' > '\(tree.path)/fifo.yaml' &) ; "
            + "sleep 0.3; timeout 20 BIN build '\(tree.path)'")
        XCTAssertEqual(fed.status, 0, fed.stderr)
        XCTAssertTrue(fed.stdout.contains("kind: Secret"), fed.stdout)
    }
}
