import KubeModel

/// A StatefulSet's pods must use `restartPolicy: Always` (the default).
public struct RestartPolicyCheck: StatefulSetCheck {
    public static let id = "restart-policy"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        guard let node = sts.podSpec?["restartPolicy"], !node.isNull else { return [] }
        if node.stringValue == "Always" { return [] }
        let shown = node.stringValue.map { "'\($0)'" } ?? "not a string"
        return [context.finding(.error, Self.id, sts.resource, FieldPath("spec", "template", "spec", "restartPolicy"),
                                "template restartPolicy is \(shown); a StatefulSet's pods must use Always", at: node)]
    }
}
