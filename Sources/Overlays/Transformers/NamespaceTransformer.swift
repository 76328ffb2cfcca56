import KubeModel
import Manifests
import YAML

/// `namespace:` — moves every namespaced resource into one namespace, renames core
/// Namespace objects to it, and sets it on role-binding subjects named `default`.
public struct NamespaceTransformer: Transformer {
    public var namespace: String
    public var fieldSpecs: [FieldSpec]

    public init(namespace: String, fieldSpecs: [FieldSpec]) {
        self.namespace = namespace
        self.fieldSpecs = fieldSpecs
    }

    /// With nothing to set it changes nothing.
    public var keepsNodeHistory: Bool { namespace.isEmpty }

    public func transform(_ resources: ResourceMap) throws {
        guard !namespace.isEmpty else { return }
        for r in resources.resources {
            r.rememberCurrentID()
            let gvk = r.gvk
            for spec in fieldSpecs where spec.gvk.selects(gvk) {
                if spec.path == ["metadata", "namespace"] && gvk.isClusterScoped { continue }
                try FieldWalker.visit(r, path: spec.path, create: spec.create, leaf: .scalar) { parent, key in
                    if parent[key]?.asScalar != nil { parent[key] = .string(namespace) }
                }
            }
            if gvk == Self.coreNamespace {
                r.name = namespace
            }
            if gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding" {
                setSubjectsNamedDefault(r.object)
            }
        }
        var seen = Set<ResourceID>()
        for r in resources.resources {
            if !seen.insert(r.id).inserted {
                throw Diagnostic("namespace transformation produces ID conflict: \(r.id)", file: r.origin)
            }
        }
    }

    static let coreNamespace = GVK(group: "", version: "v1", kind: "Namespace")

    /// kustomize's default subject mode: only subjects named `default` follow the namespace.
    private func setSubjectsNamedDefault(_ object: Mapping) {
        guard let subjects = object.sequence("subjects") else { return }
        for case .mapping(let s) in subjects.items where s.string("name") == "default" {
            s["namespace"] = .string(namespace)
        }
    }
}
