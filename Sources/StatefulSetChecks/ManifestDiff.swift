import KubeModel
import YAML

/// What changed between two renders, resource by resource (matched by kind, namespace and
/// name), and which StatefulSet changes Kubernetes would refuse to apply.
public struct ManifestDiff {
    public struct Key: Hashable, Comparable, Sendable {
        public var kind: String
        public var namespace: String
        public var name: String

        public init(_ r: Resource) {
            kind = r.kind
            namespace = r.namespace
            name = r.name
        }

        public static func < (a: Key, b: Key) -> Bool {
            (a.kind, a.namespace, a.name) < (b.kind, b.namespace, b.name)
        }
    }

    public struct ResourceChange {
        public enum Status: String, Sendable { case added, removed, changed }

        public var status: Status
        public var resource: ResourceRef
        public var changes: [FieldChange]
        /// For StatefulSets: the changes the API server rejects.
        public var forbidden: [FieldChange]
    }

    /// Two resources with the same kind, namespace and name in one input.
    public struct DuplicateResource: Error, CustomStringConvertible {
        public var resource: ResourceRef
        public var description: String { "\(resource.file): \(resource) appears more than once" }
    }

    /// Added, removed and changed resources, sorted by kind, namespace and name.
    public var resources: [ResourceChange]

    public var forbiddenCount: Int { resources.reduce(0) { $0 + $1.forbidden.count } }

    public init(old: [Resource], new: [Resource]) throws {
        let oldByKey = try Self.index(old)
        let newByKey = try Self.index(new)
        var out: [ResourceChange] = []
        for key in Set(oldByKey.keys).union(newByKey.keys).sorted() {
            switch (oldByKey[key], newByKey[key]) {
            case (let o?, nil):
                out.append(ResourceChange(status: .removed, resource: ResourceRef(o), changes: [], forbidden: []))
            case (nil, let n?):
                out.append(ResourceChange(status: .added, resource: ResourceRef(n), changes: [], forbidden: []))
            case (let o?, let n?):
                let changes = FieldDiff().changes(from: .mapping(o.object), to: .mapping(n.object))
                let forbidden = StatefulSetView.isStatefulSet(n) ? StatefulSetUpdateRule.forbiddenChanges(from: o, to: n) : []
                if changes.isEmpty && forbidden.isEmpty { continue }
                out.append(ResourceChange(status: .changed, resource: ResourceRef(n), changes: changes, forbidden: forbidden))
            case (nil, nil):
                continue
            }
        }
        resources = out
    }

    private static func index(_ list: [Resource]) throws -> [Key: Resource] {
        var out: [Key: Resource] = [:]
        for r in list {
            let key = Key(r)
            if out[key] != nil { throw DuplicateResource(resource: ResourceRef(r)) }
            out[key] = r
        }
        return out
    }
}
