import KubeModel

/// A claim template's storage request (and limit) must be a Kubernetes quantity above zero.
public struct StorageSizeCheck: StatefulSetCheck {
    public static let id = "storage-size"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        var out: [Finding] = []
        for (i, template) in sts.claimTemplates {
            let label = StatefulSetView.claimName(template).map { "claim template '\($0)'" } ?? "claim template #\(i)"
            let resources = template.mapping("spec")?.mapping("resources")
            for section in ["requests", "limits"] {
                guard let node = resources?.mapping(section)?["storage"], !node.isNull else { continue }
                let path = FieldPath("spec", "volumeClaimTemplates").index(i).key("spec").key("resources").key(section).key("storage")
                guard let text = node.stringValue, let quantity = Quantity(text) else {
                    let shown = node.stringValue.map { "'\($0)'" } ?? "a \(node.asMapping != nil ? "mapping" : "list")"
                    out.append(context.finding(.error, Self.id, sts.resource, path,
                                               "storage size \(shown) of \(label) is not a Kubernetes quantity (e.g. 10Gi, 500Mi, 1e9)", at: node))
                    continue
                }
                if !quantity.isPositive {
                    out.append(context.finding(.error, Self.id, sts.resource, path,
                                               "storage size '\(text)' of \(label) must be greater than zero", at: node))
                }
            }
        }
        return out
    }
}
