import XCTest
@testable import Manifests

final class PathNameTests: XCTestCase {
    /// The component-list definition: split on `/`, drop `.`, let `..` remove the component
    /// before it (kept at the start of a relative path, dropped at the root).
    private func reference(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for comp in path.split(separator: "/", omittingEmptySubsequences: true) {
            if comp == "." { continue }
            if comp == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(comp) }
                continue
            }
            parts.append(comp)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    func testNormalizeAgreesWithTheComponentDefinition() {
        let pieces = ["a", "bc", ".", "..", "", "é", "...", ".x", "x."]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<5000 {
            let path = (0..<(next() % 6)).map { _ in pieces[next() % pieces.count] }.joined(separator: "/")
            for p in [path, "/" + path, path + "/"] {
                XCTAssertEqual(PathName.normalize(p), reference(p), p)
            }
        }
        XCTAssertEqual(PathName.normalize(""), ".")
        XCTAssertEqual(PathName.normalize("/"), "/")
        XCTAssertEqual(PathName.normalize("a//b/./c/../d/"), "a/b/d")
        XCTAssertEqual(PathName.normalize("../../x"), "../../x")
        XCTAssertEqual(PathName.normalize("/../x"), "/x")
        XCTAssertEqual(PathName.join("apps/x/overlays/dev", "../../base"), "apps/x/base")
    }
}

/// Real paths resolved from a directory's real path (one lstat) agree with resolving the
/// whole path, through symlinked directories and files, `..`, and missing entries.
final class SharedRealPathTests: XCTestCase {
    func testResolvingThroughTheParentAgreesWithTheFileSystem() {
        var fs = MemoryFileSystem(["/r/base/a.yaml": "x", "/r/other/b.yaml": "y"])
        fs.link("/r/alias", to: "base")
        fs.link("/r/base/linked.yaml", to: "../other/b.yaml")
        fs.link("/r/deep/up", to: "/r/other")
        let paths = ["/r/base/a.yaml", "/r/alias/a.yaml", "/r/alias/linked.yaml", "/r/base/linked.yaml", "/r/alias/../other/b.yaml",
                     "/r/deep/up/b.yaml", "/r/deep/up/../base/a.yaml", "/r/base/missing.yaml", "/r/missing/a.yaml", "/r/base/a.yaml/x",
                     "/r/alias", "/r", "/"]
        let loader = ManifestLoader(fileSystem: fs, sharedCache: SharedParseCache())
        for _ in 0..<2 {  // the second round answers from the cache
            for p in paths { XCTAssertEqual(loader.realPath(p), fs.realPath(p), p) }
        }
    }
}
