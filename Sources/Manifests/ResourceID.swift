/// Identity of a resource in a build: its GVK, name and namespace.
public struct ResourceID: Hashable, Sendable, CustomStringConvertible {
    public var gvk: GVK
    public var name: String
    public var namespace: String

    public init(gvk: GVK, name: String, namespace: String = "") {
        self.gvk = gvk
        self.name = name
        self.namespace = namespace
    }

    /// How kustomize names a resource in its messages: `Kind.version.group/name.namespace`.
    public var description: String {
        let g = gvk.group.isEmpty ? "" : ".\(gvk.group)"
        let ns = namespace.isEmpty ? "" : ".\(namespace)"
        return "\(gvk.kind).\(gvk.version)\(g)/\(name)\(ns)"
    }
}
