import KubeModel
import Manifests
import YAML

/// sts-kustomize's `storage:` extension: per-environment claim-template size, storage class
/// and access modes, the way `replicas:` sets replica counts.
///
///     storage:
///     - name: postgres              # original or current StatefulSet name; omitted: every StatefulSet with the claim
///       claim: data                 # volumeClaimTemplates[].metadata.name; omitted: the only claim template
///       size: 50Gi                  # spec.resources.requests.storage
///       storageClassName: fast-ssd  # optional
///       accessModes: [ReadWriteOnce] # optional
///
/// Only the given fields change; the rest of the claim template stays as it is.
struct StorageTransformer: Transformer {
    struct Entry {
        var name: String?
        var claim: String?
        var size: Scalar
        var storageClassName: String? = nil
        var accessModes: [String]? = nil
        var mark: Mark

        /// How errors name the entry: `storage entry (name: postgres, claim: data)`.
        var label: String {
            var parts: [String] = []
            if let name { parts.append("name: \(name)") }
            if let claim { parts.append("claim: \(claim)") }
            return parts.isEmpty ? "storage entry (every StatefulSet)" : "storage entry (\(parts.joined(separator: ", ")))"
        }
    }

    static let accessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]

    let entries: [Entry]
    let file: String

    init(entries: [Node], file: String) throws {
        self.entries = try entries.map { try Self.decode($0, file: file) }
        self.file = file
    }

    static func decode(_ node: Node, file: String) throws -> Entry {
        var d = try StrictDecoder(node, file: file, context: "storage entry")
        let name = try d.string("name").flatMap { $0.isEmpty ? nil : $0 }
        let claim = try d.string("claim").flatMap { $0.isEmpty ? nil : $0 }
        // Named first, so every later error can say which entry it is about.
        let label = Entry(name: name, claim: claim, size: .null, mark: node.mark).label
        guard let sizeNode = try d.optional("size") else {
            throw Diagnostic("\(label): missing 'size'", file: file, mark: node.mark)
        }
        guard case .scalar(let size) = sizeNode, size.tag != .bool else {
            throw Diagnostic("\(label): 'size' must be a quantity such as 50Gi", file: file, mark: sizeNode.mark)
        }
        if !Quantity.isValid(size.value) {
            throw Diagnostic("\(label): size '\(size.value)' is not a Kubernetes quantity (such as 50Gi, 500Mi or 1e9)", file: file, mark: sizeNode.mark)
        }
        if !(Quantity(size.value)?.isPositive ?? false) {
            throw Diagnostic("\(label): size '\(size.value)' must be greater than zero", file: file, mark: sizeNode.mark)
        }
        let storageClassName = try d.string("storageClassName")
        let modesNode = try d.optional("accessModes")
        let modes = try d.stringList("accessModes")
        try d.finish()
        if let modes {
            let mark = modesNode?.mark ?? node.mark
            if modes.isEmpty {
                throw Diagnostic("\(label): accessModes must not be empty", file: file, mark: mark)
            }
            for mode in modes where !accessModes.contains(mode) {
                throw Diagnostic("\(label): unknown access mode '\(mode)' (one of \(accessModes.joined(separator: ", ")))", file: file, mark: mark)
            }
        }
        // A plain scalar of the same type, as kustomize's JSON round trip leaves it.
        return Entry(name: name, claim: claim, size: Scalar(size.value, tag: size.tag), storageClassName: storageClassName,
                     accessModes: modes, mark: node.mark)
    }

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
            statefulSets = resources.matchingAnyID { $0.name == name && $0.gvk.kind == "StatefulSet" }
            if statefulSets.isEmpty {
                throw Diagnostic("\(entry.label): no StatefulSet is named '\(name)' (by its original or current name)", file: file, mark: entry.mark)
            }
        } else {
            statefulSets = resources.resources.filter { $0.kind == "StatefulSet" && !StatefulSetView($0).claimTemplates.isEmpty }
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

    private func apply(_ entry: Entry, to template: Mapping, of sts: Resource) throws {
        let spec = try child(template, "spec", entry, sts)
        let requests = try child(try child(spec, "resources", entry, sts), "requests", entry, sts)
        requests["storage"] = .scalar(entry.size)
        if let storageClassName = entry.storageClassName {
            spec["storageClassName"] = .string(storageClassName)
        }
        if let modes = entry.accessModes {
            spec["accessModes"] = .sequence(Sequence(modes.map { .string($0) }))
        }
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
