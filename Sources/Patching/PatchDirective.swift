import YAML

/// The `$patch` directive of a strategic merge patch, found and removed from the patch node the
/// way kyaml's merge2 does.
enum PatchDirective {
    case merge, replace, delete

    static let key = "$patch"

    /// kyaml `determineSmpDirective`: reads `$patch` from a mapping, or from a list element that
    /// holds nothing else, and removes it from the patch. A missing patch node means merge.
    static func take(from patch: Node?, file: String) throws -> PatchDirective {
        guard let patch else { return .merge }
        switch patch {
        case .mapping(let m):
            guard let i = m.entryIndex(key) else { return .merge }
            let directive = try parse(m.entries[i].value, file: file)
            m.entries.remove(at: i)
            return directive
        case .sequence(let seq):
            // An element `{$patch: x}` applies to the list; one with other keys is for its item.
            guard let m = SequenceElements.firstMapping(in: seq, withKey: key), m.entries.count == 1 else {
                return .merge
            }
            let value = m.entries[0].value
            let directive = try parse(value, file: file)
            try SequenceElements.set(seq, element: nil, keys: [key], values: [value.goValue])
            return directive
        case .scalar(let s):
            throw Diagnostic(file: file, mark: s.mark,
                             message: "no implemented strategic merge patch strategy for '\(s.value)'")
        }
    }

    private static func parse(_ value: Node, file: String) throws -> PatchDirective {
        switch value.goValue {
        case "merge": return .merge
        case "replace": return .replace
        case "delete": return .delete
        case let other:
            throw Diagnostic(file: file, mark: value.mark, message: "unknown patch strategy '\(other)'")
        }
    }
}
