import KubeModel

/// Labels in a claim template freeze: Kubernetes forbids changing `volumeClaimTemplates`,
/// so a later change of those labels (say, a new `commonLabels` entry) cannot be applied.
public struct ClaimTemplateLabelsCheck: StatefulSetCheck {
    public static let id = "claim-template-labels"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        var out: [Finding] = []
        for (i, template) in sts.claimTemplates {
            let node = template.mapping("metadata")?["labels"]
            let labels = StatefulSetView.labels(node)
            if labels.isEmpty { continue }
            let label = StatefulSetView.claimName(template).map { "claim template '\($0)'" } ?? "claim template #\(i)"
            let keys = labels.keys.sorted().joined(separator: ", ")
            out.append(context.finding(.warning, Self.id, sts.resource, FieldPath("spec", "volumeClaimTemplates").index(i).key("metadata").key("labels"),
                                       "\(label) has labels (\(keys)); claim templates cannot be changed once the StatefulSet exists, so changing these labels later will be rejected",
                                       at: node))
        }
        return out
    }
}
