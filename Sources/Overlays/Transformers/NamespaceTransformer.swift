import Manifests
import YAML

/// `namespace:` — moves every namespaced resource into one namespace, and the
/// ServiceAccount subjects of role bindings that pointed at the default namespace.
public struct NamespaceTransformer: Transformer {
    public var namespace: String
    public var fieldSpecs: [FieldSpec]

    public init(namespace: String, fieldSpecs: [FieldSpec]) {
        self.namespace = namespace
        self.fieldSpecs = fieldSpecs
    }

    public func transform(_ resources: ResourceMap) throws {
        guard !namespace.isEmpty else { return }
        for r in resources.resources {
            r.rememberCurrentID()
            let gvk = r.gvk
            for spec in fieldSpecs where spec.gvk.selects(gvk) {
                if spec.path == ["metadata", "namespace"] && gvk.isClusterScoped { continue }
                FieldWalker.visit(r.object, path: spec.path, create: spec.create, leaf: .scalar) { parent, key in
                    if parent[key]?.asScalar != nil { parent[key] = .string(namespace) }
                }
            }
            if gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding" {
                setServiceAccountSubjects(r.object)
            }
        }
        var seen = Set<ResourceID>()
        for r in resources.resources {
            if !seen.insert(r.id).inserted {
                throw BuildError("namespace transformation produces ID conflict: \(r.id)", file: r.origin)
            }
        }
    }

    private func setServiceAccountSubjects(_ object: Mapping) {
        guard let subjects = object.sequence("subjects") else { return }
        for case .mapping(let s) in subjects.items where s.string("kind") == "ServiceAccount" {
            if s.string("namespace") == "default" {
                s["namespace"] = .string(namespace)
            }
        }
    }
}
