import YAML

/// kustomize reads every resource through JSON on its way out. A mapping key written plain
/// that go-yaml v3 reads as a number, boolean, null or timestamp (`1`, `true`, `~`,
/// `2001-12-14`) makes a map JSON cannot encode, and `kubectl kustomize` fails with
/// `json: unsupported type: map[interface {}]interface {}`. Keys written quoted stay strings;
/// the keys of fields a strategic merge patch adds are written plain (kyaml's `FieldSetter`).
public enum OutputKeyCheck {
    public static func check(_ resource: Resource) throws {
        try check(resource.object, resource: resource, path: "")
    }

    private static func check(_ map: Mapping, resource: Resource, path: String) throws {
        for entry in map.entries {
            let key = entry.key
            let here = path.isEmpty ? key.value : path + "." + key.value
            if key.style == .plain, !readsBackAsString(key.value) {
                throw Diagnostic("map key '\(key.value)' at \(here) in \(resource.id) is not a string when written plain "
                                 + "(kustomize fails: json: unsupported type: map[interface {}]interface {}); quote it",
                                 file: resource.origin, mark: key.mark)
            }
            try check(entry.value, resource: resource, path: here)
        }
    }

    private static func check(_ node: Node, resource: Resource, path: String) throws {
        switch node {
        case .scalar: return
        case .mapping(let m): try check(m, resource: resource, path: path)
        case .sequence(let seq):
            for item in seq.items { try check(item, resource: resource, path: path + "[]") }
        }
    }

    /// Whether a key written plain reads back as a string (`<<` would be a merge key).
    public static func readsBackAsString(_ key: String) -> Bool {
        key != "<<" && ScalarResolver.resolveInput(key) == .string
    }
}
