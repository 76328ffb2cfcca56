import KubeModel

/// The headless Service's selector should select the StatefulSet's pods, or their DNS
/// records never appear.
public struct ServiceSelectorCheck: StatefulSetCheck {
    public static let id = "service-selector"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        guard let name = sts.spec?.string("serviceName"), !name.isEmpty,
              let service = context.service(named: name, namespace: sts.namespace) else { return [] }
        let node = service.object.mapping("spec")?["selector"]
        let selector = StatefulSetView.labels(node)
        let path = FieldPath("spec", "selector")
        if selector.isEmpty {
            return [context.finding(.warning, Self.id, service, path,
                                    "Service \(name) has no selector, so it selects none of the pods of StatefulSet \(sts.resource.name)",
                                    at: node, service.object["spec"])]
        }
        let podLabels = sts.templateLabels
        let unmatched = selector.filter { podLabels[$0.key] != $0.value }
        if unmatched.isEmpty { return [] }
        return [context.finding(.warning, Self.id, service, path,
                                "Service \(name) does not select the pods of StatefulSet \(sts.resource.name): the pods lack \(StatefulSetView.describe(unmatched)) (pod labels: \(StatefulSetView.describe(podLabels)))",
                                at: node)]
    }
}
