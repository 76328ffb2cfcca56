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

    /// kustomize's `ResId.EffectiveNamespace`: cluster-scoped kinds have none (whatever their
    /// `metadata.namespace` says), and an empty namespace is `default`.
    public static func effectiveNamespace(_ namespace: String, of gvk: GVK) -> String {
        if gvk.isClusterScoped { return "_non_namespaceable_" }
        return namespace.isEmpty ? "default" : namespace
    }

    public var effectiveNamespace: String { Self.effectiveNamespace(namespace, of: gvk) }

    public var isClusterScoped: Bool { gvk.isClusterScoped }

    /// kustomize's `IsNsEquals`: the effective namespaces are the same.
    public func isNamespaceEqual(_ other: ResourceID) -> Bool {
        effectiveNamespace == other.effectiveNamespace
    }

    /// kustomize's `ResId.String()`, which its field-spec and replacement messages print:
    /// `Kind.version.group/name.namespace`, with `[noKind]`, `[noVer]`, `[noGrp]`, `[noName]`
    /// and `[noNs]` for empty parts.
    public var kustomizeText: String {
        "\(gvk.description)/\(name.isEmpty ? "[noName]" : name).\(namespace.isEmpty ? "[noNs]" : namespace)"
    }

    /// How kustomize names a resource in its messages: `Kind.version.group/name.namespace`.
    public var description: String {
        let g = gvk.group.isEmpty ? "" : ".\(gvk.group)"
        let ns = namespace.isEmpty ? "" : ".\(namespace)"
        return "\(gvk.kind).\(gvk.version)\(g)/\(name)\(ns)"
    }
}
