import YAML

/// Finds what a strategic merge patch lost from a StatefulSet's `spec.volumeClaimTemplates`.
///
/// The list has no merge key in the Kubernetes schema, so kustomize replaces it with the
/// patch's (kustomize issue 819). We keep that output and report, per claim (by
/// `metadata.name`), a claim the result no longer has, or fields the claim had that the
/// result's claim of the same name lacks (`spec.accessModes`, `spec.storageClassName`,
/// `metadata.labels`, …; `status` is ignored).
enum ClaimTemplateCheck {
    static func warnings(resource: String, before: YAML.Sequence, after: YAML.Sequence?) -> [PatchWarning] {
        var result: [PatchWarning] = []
        var afterByName: [String: Mapping] = [:]
        for item in after?.items ?? [] {
            if let m = item.asMapping, let name = claimName(m), afterByName[name] == nil { afterByName[name] = m }
        }
        for (i, item) in before.items.enumerated() {
            guard let old = item.asMapping else { continue }
            let name = claimName(old) ?? "#\(i + 1)"
            guard let new = afterByName[name] else {
                result.append(PatchWarning(
                    kind: .claimTemplateLost, resource: resource, claim: name,
                    message: "\(resource): the patch replaced spec.volumeClaimTemplates (a list kustomize "
                        + "cannot merge) and dropped claim \"\(name)\""))
                continue
            }
            var lost: [String] = []
            collectLost(old, new, prefix: "", into: &lost)
            if !lost.isEmpty {
                result.append(PatchWarning(
                    kind: .claimTemplateLost, resource: resource, claim: name, lostFields: lost,
                    message: "\(resource): the patch replaced spec.volumeClaimTemplates (a list kustomize "
                        + "cannot merge); claim \"\(name)\" lost \(lost.joined(separator: ", "))"))
            }
        }
        return result
    }

    private static func claimName(_ claim: Mapping) -> String? {
        claim.mapping("metadata")?.string("name")
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
