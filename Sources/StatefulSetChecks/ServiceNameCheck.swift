import KubeModel

/// `spec.serviceName` must name a Service in the StatefulSet's namespace: the pods' stable
/// DNS names (`pod-0.service`) come from it.
public struct ServiceNameCheck: StatefulSetCheck {
    public static let id = "service-name"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        let path = FieldPath("spec", "serviceName")
        let node = sts.spec?["serviceName"]
        guard let name = node?.stringValue, !name.isEmpty else {
            return [context.finding(.error, Self.id, sts.resource, path,
                                    "serviceName is empty; a StatefulSet needs a headless Service to give its pods stable network names",
                                    at: node, sts.spec.map { .mapping($0) })]
        }
        if context.service(named: name, namespace: sts.namespace) == nil {
            let where_ = sts.namespace.isEmpty ? "without a namespace" : "in namespace \(sts.namespace)"
            return [context.finding(.error, Self.id, sts.resource, path,
                                    "serviceName '\(name)' names no Service \(where_) in the output", at: node)]
        }
        return []
    }
}
