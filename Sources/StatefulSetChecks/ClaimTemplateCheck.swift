import KubeModel

/// Each claim template needs `accessModes` and a storage request: every pod's claim is made
/// from it, and the API server rejects a claim without them.
public struct ClaimTemplateCheck: StatefulSetCheck {
    public static let id = "claim-template"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        var out: [Finding] = []
        for (i, template) in sts.claimTemplates {
            let base = FieldPath("spec", "volumeClaimTemplates").index(i)
            let label = StatefulSetView.claimName(template).map { "claim template '\($0)'" } ?? "claim template #\(i)"
            let spec = template.mapping("spec")
            let modes = spec?["accessModes"]
            if (modes?.asSequence?.items ?? []).isEmpty {
                out.append(context.finding(.error, Self.id, sts.resource, base.key("spec").key("accessModes"),
                                           "\(label) has no accessModes (e.g. [ReadWriteOnce])", at: modes, spec.map { .mapping($0) }, .mapping(template)))
            }
            let resources = spec?["resources"]
            let requests = resources?.asMapping?["requests"]
            let storage = requests?.asMapping?["storage"]
            if storage == nil || storage?.isNull == true {
                out.append(context.finding(.error, Self.id, sts.resource, base.key("spec").key("resources").key("requests").key("storage"),
                                           "\(label) has no storage request (spec.resources.requests.storage)",
                                           at: requests, resources, spec.map { .mapping($0) }, .mapping(template)))
            }
        }
        return out
    }
}
