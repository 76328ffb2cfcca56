import KubeModel
import Manifests

/// kustomize's default output order: kinds by priority (Namespaces first, webhooks last),
/// then group/version/kind, namespace and name.
public struct LegacySortTransformer: Transformer {
    public static let defaultOrderFirst = GVK.legacyOrderFirst
    public static let defaultOrderLast = GVK.legacyOrderLast

    private let priority: [String: Int]

    public init(orderFirst: [String] = defaultOrderFirst, orderLast: [String] = defaultOrderLast) {
        priority = GVK.kindPriorities(orderFirst: orderFirst, orderLast: orderLast)
    }

    public func transform(_ resources: ResourceMap) throws {
        struct Key { let prio: Int; let gvk: String; let kind: String; let group: String; let rest: String; let index: Int }
        let keyed = resources.resources.enumerated().map { (i, r) -> (Key, Resource) in
            let id = r.id
            let ns = id.namespace.isEmpty ? "~X" : id.namespace
            let name = id.name.isEmpty ? "~N" : id.name
            return (Key(prio: priority[id.gvk.kind] ?? 0, gvk: id.gvk.stableSortString, kind: id.gvk.kind,
                        group: id.gvk.group, rest: ns + "|" + name, index: i), r)
        }
        let sorted = keyed.sorted { a, b in
            let x = a.0, y = b.0
            if x.prio != y.prio { return x.prio < y.prio }
            // Go compares strings bytewise. kustomize puts a core Namespace before a
            // Namespace kind of another group (it swaps the comparison for that pair).
            if x.gvk != y.gvk {
                if x.kind == "Namespace" && y.kind == "Namespace" && (x.group.isEmpty || y.group.isEmpty) {
                    return x.group.isEmpty
                }
                return x.gvk.utf8.lexicographicallyPrecedes(y.gvk.utf8)
            }
            if x.rest != y.rest { return x.rest.utf8.lexicographicallyPrecedes(y.rest.utf8) }
            return x.index < y.index
        }
        resources.setOrder(sorted.map { $0.1 })
    }
}
