import KubeModel

/// The StatefulSet's Service must be headless (`clusterIP: None`), or the pods get no
/// per-pod DNS records.
public struct HeadlessServiceCheck: StatefulSetCheck {
    public static let id = "headless-service"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        guard let name = sts.spec?.string("serviceName"), !name.isEmpty,
              let service = context.service(named: name, namespace: sts.namespace) else { return [] }
        let node = service.object.mapping("spec")?["clusterIP"]
        if node?.stringValue == "None" { return [] }
        let actual = node?.stringValue.map { "clusterIP is '\($0)'" } ?? "it has no clusterIP"
        return [context.finding(.error, Self.id, service, FieldPath("spec", "clusterIP"),
                                "Service \(name) is the serviceName of StatefulSet \(sts.resource.name) but is not headless (\(actual); set clusterIP: None)",
                                at: node, service.object["spec"])]
    }
}
