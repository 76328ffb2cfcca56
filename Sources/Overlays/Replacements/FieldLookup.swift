import Manifests
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
        Failure(message: "wrong Node Kind for \(walked.joined(separator: ".")) expected: \(expected) was \(got.kyamlKindName)")
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

fileprivate extension String {
    /// Go's `strings.TrimSpace` for ASCII white space.
    var trimmingSpaces: String {
        var sub = Substring(self)
        while let f = sub.first, f == " " || f == "\t" || f == "\n" || f == "\r" { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "\t" || l == "\n" || l == "\r" { sub = sub.dropLast() }
        return String(sub)
    }
}
