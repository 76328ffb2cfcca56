import YAML

/// kustomize reads every resource through JSON on its way out. A mapping key written plain
/// that go-yaml v3 reads as a number, boolean, null or timestamp (`1`, `true`, `~`,
/// `2001-12-14`) makes a map JSON cannot encode, and `kubectl kustomize` fails with
/// `json: unsupported type: map[interface {}]interface {}`. Keys written quoted stay strings;
/// the keys of fields a strategic merge patch adds keep the patch's quotes.
public enum OutputKeyCheck {
    public static func check(_ resource: Resource) throws {
        var path: [String] = []
        guard let key = firstBadKey(in: .mapping(resource.object), path: &path) else { return }
        throw Diagnostic("map key '\(key.value)' at \(path.joined(separator: ".")) in \(resource.id) is not a string when written plain "
                         + "(kustomize fails: json: unsupported type: map[interface {}]interface {}); quote it",
                         file: resource.origin, mark: key.mark)
    }

    /// The first offending key, depth first; `path` then holds the keys leading to it.
    private static func firstBadKey(in node: Node, path: inout [String]) -> Scalar? {
        switch node {
        case .scalar:
            return nil
        case .mapping(let m):
            for entry in m.entries {
                if entry.key.style == .plain, !readsBackAsString(entry.key.value) {
                    path.append(entry.key.value)
                    return entry.key
                }
                if case .scalar = entry.value { continue }
                if let bad = firstBadKey(in: entry.value, path: &path) {
                    path.insert(entry.key.value, at: 0)
                    return bad
                }
            }
            return nil
        case .sequence(let seq):
            for item in seq.items {
                if case .scalar = item { continue }
                if let bad = firstBadKey(in: item, path: &path) { return bad }
            }
            return nil
        }
    }

    /// Whether a key written plain reads back as a string (`<<` would be a merge key).
    public static func readsBackAsString(_ key: String) -> Bool {
        key != "<<" && ScalarResolver.resolveInput(key) == .string
    }
}
