import KubeModel
import Manifests
import YAML

/// Applies sts-kustomize's `storage:` entries (`Kustomization.StorageEntry`, decoded with the
/// kustomization) to the claim templates of the StatefulSets they name. Where it looks and
/// what it sets are the field specs of `BuiltinFieldSpecs.storage`.
struct StorageTransformer: Transformer {
    typealias Entry = Kustomization.StorageEntry

    let entries: [Entry]
    let file: String

    func transform(_ resources: ResourceMap) throws {
        for entry in entries {
            for (sts, template) in try targets(of: entry, in: resources) {
                try apply(entry, to: template, of: sts)
            }
        }
    }

    /// The claim templates an entry changes; an entry that matches nothing is an error.
    private func targets(of entry: Entry, in resources: ResourceMap) throws -> [(Resource, Mapping)] {
        let statefulSets: [Resource]
        if let name = entry.name {
            statefulSets = resources.matchingAnyID { $0.name == name && Self.fields.claimTemplates.gvk.selects($0.gvk) }
            if statefulSets.isEmpty {
                throw Diagnostic("\(entry.label): no StatefulSet is named '\(name)' (by its original or current name)", file: file, mark: entry.mark)
            }
        } else {
            statefulSets = resources.resources.filter { Self.fields.claimTemplates.gvk.selects($0.gvk) && !StatefulSetView($0).claimTemplates.isEmpty }
        }
        var out: [(Resource, Mapping)] = []
        for sts in statefulSets {
            let templates = StatefulSetView(sts).claimTemplates.map(\.template)
            if let claim = entry.claim {
                if let t = templates.first(where: { StatefulSetView.claimName($0) == claim }) {
                    out.append((sts, t))
                } else if entry.name != nil {
                    throw Diagnostic("\(entry.label): StatefulSet '\(sts.name)' has no claim template '\(claim)' (it has: \(Self.describe(templates)))", file: file, mark: entry.mark)
                }
                continue
            }
            switch templates.count {
            case 0:
                throw Diagnostic("\(entry.label): StatefulSet '\(sts.name)' has no volumeClaimTemplates", file: file, mark: entry.mark)
            case 1:
                out.append((sts, templates[0]))
            default:
                throw Diagnostic("\(entry.label): StatefulSet '\(sts.name)' has several claim templates (\(Self.describe(templates))); say which with 'claim'", file: file, mark: entry.mark)
            }
        }
        if out.isEmpty {
            let what = entry.claim.map { "a claim template '\($0)'" } ?? "volumeClaimTemplates"
            throw Diagnostic("\(entry.label): no StatefulSet has \(what)", file: file, mark: entry.mark)
        }
        return out
    }

    static let fields = BuiltinFieldSpecs.storage

    private func apply(_ entry: Entry, to template: Mapping, of sts: Resource) throws {
        if let size = entry.size {
            try set(.scalar(size), at: Self.fields.size, in: template, entry, sts)
        }
        if let storageClassName = entry.storageClassName {
            try set(.string(storageClassName), at: Self.fields.storageClassName, in: template, entry, sts)
        }
        if let modes = entry.accessModes {
            try set(.sequence(Sequence(modes.map { .string($0) })), at: Self.fields.accessModes, in: template, entry, sts)
        }
    }

    /// Sets the field at `path` (relative to the claim template), making the mappings on the way.
    private func set(_ value: Node, at path: [String], in template: Mapping, _ entry: Entry, _ sts: Resource) throws {
        guard let last = path.last else { return }
        var parent = template
        for key in path.dropLast() { parent = try child(parent, key, entry, sts) }
        parent[last] = value
    }

    /// The mapping at `key`, made when absent; a non-mapping there is the input's error.
    private func child(_ parent: Mapping, _ key: String, _ entry: Entry, _ sts: Resource) throws -> Mapping {
        if let existing = parent[key], !existing.isNull {
            guard let m = existing.asMapping else {
                throw Diagnostic("\(entry.label): '\(key)' in a claim template of StatefulSet '\(sts.name)' is not a mapping", file: file, mark: entry.mark)
            }
            return m
        }
        return parent.ensureMapping(key)
    }

    static func describe(_ templates: [Mapping]) -> String {
        templates.isEmpty ? "none" : templates.map { StatefulSetView.claimName($0) ?? "(unnamed)" }.joined(separator: ", ")
    }
}
