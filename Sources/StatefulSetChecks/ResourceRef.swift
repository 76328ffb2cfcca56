import KubeModel

/// Which resource a finding or a diff line is about, and the file it came from.
public struct ResourceRef: Hashable, Sendable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var namespace: String
    public var name: String
    /// The file the resource was read from (a base's file when rendered from a directory).
    public var file: String

    public init(apiVersion: String, kind: String, namespace: String, name: String, file: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.file = file
    }

    public init(_ r: Resource) {
        self.init(apiVersion: r.apiVersion, kind: r.kind, namespace: r.namespace, name: r.name, file: r.origin)
    }

    /// `StatefulSet orders-prod/postgres`, or `Namespace orders` without a namespace.
    public var description: String {
        namespace.isEmpty ? "\(kind) \(name)" : "\(kind) \(namespace)/\(name)"
    }
}

extension StatefulSetView {
    public var ref: ResourceRef { ResourceRef(resource) }
}
