import KubeModel
import YAML

/// The field-level differences between two trees, in a stable order: mapping keys sorted,
/// list items in order. Lists whose items all carry a distinct `name` or `metadata.name`
/// (containers, env, volumes, claim templates) are matched by name, so an entry added in front does not
/// show as every later entry changing.
public struct FieldDiff {
    /// Whether two scalars at a path count as equal (the forbidden-update rule compares
    /// quantities by amount, as the API server does).
    public var scalarsEqual: (FieldPath, Scalar, Scalar) -> Bool

    public init(scalarsEqual: @escaping (FieldPath, Scalar, Scalar) -> Bool = { _, a, b in a == b }) {
        self.scalarsEqual = scalarsEqual
    }

    public func changes(from old: Node?, to new: Node?, at path: FieldPath = FieldPath()) -> [FieldChange] {
        var out: [FieldChange] = []
        walk(old, new, path, into: &out)
        return out
    }

    private func walk(_ old: Node?, _ new: Node?, _ path: FieldPath, into out: inout [FieldChange]) {
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let n?):
            out.append(FieldChange(.added, path, old: nil, new: n))
        case (let o?, nil):
            out.append(FieldChange(.removed, path, old: o, new: nil))
        case (.mapping(let a)?, .mapping(let b)?):
            let keys = Set(a.keys).union(b.keys).sorted(by: NaturalKeyOrder.less)
            for k in keys { walk(a[k], b[k], path.key(k), into: &out) }
        case (.sequence(let a)?, .sequence(let b)?):
            if let oldNames = Self.names(a), let newNames = Self.names(b) {
                walkNamed(a, oldNames, b, newNames, path, into: &out)
            } else {
                for i in 0..<max(a.items.count, b.items.count) {
                    walk(i < a.items.count ? a.items[i] : nil, i < b.items.count ? b.items[i] : nil, path.index(i), into: &out)
                }
            }
        case (.scalar(let a)?, .scalar(let b)?):
            if !scalarsEqual(path, a, b) { out.append(FieldChange(.changed, path, old: old, new: new)) }
        case (let o?, let n?):
            out.append(FieldChange(.changed, path, old: o, new: n))
        }
    }

    private func walkNamed(_ a: Sequence, _ oldNames: [String], _ b: Sequence, _ newNames: [String], _ path: FieldPath,
                           into out: inout [FieldChange]) {
        let oldByName = Dictionary(uniqueKeysWithValues: zip(oldNames, a.items))
        let newByName = Dictionary(uniqueKeysWithValues: zip(newNames, b.items))
        for name in oldNames where newByName[name] == nil {
            out.append(FieldChange(.removed, path.named(name), old: oldByName[name], new: nil))
        }
        for name in newNames {
            walk(oldByName[name], newByName[name], path.named(name), into: &out)
        }
        let keptOld = oldNames.filter { newByName[$0] != nil }
        let keptNew = newNames.filter { oldByName[$0] != nil }
        if keptOld != keptNew {
            out.append(FieldChange(.reordered, path, old: .sequence(a), new: .sequence(b)))
        }
    }

    /// The items' names when every item is a mapping with a distinct non-empty `name` (or,
    /// for object lists such as claim templates, `metadata.name`).
    static func names(_ seq: Sequence) -> [String]? {
        var names: [String] = []
        var seen = Set<String>()
        for item in seq.items {
            let m = item.asMapping
            guard let name = m?.string("name") ?? m?.mapping("metadata")?.string("name"), !name.isEmpty,
                  seen.insert(name).inserted else { return nil }
            names.append(name)
        }
        return names.isEmpty ? nil : names
    }
}
