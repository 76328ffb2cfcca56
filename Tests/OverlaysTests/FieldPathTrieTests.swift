import XCTest
import YAML
@testable import Overlays

/// One walk along a trie of paths finds, for every path, the fields that walking it alone
/// visits, in the same order; a scalar in a path's way (a shape error) is reported as nil.
final class FieldPathTrieTests: XCTestCase {
    private struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    private let keys = ["spec", "template", "containers", "env", "name", "valueFrom", "ref", "volumes"]

    private func randomNode(_ g: inout Generator, depth: Int) -> Node {
        switch depth > 4 ? 0 : g.next(6) {
        case 0: return g.next(4) == 0 ? .null : .string("v\(g.next(9))")
        case 1, 2:
            return .sequence(Sequence((0..<g.next(3)).map { _ in randomNode(&g, depth: depth + 1) }))
        default:
            var entries: [MapEntry] = []
            for key in keys where g.next(3) == 0 { entries.append(MapEntry(key: .string(key), value: randomNode(&g, depth: depth + 1))) }
            return .mapping(Mapping(entries))
        }
    }

    func testTrieVisitsWhatEachPathVisits() throws {
        var g = Generator(state: 3)
        var compared = 0, refused = 0
        for _ in 0..<3000 {
            guard case .mapping(let object) = randomNode(&g, depth: 0) else { continue }
            let paths: [[String]] = (0..<(1 + g.next(6))).map { _ in
                (0..<(1 + g.next(4))).map { _ in keys[g.next(keys.count)] + (g.next(5) == 0 ? "[]" : "") }
            }
            let trie = FieldPathTrie(paths: paths.map(FieldWalker.Segment.prepare))
            var oneByOne: [[(Mapping, String)]]? = []
            for path in paths {
                var points: [(Mapping, String)] = []
                do {
                    try FieldWalker.visit(object, path: path, create: false, leaf: nil) { points.append(($0, $1)) }
                    oneByOne?.append(points)
                } catch {
                    oneByOne = nil
                    break
                }
            }
            let together = trie.visits(in: object, pathCount: paths.count)
            guard let expected = oneByOne else {
                XCTAssertNil(together, "a shape error must leave the walk to the paths one by one")
                refused += 1
                continue
            }
            guard let together else { return XCTFail("no shape error, yet the trie refused \(paths)") }
            for (a, b) in zip(expected, together) {
                XCTAssertEqual(a.count, b.count, "\(paths)")
                for (x, y) in zip(a, b) {
                    XCTAssertTrue(x.0 === y.0 && x.1 == y.1, "\(paths)")
                }
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 500)
        XCTAssertGreaterThan(refused, 50)
    }
}
