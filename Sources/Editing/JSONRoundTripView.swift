import YAML

/// A field's value as kustomize's `edit` writes it: through Go structs and JSON, so mapping
/// keys come out sorted (go-yaml v2's natural order), empty values of nested fields are
/// dropped (`omitempty`; a replica's `count` is always kept), and scalars lose the quoting
/// style they were written in (the emitter quotes what needs it; text with line breaks is a
/// literal block).
enum JSONRoundTripView {
    /// Nil when the value is empty and the field is left out.
    static func normalized(_ node: Node, key: String) -> Node? {
        normalized(node, keptWhenEmpty: false, goMap: goMaps.contains(key))
    }

    /// Struct fields without `omitempty`.
    private static let alwaysKept: Set<String> = ["count"]
    /// Fields that are Go maps (`map[string]string`): their entries are kept even when empty.
    private static let goMaps: Set<String> = ["commonLabels", "commonAnnotations", "pairs", "labels", "annotations", "openapi"]

    private static func normalized(_ node: Node, keptWhenEmpty: Bool, goMap: Bool = false) -> Node? {
        switch node {
        case .scalar(let s):
            if s.tag == .null { return keptWhenEmpty ? node : nil }
            if !keptWhenEmpty && isZero(s) { return nil }
            var plain = Scalar(s.value, tag: s.tag)
            if s.tag == .string && s.value.utf8.contains(10) { plain.style = .literal }
            return .scalar(plain)
        case .sequence(let seq):
            if seq.items.isEmpty && !keptWhenEmpty { return nil }
            return .sequence(Sequence(seq.items.map { normalized($0, keptWhenEmpty: true) ?? .null }))
        case .mapping(let m):
            var entries: [MapEntry] = []
            for e in m.entries {
                let key = e.key.value
                if let v = normalized(e.value, keptWhenEmpty: goMap || alwaysKept.contains(key), goMap: goMaps.contains(key) && e.value.asMapping != nil) {
                    entries.append(MapEntry(key: .string(e.key.value), value: v))
                }
            }
            if entries.isEmpty && !keptWhenEmpty { return nil }
            entries.sort { NaturalKeyOrder.less($0.key.value, $1.key.value) }
            return .mapping(Mapping(entries))
        }
    }

    /// Go's zero values, which `omitempty` leaves out: "", false, 0.
    private static func isZero(_ s: Scalar) -> Bool {
        switch s.tag {
        case .string: return s.value.isEmpty
        case .bool: return s.boolValue == false
        case .int: return Int64(s.value) == 0
        default: return false
        }
    }
}
