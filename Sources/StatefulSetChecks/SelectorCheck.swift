import KubeModel

/// `spec.selector` must be non-empty and select the template's labels; the API server
/// rejects the StatefulSet otherwise.
public struct SelectorCheck: StatefulSetCheck {
    public static let id = "selector"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        let path = FieldPath("spec", "selector")
        let node = sts.spec?["selector"]
        let selector: LabelSelector
        do {
            selector = try node.map { try LabelSelector($0, path: path) } ?? LabelSelector(requirements: [])
        } catch let problem as LabelSelector.Problem {
            return [context.finding(.error, Self.id, sts.resource, problem.path, problem.message, at: node)]
        } catch {
            return [context.finding(.error, Self.id, sts.resource, path, "\(error)", at: node)]
        }
        if selector.isEmpty {
            return [context.finding(.error, Self.id, sts.resource, path,
                                    "selector is empty; it must select the pod template's labels",
                                    at: node, sts.spec.map { .mapping($0) })]
        }
        let labels = sts.templateLabels
        guard let failing = selector.requirements.first(where: { !$0.matches(value: labels[$0.key]) }) else { return [] }
        return [context.finding(.error, Self.id, sts.resource, path,
                                "selector does not match the template labels (\(StatefulSetView.describe(labels))): \(failing) fails",
                                at: node)]
    }
}
