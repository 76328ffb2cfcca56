import YAML
/// The resources of a build in order. While resources are only being appended (the
/// accumulation phase) an index of current IDs makes duplicate checks O(1); handing the
/// list out for transformation drops the index, since transformers rename in place.
public final class ResourceMap {
    private var list: [Resource] = []
    private var idIndex: [ResourceID: Resource]?

    public init(_ resources: [Resource] = []) {
        self.list = resources
    }

    public var resources: [Resource] {
        idIndex = nil
        return list
    }

    public var count: Int { list.count }
    public var isEmpty: Bool { list.isEmpty }

    /// kustomize's `ResId.Equals`: an empty namespace and `default` are the same, and a
    /// cluster-scoped kind has none.
    private static func key(_ id: ResourceID) -> ResourceID {
        ResourceID(gvk: id.gvk, name: id.name, namespace: id.effectiveNamespace)
    }

    private func index() -> [ResourceID: Resource] {
        if let idIndex { return idIndex }
        var made: [ResourceID: Resource] = [:]
        made.reserveCapacity(list.count)
        for r in list { made[Self.key(r.id)] = r }
        idIndex = made
        return made
    }

    /// Adds a resource; an ID that is already present is an error, as in kustomize.
    public func append(_ r: Resource) throws {
        var idx = index()
        idIndex = nil
        let id = r.id
        let key = Self.key(id)
        if let existing = idx[key] {
            throw Diagnostic("may not add resource with an already registered id: \(id) (from \(r.origin); first from \(existing.origin))", file: r.origin)
        }
        idx[key] = r
        list.append(r)
        idIndex = idx
    }

    /// kustomize's Clear then AppendAll: fails as `append` does when two resources now have
    /// the same ID (a patch renamed one onto another).
    public func checkUniqueIDs() throws {
        try ResourceMap().appendAll(self)
    }

    public func appendAll(_ other: ResourceMap) throws {
        for r in other.list { try append(r) }
    }

    public func remove(_ r: Resource) {
        idIndex = nil
        list.removeAll { $0 === r }
    }

    public func replace(_ old: Resource, with new: Resource) {
        idIndex = nil
        if let i = list.firstIndex(where: { $0 === old }) { list[i] = new }
    }

    public func setOrder(_ ordered: [Resource]) {
        idIndex = nil
        list = ordered
    }

    /// Resources whose current or any earlier ID satisfies `matches`.
    public func matchingAnyID(_ matches: (ResourceID) -> Bool) -> [Resource] {
        resources.filter { r in matches(r.id) || r.previousIDs.contains(where: matches) }
    }

    public func matchingCurrentID(_ matches: (ResourceID) -> Bool) -> [Resource] {
        resources.filter { matches($0.id) }
    }

    public func deepCopy() -> ResourceMap {
        ResourceMap(resources.map { $0.deepCopy() })
    }
}
