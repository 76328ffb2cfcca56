import Manifests
import XCTest
import YAML

/// The in-memory file system behaves as the disk does for what a build asks of it.
final class MemoryFileSystemTests: XCTestCase {
    func testTypesRealPathsAndListing() throws {
        var fs = MemoryFileSystem(["a/b/file.yaml": "x: 1\n", "/a/c.yaml": "y\n"])
        fs.link("/a/link", to: "b")
        fs.link("/a/b/up", to: "../c.yaml")
        fs.link("/loop", to: "/loop")
        XCTAssertEqual(fs.type(of: "/a"), .directory)
        XCTAssertEqual(fs.type(of: "a/b/file.yaml"), .file)
        XCTAssertEqual(fs.type(of: "/a/link"), .directory)
        XCTAssertEqual(fs.type(of: "/nope"), .missing)
        XCTAssertEqual(fs.realPath("/a/link/file.yaml"), "/a/b/file.yaml")
        XCTAssertEqual(fs.realPath("/a/link/up"), "/a/c.yaml")
        XCTAssertEqual(fs.realPath("/a/./b/../c.yaml"), "/a/c.yaml")
        XCTAssertNil(fs.realPath("/loop"), "a symlink loop resolves to nothing, as ELOOP")
        XCTAssertEqual(try fs.listDirectory("/a"), ["b", "c.yaml", "link"])
        XCTAssertEqual(try fs.readBytes("/a/link/up"), Array("y\n".utf8))
    }

    func testReadErrorsAndLimits() {
        let fs = MemoryFileSystem(["/d/big": String(repeating: "x", count: 100)])
        XCTAssertThrowsError(try fs.readBytes("/d/missing")) { XCTAssertEqual("\($0)", "/d/missing: cannot read file: no such file or directory") }
        XCTAssertThrowsError(try fs.readBytes("/d")) { XCTAssertEqual("\($0)", "/d: cannot read file: is a directory") }
        XCTAssertThrowsError(try fs.readBytes("/d/big", limit: 99)) { XCTAssertEqual("\($0)", "/d/big: input is larger than the limit of 99 bytes") }
        XCTAssertEqual(try fs.readBytes("/d/big", limit: 100).count, 100)
    }

    /// The loader finds kustomizations and applies the load restrictor through the file system.
    func testLoaderReadsThroughIt() throws {
        var fs = MemoryFileSystem(["/k/kustomization.yaml": "namePrefix: p-\n", "/secret.yaml": "s\n"])
        fs.link("/k/inside.yaml", to: "/secret.yaml")
        let loader = ManifestLoader(fileSystem: fs)
        XCTAssertEqual(try loader.loadKustomization(in: "/k").namePrefix, "p-")
        XCTAssertThrowsError(try loader.readFile("inside.yaml", root: "/k", kustomizationFile: "/k/kustomization.yaml")) {
            XCTAssertTrue("\($0)".contains("security; file '/secret.yaml' is not in or below '/k'"), "\($0)")
        }
    }
}
