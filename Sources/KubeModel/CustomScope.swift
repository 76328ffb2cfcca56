import Synchronization
import YAML

/// Kinds a custom `openapi:` document declares cluster-scoped through its `paths`, for the
/// build running on this thread. kustomize's schema is global to a build: its
/// `IsNamespaceScoped` asks the built-in table first, then the document's paths (a type whose
/// GET path has no `namespaces/{namespace}` is cluster-scoped), and takes anything else as
/// namespaced.
public final class CustomScope: @unchecked Sendable {
    /// Filled once, when the build chooses its schema; read afterwards on the same thread.
    public private(set) var clusterScoped: Set<GVK> = []

    public init() {}

    /// The scope of the build on this thread (nil outside a build).
    @TaskLocal public static var current: CustomScope?

    /// Whether any build of this process declared a kind cluster-scoped: until then
    /// `GVK.isClusterScoped` need not look up the build's scope at all.
    static let anyDeclared = Atomic<Bool>(false)

    /// kyaml's `findNamespaceability` over an OpenAPI (swagger 2) document: each path whose
    /// `get` names its type in `x-kubernetes-group-version-kind`.
    public func declare(openAPIDocument doc: Node) {
        guard let paths = doc.asMapping?.mapping("paths") else { return }
        var namespaced = Set<GVK>()
        var seen = Set<GVK>()
        for entry in paths.entries {
            guard let gvk = entry.value.asMapping?.mapping("get")?.mapping("x-kubernetes-group-version-kind"),
                  let kind = gvk.string("kind"), !kind.isEmpty, let version = gvk.string("version") else { continue }
            let type = GVK(group: gvk.string("group") ?? "", version: version, kind: kind)
            seen.insert(type)
            if entry.key.value.contains("namespaces/{namespace}") { namespaced.insert(type) }
        }
        clusterScoped = seen.subtracting(namespaced)
        if !clusterScoped.isEmpty { Self.anyDeclared.store(true, ordering: .releasing) }
    }
}
