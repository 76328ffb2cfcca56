import YAML

/// The strategic merge directives of the Kubernetes API server that kustomize v5.5.0 does NOT
/// apply (it copies them into the output as ordinary fields, confirmed with the oracle):
/// `$setElementOrder/<list>`, `$retainKeys`, `$deleteFromPrimitiveList/<list>`. Applied only
/// when `StrategicMergePatch.Options.interpretKubernetesDirectives` is set, after the map they
/// sit in has been merged:
/// - `$retainKeys: [a, b]` removes every other field of that map;
/// - `$deleteFromPrimitiveList/f: [x]` removes the scalar items `x` from the list `f`;
/// - `$setElementOrder/f: [...]` orders the list `f` as given (items by merge key, scalars by
///   value); items the order does not name follow in their current order (a simplification of
///   the API server, which interleaves them).
enum KubernetesDirectives {
    static let retainKeys = "$retainKeys"
    static let setElementOrder = "$setElementOrder/"
    static let deleteFromPrimitiveList = "$deleteFromPrimitiveList/"

    static func isDirective(_ key: String) -> Bool {
        key == retainKeys || key.hasPrefix(setElementOrder) || key.hasPrefix(deleteFromPrimitiveList)
    }

    static func apply(_ directives: [MapEntry], to target: Mapping, schema: Int32, store: SchemaStore, file: String) throws {
        for d in directives {
            let key = d.key.value
            guard let list = d.value.asSequence else {
                if d.value.isNull { continue }
                throw Diagnostic(file: file, mark: d.value.mark, message: "\(key) must be a list")
            }
            if key == retainKeys {
                let keep = Set(list.items.compactMap(\.stringValue))
                target.entries.removeAll { !keep.contains($0.key.value) }
            } else if key.hasPrefix(deleteFromPrimitiveList) {
                let field = String(key.dropFirst(deleteFromPrimitiveList.count))
                guard let seq = target.sequence(field) else { continue }
                let remove = Set(list.items.map(\.goValue))
                seq.items.removeAll { item in
                    if case .scalar = item { return remove.contains(item.goValue) }
                    return false
                }
            } else if key.hasPrefix(setElementOrder) {
                let field = String(key.dropFirst(setElementOrder.count))
                guard let seq = target.sequence(field) else { continue }
                var keys = store.patchStrategyAndKeys(store.field(schema, field)).1
                if keys.isEmpty, let first = list.items.first?.asMapping {
                    keys = first.keys.filter { !$0.hasPrefix("$") }
                }
                reorder(seq, by: list, keys: keys)
            }
        }
    }

    private static func identity(_ item: Node, keys: [String]) -> [String] {
        guard !keys.isEmpty, case .mapping(let m) = item else { return [item.goValue] }
        return keys.map { m[$0]?.goValue ?? "" }
    }

    private static func reorder(_ seq: YAML.Sequence, by order: YAML.Sequence, keys: [String]) {
        var position: [[String]: Int] = [:]
        for (i, item) in order.items.enumerated() where position[identity(item, keys: keys)] == nil {
            position[identity(item, keys: keys)] = i
        }
        var named: [(rank: Int, offset: Int, item: Node)] = []
        var others: [Node] = []
        for (offset, item) in seq.items.enumerated() {
            if let rank = position[identity(item, keys: keys)] {
                named.append((rank, offset, item))
            } else {
                others.append(item)
            }
        }
        named.sort { ($0.rank, $0.offset) < ($1.rank, $1.offset) }
        seq.items = named.map(\.item) + others
    }
}
