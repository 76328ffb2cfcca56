import YAML

// Small predicates named after kyaml's, so the merge code reads like the code it mirrors.

/// kyaml `IsMissingOrNull`: absent, or a null scalar.
@inline(__always)
func isMissingOrNull(_ node: Node?) -> Bool {
    guard let node else { return true }
    if case .scalar(let s) = node { return s.tag == .null && !s.untagged }
    return false
}

/// kyaml `IsTaggedNull`: a null scalar (an absent node is not; nor is a node kustomize's own
/// code made, untagged, whose text reads as null: a replacement's created `""` stays).
@inline(__always)
func isTaggedNull(_ node: Node?) -> Bool {
    if case .scalar(let s)? = node { return s.tag == .null && !s.untagged }
    return false
}

/// A null written as text (`null`, `~`): one the target already has survives a merge that
/// does not touch it, where an empty one (`key:`) vanishes (oracle-checked). A node
/// kustomize's own code made (untagged) is no null to kyaml, whatever its text.
@inline(__always)
func isWrittenNull(_ node: Node?) -> Bool {
    if case .scalar(let s)? = node { return s.tag == .null && !s.value.isEmpty && !s.untagged }
    return false
}

/// kyaml `IsEmptyMap`.
@inline(__always)
func isEmptyMap(_ node: Node?) -> Bool {
    if case .mapping(let m)? = node { return m.entries.isEmpty }
    return false
}

extension Node {
    /// go-yaml's `Node.Value`: a scalar's text as written; empty for mappings and sequences.
    var goValue: String {
        if case .scalar(let s) = self { return s.value }
        return ""
    }

    /// go-yaml's node kind names, for kustomize-like messages.
    public var kindName: String {
        switch self {
        case .scalar: return "ScalarNode"
        case .mapping: return "MappingNode"
        case .sequence: return "SequenceNode"
        }
    }

    /// A short rendering of the node for error messages.
    public var snippet: String {
        let text = (try? YAMLEmitter().emitString(self)) ?? ""
        var trimmed = Substring(text)
        while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}

extension Mapping {
    /// The value under `key`, with its entry index (first match, like kyaml's `Field`).
    @inline(__always)
    func entryIndex(_ key: String) -> Int? {
        for i in entries.indices where entries[i].key.value == key { return i }
        return nil
    }
}
