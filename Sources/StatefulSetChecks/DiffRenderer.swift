import YAML

/// Prints a manifest diff: a block per resource, then one `forbidden:` line per change
/// Kubernetes rejects, then a summary.
///
///     changed StatefulSet orders-prod/postgres
///       ~ spec.replicas: 1 -> 3
///       + spec.template.spec.volumes: [{emptyDir: {}, name: tmp}]
///       - metadata.annotations.team: payments
///     forbidden: StatefulSet orders-prod/postgres: spec.volumeClaimTemplates[name=data].spec.resources.requests.storage: 1Gi -> 100Gi (…)
public enum DiffRenderer {
    public static func text(_ diff: ManifestDiff) -> String {
        var out = ""
        for r in diff.resources {
            out += "\(r.status.rawValue) \(r.resource)\n"
            for c in r.changes { out += "  " + line(c) + "\n" }
        }
        for r in diff.resources {
            for c in r.forbidden {
                out += "forbidden: \(r.resource): \(c.path): \(describe(c)) (\(StatefulSetUpdateRule.explanation))\n"
            }
        }
        out += summary(diff) + "\n"
        return out
    }

    public static func summary(_ diff: ManifestDiff) -> String {
        func count(_ s: ManifestDiff.ResourceChange.Status) -> Int { diff.resources.filter { $0.status == s }.count }
        if diff.resources.isEmpty { return "no changes" }
        let forbidden = diff.forbiddenCount
        return "\(count(.changed)) changed, \(count(.added)) added, \(count(.removed)) removed; "
            + "\(forbidden) forbidden StatefulSet change\(forbidden == 1 ? "" : "s")"
    }

    static func line(_ c: FieldChange) -> String {
        switch c.kind {
        case .added: return "+ \(c.path): \(ValueText.render(c.new))"
        case .removed: return "- \(c.path): \(ValueText.render(c.old))"
        case .changed: return "~ \(c.path): \(describe(c))"
        case .reordered: return "~ \(c.path): \(describe(c))"
        }
    }

    static func describe(_ c: FieldChange) -> String {
        switch c.kind {
        case .added: return "added \(ValueText.render(c.new))"
        case .removed: return "removed \(ValueText.render(c.old))"
        case .changed: return "\(ValueText.render(c.old)) -> \(ValueText.render(c.new))"
        case .reordered:
            let names = { (n: Node?) in n?.asSequence.flatMap(FieldDiff.names)?.joined(separator: ", ") ?? "" }
            return "order changed (\(names(c.old)) -> \(names(c.new)))"
        }
    }
}
