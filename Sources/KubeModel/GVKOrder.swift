/// kustomize's ordering of GVKs (`Gvk.IsLessThan`): kinds by priority (Namespaces first,
/// webhooks last, every other kind in between), then by `stableSortString`, bytewise. It
/// orders the default output (legacy sort) and every field-spec table of a transformer
/// configuration, which kustomize sorts after building or merging it.
extension GVK {
    /// The kinds that come first, in this order.
    public static let legacyOrderFirst = [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
        "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap",
        "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume",
        "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget",
    ]
    /// The kinds that come last, in this order.
    public static let legacyOrderLast = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    private static let defaultPriority = kindPriorities(orderFirst: legacyOrderFirst, orderLast: legacyOrderLast)

    /// Each listed kind's priority: negative for `orderFirst`, positive for `orderLast`,
    /// and 0 (not in the table) for every other kind.
    public static func kindPriorities(orderFirst: [String], orderLast: [String]) -> [String: Int] {
        var priority: [String: Int] = [:]
        for (i, k) in orderFirst.enumerated() where priority[k] == nil { priority[k] = i - orderFirst.count }
        for (i, k) in orderLast.enumerated() where priority[k] == nil { priority[k] = i + 1 }
        return priority
    }

    /// `group_version_kind` with `~G`, `~V`, `~K` for empty parts.
    public var stableSortString: String {
        "\(group.isEmpty ? "~G" : group)_\(version.isEmpty ? "~V" : version)_\(kind.isEmpty ? "~K" : kind)"
    }

    /// `Gvk.IsLessThan` with the default kind priorities.
    public func precedesInKustomizeOrder(_ other: GVK) -> Bool {
        let p = Self.defaultPriority[kind] ?? 0, q = Self.defaultPriority[other.kind] ?? 0
        if p != q { return p < q }
        return stableSortString.utf8.lexicographicallyPrecedes(other.stableSortString.utf8)
    }
}

extension Array where Element == FieldSpec {
    /// kustomize's `sort.Sort(FsSlice)`: by GVK, with Go's unstable sort, so specs of one GVK
    /// end in the order Go's algorithm leaves them.
    public mutating func sortByGVK() {
        goSort { $0.gvk.precedesInKustomizeOrder($1.gvk) }
    }
}
