/// The resources of a build in order, indexed by current ID.
public final class ResourceMap {
    public private(set) var resources: [Resource] = []

    public init(_ resources: [Resource] = []) {
        self.resources = resources
    }

    public var count: Int { resources.count }
    public var isEmpty: Bool { resources.isEmpty }

    /// Adds a resource; an ID that is already present is an error, as in kustomize.
    public func append(_ r: Resource) throws {
        let id = r.id
        if let existing = resources.first(where: { $0.id == id }) {
            throw BuildError("may not add resource with an already registered id: \(id) (from \(r.origin); first from \(existing.origin))", file: r.origin)
        }
        resources.append(r)
    }

    public func appendAll(_ other: ResourceMap) throws {
        if resources.isEmpty {
            resources = other.resources
            return
        }
        var ids = Set(resources.map(\.id))
        for r in other.resources {
            let id = r.id
            if ids.contains(id) {
                throw BuildError("may not add resource with an already registered id: \(id)", file: r.origin)
            }
            ids.insert(id)
            resources.append(r)
        }
    }

    public func remove(_ r: Resource) {
        resources.removeAll { $0 === r }
    }

    public func replace(_ old: Resource, with new: Resource) {
        if let i = resources.firstIndex(where: { $0 === old }) { resources[i] = new }
    }

    public func setOrder(_ ordered: [Resource]) {
        resources = ordered
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
