import KubeModel
import Manifests
import Patching
import YAML

/// A place in a resource holding a value, so a replacement can overwrite it.
struct NodeSlot {
    enum Parent {
        case mapping(Mapping, Int)
        case sequence(Sequence, Int)
    }

    let parent: Parent
    /// Made by the walk with no type of its own: a scalar written here takes the type
    /// its text resolves to (kyaml creates untagged nodes).
    let created: Bool

    var node: Node {
        switch parent {
        case .mapping(let m, let i): return m.entries[i].value
        case .sequence(let s, let i): return s.items[i]
        }
    }

    func set(_ node: Node) {
        switch parent {
        case .mapping(let m, let i): m.entries[i].value = node
        case .sequence(let s, let i): s.items[i] = node
        }
    }
}

/// kyaml's `PathMatcher` (with `Create`): every field a replacement target's field path
/// names. Segments: a field name, a list index (`0`; with create, the index one past
/// the end appends), `*` for every element of a list, `[field=regex]` for every element
/// whose field matches the regex (`[=regex]` for scalar elements; with create, an
/// element is appended when none matches).
struct TargetPathMatcher {
    struct Failure: Error {
        var message: String
    }

    enum CreateKind {
        case scalar, mapping, sequence
    }

    private enum Segment {
        case field(String)
        case index(Int)
        case wildcard
        case match(field: String, value: String, pattern: ElementPattern)
        case badMatch
        /// An empty segment (`data.key.`): kyaml's `Get("")`, which matches a scalar whose
        /// text is empty and refuses a map or a list.
        case empty
    }

    /// The value side of `[field=value]`: a Go regular expression that must match
    /// somewhere in the text (unanchored: `[name=ma]` picks `main`), compiled once per path.
    struct ElementPattern {
        let literal: String?
        let regex: Regex<AnyRegexOutput>?

        init(_ value: String) throws {
            let meta: Set<Character> = ["\\", ".", "+", "*", "?", "(", ")", "|", "[", "]", "{", "}", "^", "$"]
            if value.contains(where: { meta.contains($0) }) {
                do {
                    regex = try Regex(value)
                } catch {
                    throw Failure(message: "error parsing regexp: invalid pattern `\(value)`")
                }
                literal = nil
            } else {
                literal = value
                regex = nil
            }
        }

        func matches(_ text: String) -> Bool {
            if let literal { return literal.isEmpty || text.contains(literal) }
            guard let regex else { return false }
            return ((try? regex.firstMatch(in: text)) ?? nil) != nil
        }
    }

    let path: [String]
    private let segments: [Segment]

    init(path: [String]) throws {
        self.path = path
        segments = try path.map { seg in
            if seg.isEmpty { return .empty }
            if let i = KustomizeFieldPath.indexNumber(seg) { return .index(i) }
            if KustomizeFieldPath.isListMatch(seg) {
                guard let (field, value) = KustomizeFieldPath.listMatchParts(seg) else { return .badMatch }
                return .match(field: field, value: value, pattern: try ElementPattern(value))
            }
            if seg == "*" { return .wildcard }
            return .field(seg)
        }
    }

    /// The slots the path reaches in `object`, creating missing parts when `create` is set.
    func slots(in object: Mapping, create: CreateKind?) throws -> [NodeSlot] {
        var out: [NodeSlot] = []
        try walk(.mapping(object), slot: nil, 0, create: create, into: &out)
        return out
    }

    private func kindFor(_ i: Int, _ create: CreateKind) -> CreateKind {
        guard i < segments.count else { return create }
        switch segments[i] {
        case .index, .match, .badMatch: return .sequence
        case .field, .wildcard: return .mapping
        case .empty: return create
        }
    }

    private static func make(_ kind: CreateKind) -> Node {
        switch kind {
        case .scalar: return .scalar(Scalar.resolving(""))  // untagged, as kyaml makes it
        case .mapping: return .mapping(Mapping())
        case .sequence: return .sequence(Sequence())
        }
    }

    private static func wrongKind(expected: String, got: Node) -> Failure {
        Failure(message: "wrong node kind: expected \(expected) but got \(got.kindName)")
    }

    private func walk(_ node: Node, slot: NodeSlot?, _ i: Int, create: CreateKind?, into out: inout [NodeSlot]) throws {
        guard i < segments.count else {
            if let slot { out.append(slot) }
            return
        }
        switch segments[i] {
        case .field(let name):
            let m: Mapping
            switch node {
            case .mapping(let mm): m = mm
            case .scalar(let s) where s.tag == .null: return
            default: throw TargetPathMatcher.wrongKind(expected: "MappingNode", got: node)
            }
            if let idx = m.index(of: name) {
                try walk(m.entries[idx].value, slot: NodeSlot(parent: .mapping(m, idx), created: false), i + 1, create: create, into: &out)
            } else if let create {
                let kind = kindFor(i + 1, create)
                let made = TargetPathMatcher.make(kind)
                m.entries.append(MapEntry(key: .string(name), value: made))
                let s = NodeSlot(parent: .mapping(m, m.entries.count - 1), created: kind == .scalar)
                try walk(made, slot: s, i + 1, create: create, into: &out)
            }
        case .index(let idx):
            guard case .sequence(let seq) = node else {
                throw TargetPathMatcher.wrongKind(expected: "SequenceNode", got: node)
            }
            var created = false
            if seq.items.count == idx, let create {
                let kind = kindFor(i + 1, create)
                seq.items.append(TargetPathMatcher.make(kind))
                created = kind == .scalar
            }
            guard idx < seq.items.count else {
                throw Failure(message: "index \(idx) specified but only \(seq.items.count) elements found")
            }
            try walk(seq.items[idx], slot: NodeSlot(parent: .sequence(seq, idx), created: created), i + 1, create: create, into: &out)
        case .wildcard:
            guard case .sequence(let seq) = node else {
                throw TargetPathMatcher.wrongKind(expected: "SequenceNode", got: node)
            }
            for k in seq.items.indices {
                try walk(seq.items[k], slot: NodeSlot(parent: .sequence(seq, k), created: false), i + 1, create: create, into: &out)
            }
        case .badMatch:
            throw Failure(message: KustomizeFieldPath.listMatchError)
        case .empty:
            guard case .scalar(let s) = node else { throw TargetPathMatcher.wrongKind(expected: "ScalarNode", got: node) }
            // kyaml's null is the tagged one: an untagged empty node it made has empty text
            if s.value.isEmpty && (s.tag != .null || s.untagged) {
                try walk(node, slot: slot, i + 1, create: create, into: &out)
                return
            }
            guard let create, let slot else { return }
            // kyaml's FieldSetter with an empty name copies the node it creates into this one
            // (keeping the style) and goes on with the node it created, which nothing holds:
            // the field is left empty and what is written further on is lost.
            let kind = kindFor(i + 1, create)
            if kind == .scalar {
                slot.set(.scalar(s.style == .plain ? Scalar.resolving("", mark: s.mark) : Scalar("", tag: .string, style: s.style, mark: s.mark)))
            } else {
                slot.set(TargetPathMatcher.make(kind))
            }
            let detached = Mapping([MapEntry(key: .string(""), value: TargetPathMatcher.make(kind))])
            try walk(detached.entries[0].value, slot: NodeSlot(parent: .mapping(detached, 0), created: kind == .scalar), i + 1, create: create, into: &out)
        case .match(let field, let value, let pattern):
            guard case .sequence(let seq) = node else {
                throw TargetPathMatcher.wrongKind(expected: "SequenceNode", got: node)
            }
            let before = out.count
            for k in seq.items.indices where TargetPathMatcher.element(seq.items[k], field: field, matches: pattern) {
                try walk(seq.items[k], slot: NodeSlot(parent: .sequence(seq, k), created: false), i + 1, create: create, into: &out)
            }
            guard out.count == before, create != nil else { return }
            let made: Node
            var createdScalar = false
            if field.isEmpty {
                made = .scalar(Scalar("", tag: .null))
                createdScalar = true
                seq.items.append(made)
                // The element is the value itself; written below as an untyped scalar.
                let s = NodeSlot(parent: .sequence(seq, seq.items.count - 1), created: true)
                s.set(.scalar(Scalar.resolving(value)))
            } else {
                let m = Mapping([MapEntry(key: .string(field), value: .scalar(Scalar.resolving(value)))])
                made = .mapping(m)
                seq.items.append(made)
            }
            let k = seq.items.count - 1
            try walk(seq.items[k], slot: NodeSlot(parent: .sequence(seq, k), created: createdScalar), i + 1, create: create, into: &out)
        }
    }

    /// Whether a list element is picked by `[field=pattern]`.
    private static func element(_ item: Node, field: String, matches pattern: ElementPattern) -> Bool {
        if field.isEmpty {
            guard case .scalar(let s) = item else { return false }
            return pattern.matches(s.value)
        }
        guard case .mapping(let m) = item, case .scalar(let s)? = m[field] else { return false }
        return pattern.matches(s.value)
    }
}
