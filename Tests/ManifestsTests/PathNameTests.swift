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
