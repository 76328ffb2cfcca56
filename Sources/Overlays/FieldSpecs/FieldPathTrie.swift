import KubeModel
import YAML

/// Many field paths walked at once: a trie of their segments, so the parts they share (a pod
/// spec's containers and their env lists, for dozens of name-reference specs) are walked once
/// per resource instead of once per path. It only finds where each path's walk would visit;
/// applying the visits path by path, in the paths' order, is the caller's (so the effects and
/// errors come in the same order as walking the paths one after the other).
final class FieldPathTrie: Sendable {
    private let children: [(segment: FieldWalker.Segment, node: FieldPathTrie)]
    /// The paths (by index) that end here.
    private let ends: [Int]

    private init(children: [(segment: FieldWalker.Segment, node: FieldPathTrie)], ends: [Int]) {
        self.children = children
        self.ends = ends
    }

    /// The trie of `paths` (none empty); children keep the order of the paths that made them.
    convenience init(paths: [[FieldWalker.Segment]]) {
        self.init(entries: paths.enumerated().map { ($0.offset, $0.element[...]) })
    }

    private convenience init(entries: [(index: Int, rest: ArraySlice<FieldWalker.Segment>)]) {
        var ends: [Int] = []
        var order: [String] = []
        var groups: [String: (segment: FieldWalker.Segment, entries: [(index: Int, rest: ArraySlice<FieldWalker.Segment>)])] = [:]
        for (index, rest) in entries {
            guard let first = rest.first else {
                ends.append(index)
                continue
            }
            // `x` and `x[]` walk the same key but differ in nothing a visit-only walk uses
            let id = first.key + (first.namesList ? "[]" : "")
            if groups[id] == nil {
                order.append(id)
                groups[id] = (first, [])
            }
            groups[id]?.entries.append((index, rest.dropFirst()))
        }
        let children = order.compactMap { id in groups[id].map { ($0.segment, FieldPathTrie(entries: $0.entries)) } }
        self.init(children: children, ends: ends)
    }

    /// For each path, the (mapping, key) pairs its walk without `create` visits in `object`, in
    /// the order that walk visits them; nil when a walk would stop at a scalar in its way (a
    /// shape error, left to the path-by-path walk to report).
    func visits(in object: Mapping, pathCount: Int) -> [[(Mapping, String)]]? {
        var found = [[(Mapping, String)]](repeating: [], count: pathCount)
        guard walk(.mapping(object), into: &found) else { return nil }
        return found
    }

    private func walk(_ node: Node, into found: inout [[(Mapping, String)]]) -> Bool {
        switch node {
        case .sequence(let seq):
            for item in seq.items where !walk(item, into: &found) { return false }
            return true
        case .mapping(let m):
            for (segment, child) in children {
                guard let value = m[segment.key] else { continue }
                for i in child.ends { found[i].append((m, segment.key)) }
                if !child.children.isEmpty, !value.isNull, !child.walk(value, into: &found) { return false }
            }
            return true
        case .scalar(let s):
            return s.tag == .null
        }
    }
}
