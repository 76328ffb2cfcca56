/// Group, version and kind of a Kubernetes object.
public struct GVK: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String = "", version: String = "", kind: String = "") {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// From `apiVersion` (`apps/v1` or `v1`) and `kind`.
    public init(apiVersion: String, kind: String) {
        // Byte search: this runs for every resource ID a build computes.
        let utf8 = apiVersion.utf8
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
            group = String(apiVersion[..<slash])
            version = String(apiVersion[utf8.index(after: slash)...])
        } else {
            group = ""
            version = apiVersion
        }
        self.kind = kind
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// kyaml's `Gvk.String()`, as kustomize's messages print a GVK: `kind.version.group`, with
    /// `[noKind]`, `[noVer]` and `[noGrp]` for empty parts.
    public var description: String {
        "\(kind.isEmpty ? "[noKind]" : kind).\(version.isEmpty ? "[noVer]" : version).\(group.isEmpty ? "[noGrp]" : group)"
    }

    /// Whether `self`, used as a selector, matches `other` (empty fields match anything).
    public func selects(_ other: GVK) -> Bool {
        (group.isEmpty || group == other.group)
            && (version.isEmpty || version == other.version)
            && (kind.isEmpty || kind == other.kind)
    }

    /// Whether kustomize knows this kind, at this version, as cluster-scoped: the schema's
    /// table, then the paths of a custom `openapi:` document (`CustomScope`); other kinds are
    /// namespaced.
    public var isClusterScoped: Bool {
        if GVK.clusterScopedKinds.contains(self) { return true }
        guard CustomScope.anyDeclared.load(ordering: .acquiring), let custom = CustomScope.current else { return false }
        return custom.clusterScoped.contains(self)
    }
}
