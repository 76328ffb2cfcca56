import KubeModel

/// `podManagementPolicy` is OrderedReady (the default) or Parallel.
public struct PodManagementPolicyCheck: StatefulSetCheck {
    public static let id = "pod-management-policy"
    static let allowed = ["OrderedReady", "Parallel"]

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        guard let node = sts.spec?["podManagementPolicy"], !node.isNull else { return [] }
        if let value = node.stringValue, Self.allowed.contains(value) { return [] }
        let shown = node.stringValue.map { "'\($0)'" } ?? "not a string"
        return [context.finding(.error, Self.id, sts.resource, FieldPath("spec", "podManagementPolicy"),
                                "podManagementPolicy is \(shown); it must be OrderedReady or Parallel", at: node)]
    }
}
