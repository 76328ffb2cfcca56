import KubeModel

/// Runs every check over an output: the StatefulSet checks on each StatefulSet, the budget
/// check on each PodDisruptionBudget, in the output's order.
public struct StatefulSetChecker {
    /// Checks that report errors first, so a resource's errors come before its warnings.
    public static let statefulSetChecks: [StatefulSetCheck] = [
        ServiceNameCheck(),
        HeadlessServiceCheck(),
        SelectorCheck(),
        VolumeMountCheck(),
        ClaimTemplateCheck(),
        StorageSizeCheck(),
        PodManagementPolicyCheck(),
        RestartPolicyCheck(),
        ServiceSelectorCheck(),
        ClaimTemplateLabelsCheck(),
    ]

    public init() {}

    public func check(_ resources: [Resource], positionsAreExact: Bool) -> CheckReport {
        let context = CheckContext(resources: resources, positionsAreExact: positionsAreExact)
        var findings: [Finding] = []
        for r in resources {
            if StatefulSetView.isStatefulSet(r) {
                let sts = StatefulSetView(r)
                for check in Self.statefulSetChecks { findings += check.findings(for: sts, in: context) }
            } else if PodDisruptionBudgetCheck.isBudget(r) {
                findings += PodDisruptionBudgetCheck().findings(for: r, in: context)
            }
        }
        return CheckReport(findings: findings, statefulSetCount: resources.filter(StatefulSetView.isStatefulSet).count)
    }
}
