import YAML

/// Finds what a strategic merge patch lost from a list it replaced rather than merged.
///
/// A list with no merge key in the schema is replaced by the patch's (kyaml merge2, and
/// kustomize issue 819). We keep that output and report, per item (by `metadata.name`, else
/// `name`, else its position), an item the result no longer has, or fields the item had that
/// the result's item of the same name lacks (`spec.accessModes`, `metadata.labels`, …;
/// `status` is ignored). The patch engine knows no kinds: which lists to watch is the
/// caller's `StrategicMergePatch.Options.watchedLists`, and wording is the caller's too.
enum ReplacedListCheck {
    static func warnings(resource: String, path: [String], before: YAML.Sequence, after: YAML.Sequence?) -> [PatchWarning] {
        let field = path.joined(separator: ".")
        var result: [PatchWarning] = []
        var afterByName: [String: Mapping] = [:]
        for item in after?.items ?? [] {
            if let m = item.asMapping, let name = itemName(m), afterByName[name] == nil { afterByName[name] = m }
        }
        for (i, item) in before.items.enumerated() {
            guard let old = item.asMapping else { continue }
            let name = itemName(old) ?? "#\(i + 1)"
            guard let new = afterByName[name] else {
                result.append(PatchWarning(
                    kind: .listItemsLost, resource: resource, path: field, item: name,
                    message: "\(resource): the patch replaced \(field) (a list kustomize cannot merge) and dropped item \"\(name)\""))
                continue
            }
            var lost: [String] = []
            collectLost(old, new, prefix: "", into: &lost)
            if !lost.isEmpty {
                result.append(PatchWarning(
                    kind: .listItemsLost, resource: resource, path: field, item: name, lostFields: lost,
                    message: "\(resource): the patch replaced \(field) (a list kustomize cannot merge); "
                        + "item \"\(name)\" lost \(lost.joined(separator: ", "))"))
            }
        }
        return result
    }

    private static func itemName(_ item: Mapping) -> String? {
        item.mapping("metadata")?.string("name") ?? item.string("name")
    }

    private static func collectLost(_ old: Mapping, _ new: Mapping, prefix: String, into lost: inout [String]) {
        for e in old.entries {
            let key = e.key.value
            if prefix.isEmpty && key == "status" { continue }
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            guard let counterpart = new[key], !counterpart.isNull else {
                if !e.value.isNull { lost.append(path) }
                continue
            }
            if case .mapping(let o) = e.value, case .mapping(let n) = counterpart {
                collectLost(o, n, prefix: path, into: &lost)
            }
        }
    }
}
