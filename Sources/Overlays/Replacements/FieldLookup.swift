import KubeModel
import Manifests
import Patching
import YAML

/// kyaml's `Lookup` (a `PathGetter` without create): where a replacement source and a
/// var's field reference read. Segments: a field name, a list index (`0`), `-` for the
/// last element, `[field=value]` for the first element whose field equals the value
/// (`[=value]` for a scalar element). Finds nothing, rather than failing, when a field
/// is missing or null.
enum FieldLookup {
    struct Failure: Error {
        var message: String
    }

    static func lookup(_ root: Node, _ rawPath: [String]) throws -> Node? {
        // kyaml's cleanPath: trimmed, empty parts dropped.
        let path = rawPath.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        var current = root
        var walked: [String] = []
        for part in path {
            if let idx = Int(part) {
                guard idx >= 0 else { throw Failure(message: "array index \(idx) cannot be negative") }
                guard let next = try element(of: current, at: idx, walked) else { return nil }
                current = next
            } else if part == "-" {
                guard let next = try element(of: current, at: -1, walked) else { return nil }
                current = next
            } else if KustomizeFieldPath.isListMatch(part) {
                guard let (field, value) = KustomizeFieldPath.listMatchParts(part) else {
                    throw Failure(message: KustomizeFieldPath.listMatchError)
                }
                guard let next = try matchElement(of: current, field: field, value: value, walked) else { return nil }
                current = next
            } else {
                walked.append(part)
                switch current {
                case .mapping(let m):
                    guard let v = m[part] else { return nil }
                    current = v
                case .scalar(let s) where s.tag == .null:
                    return nil
                default:
                    throw wrongKind(walked, expected: "MappingNode", got: current)
                }
            }
        }
        return current
    }

    private static func wrongKind(_ walked: [String], expected: String, got: Node) -> Failure {
        Failure(message: "wrong Node Kind for \(walked.joined(separator: ".")) expected: \(expected) was \(got.kindName)")
    }

    private static func element(of node: Node, at idx: Int, _ walked: [String]) throws -> Node? {
        switch node {
        case .sequence(let seq):
            if idx < 0 { return seq.items.last }
            return idx < seq.items.count ? seq.items[idx] : nil
        case .scalar(let s) where s.tag == .null:
            return nil
        default:
            throw wrongKind(walked, expected: "SequenceNode", got: node)
        }
    }

    private static func matchElement(of node: Node, field: String, value: String, _ walked: [String]) throws -> Node? {
        switch node {
        case .sequence(let seq):
            for item in seq.items {
                if field.isEmpty {
                    if case .scalar(let s) = item, s.value == value { return item }
                } else if case .mapping(let m) = item, case .scalar(let s)? = m[field], s.value == value {
                    return item
                }
            }
            return nil
        case .scalar(let s) where s.tag == .null:
            return nil
        default:
            throw wrongKind(walked, expected: "SequenceNode", got: node)
        }
    }
}

extension FieldLookup {
    /// kyaml's `LookupCreate(ScalarNode, path…)`: walks like `lookup`, creating what is
    /// missing — maps for field names, lists before `[k=v]` and index segments, an element
    /// `{k: v}` (or `v`) when no element matches — and returns the slot of the final
    /// scalar (null when new). Nil when an index is past the end of a list.
    static func lookupCreatingScalar(_ object: Mapping, _ rawPath: [String]) throws -> NodeSlot? {
        let path = rawPath.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        guard !path.isEmpty else { return nil }
        var current = Node.mapping(object)
        var walked: [String] = []
        var slot: NodeSlot?
        for (i, part) in path.enumerated() {
            let here: NodeSlot
            let next = i + 1 < path.count ? path[i + 1] : nil
            if part == "*" { throw Failure(message: "wildcard is not supported in PathGetter") }
            if let idx = Int(part) {
                guard idx >= 0 else { throw Failure(message: "array index \(idx) cannot be negative") }
                guard case .sequence(let seq) = current else { throw wrongKind(walked, expected: "SequenceNode", got: current) }
                guard idx < seq.items.count else { return nil }
                here = NodeSlot(parent: .sequence(seq, idx), created: false)
            } else if part == "-" {
                guard case .sequence(let seq) = current else { throw wrongKind(walked, expected: "SequenceNode", got: current) }
                guard !seq.items.isEmpty else { return nil }
                here = NodeSlot(parent: .sequence(seq, seq.items.count - 1), created: false)
            } else if KustomizeFieldPath.isListMatch(part) {
                guard let (field, value) = KustomizeFieldPath.listMatchParts(part) else {
                    throw Failure(message: KustomizeFieldPath.listMatchError)
                }
                guard case .sequence(let seq) = current else { throw wrongKind(walked, expected: "SequenceNode", got: current) }
                let found = seq.items.firstIndex { item in
                    if field.isEmpty { return item.asScalar?.value == value }
                    return item.asMapping?[field]?.asScalar?.value == value
                }
                if let found {
                    here = NodeSlot(parent: .sequence(seq, found), created: false)
                } else {
                    seq.items.append(field.isEmpty ? .string(value) : .mapping(Mapping([MapEntry(key: .string(field), value: .string(value))])))
                    here = NodeSlot(parent: .sequence(seq, seq.items.count - 1), created: true)
                }
            } else {
                walked.append(part)
                guard case .mapping(let m) = current else { throw wrongKind(walked, expected: "MappingNode", got: current) }
                let made: Node
                if let next, Int(next) != nil || KustomizeFieldPath.isListMatch(next) {
                    made = .sequence(Sequence())
                } else if next != nil {
                    made = .mapping(Mapping())
                } else {
                    made = .null
                }
                if let at = m.entries.firstIndex(where: { $0.key.value == part }) {
                    if m.entries[at].value.isNull, next != nil { m.entries[at].value = made }
                    here = NodeSlot(parent: .mapping(m, at), created: false)
                } else {
                    m.entries.append(MapEntry(key: .string(part), value: made))
                    here = NodeSlot(parent: .mapping(m, m.entries.count - 1), created: true)
                }
            }
            slot = here
            current = here.node
        }
        return slot
    }
}

fileprivate extension String {
    /// Go's `strings.TrimSpace` for ASCII white space.
    var trimmingSpaces: String {
        var sub = Substring(self)
        while let f = sub.first, f == " " || f == "\t" || f == "\n" || f == "\r" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\t" || l == "\n" || l == "\r" { sub = sub.dropLast() }
        return String(sub)
    }
}
