import KubeModel
import YAML

/// A PodDisruptionBudget next to StatefulSets should select some of their pods; one that
/// selects no pod of any workload in the output protects nothing (a typical cause: an
/// overlay changed the pods' labels but not the budget's selector).
public struct PodDisruptionBudgetCheck {
    public static let id = "pdb-selector"

    public init() {}

    public static func isBudget(_ r: Resource) -> Bool {
        r.kind == "PodDisruptionBudget" && r.gvk.group == "policy"
    }

    public func findings(for budget: Resource, in context: CheckContext) -> [Finding] {
        let statefulSets = context.resources.filter { StatefulSetView.isStatefulSet($0) && $0.namespace == budget.namespace }
        if statefulSets.isEmpty { return [] }
        let path = FieldPath("spec", "selector")
        let node = budget.object.mapping("spec")?["selector"]
        let names = statefulSets.map(\.name).joined(separator: ", ")
        guard let node, !node.isNull else {
            return [context.finding(.warning, Self.id, budget, path,
                                    "PodDisruptionBudget \(budget.name) has no selector, so it selects none of the pods of StatefulSet \(names)",
                                    at: budget.object["spec"])]
        }
        let selector: LabelSelector
        do {
            selector = try LabelSelector(node, path: path)
        } catch let problem as LabelSelector.Problem {
            return [context.finding(.warning, Self.id, budget, problem.path,
                                    "PodDisruptionBudget \(budget.name) has an invalid selector (\(problem.message)), so it selects none of the pods of StatefulSet \(names)", at: node)]
        } catch {
            return []
        }
        // policy/v1beta1 read an empty selector as selecting nothing; policy/v1 as everything.
        if selector.isEmpty && budget.gvk.version == "v1beta1" {
            return [context.finding(.warning, Self.id, budget, path,
                                    "PodDisruptionBudget \(budget.name) has an empty selector, which policy/v1beta1 reads as selecting no pods", at: node)]
        }
        let podLabels = context.resources.filter { $0.namespace == budget.namespace }.compactMap(Self.podLabels)
        if podLabels.contains(where: selector.matches) { return [] }
        let described = statefulSets.map { "\($0.name) (\(StatefulSetView.describe(StatefulSetView($0).templateLabels)))" }.joined(separator: ", ")
        return [context.finding(.warning, Self.id, budget, path,
                                "PodDisruptionBudget \(budget.name) selects none of the pods of StatefulSet \(described)",
                                at: node)]
    }

    /// Labels of the pods a workload makes (or of a Pod itself).
    static func podLabels(_ r: Resource) -> [String: String]? {
        if r.kind == "Pod" && r.gvk.group.isEmpty { return StatefulSetView.labels(r.metadata?["labels"]) }
        let spec = r.object.mapping("spec")
        let template = r.kind == "CronJob" ? spec?.mapping("jobTemplate")?.mapping("spec")?.mapping("template") : spec?.mapping("template")
        guard let template else { return nil }
        return StatefulSetView.labels(template.mapping("metadata")?["labels"])
    }
}
