import KubeModel
import Manifests
import YAML

/// The builtin NamespaceTransformer plugin as kustomize v5.5.0's namespace filter runs it,
/// with the options a plugin config can set (`unsetOnly`, `setRoleBindingSubjects`). The
/// `namespace:` field runs it too (`NamespaceTransformer`), with the configuration's specs.
struct PluginNamespaceTransformer: Transformer {
    enum SubjectMode: String {
        case defaultOnly
        case allServiceAccounts
        case none
    }

    let namespace: String
    let fieldSpecs: [FieldSpec]
    /// Set only fields that are missing or empty.
    let unsetOnly: Bool
    let subjects: SubjectMode

    func transform(_ resources: ResourceMap) throws {
        guard !namespace.isEmpty else { return }
        let all = resources.resources
        for r in all where !r.object.entries.isEmpty {
            r.rememberCurrentID()
            try apply(to: r)
            let id = r.id
            let same = all.filter { $0.gvk == id.gvk && $0.name == id.name && $0.id.isNamespaceEqual(id) }
            if same.count != 1 {
                throw Diagnostic("namespace transformation produces ID conflict: \(same.map { $0.id.description })", file: r.origin)
            }
        }
    }

    func apply(to r: Resource) throws {
        let gvk = r.gvk
        var specs = fieldSpecs.filter { spec in
            // metadata.namespace is handled below, only for namespaced kinds; metadata.name only
            // for apiVersion v1 (the core Namespace), never for other kinds named Namespace.
            if spec.path == ["metadata", "namespace"] { return false }
            if spec.path == ["metadata", "name"] && r.apiVersion != "v1" { return false }
            return true
        }
        if !gvk.isClusterScoped {
            try FieldWalker.visit(r, path: ["metadata", "namespace"], create: true, leaf: .scalar) { parent, key in
                setValue(parent, key)
            }
        }
        if gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding" {
            specs.removeAll { ($0.gvk.kind == "RoleBinding" || $0.gvk.kind == "ClusterRoleBinding") && $0.path == ["subjects", "namespace"] }
            setSubjects(r.object)
        }
        for spec in specs where spec.gvk.selects(gvk) {
            try FieldWalker.visit(r, path: spec.path, create: spec.create, leaf: .scalar) { parent, key in
                guard let value = parent[key] else { return }
                if value.asScalar == nil {
                    throw Diagnostic("namespace field specs must target scalar nodes: '\(spec.pathString)' in \(r.id)", file: r.origin, mark: value.mark)
                }
                setValue(parent, key)
            }
        }
    }

    /// kustomize's SetEntry, or with `unsetOnly` its SetEntryIfEmpty: only a node whose text
    /// is empty (`namespace:` or `""`, or one just created on the way here, which carries no
    /// position) is set; an explicit `~` or `null` counts as set, as in kustomize.
    private func setValue(_ parent: Mapping, _ key: String) {
        if unsetOnly, let s = parent[key]?.asScalar, !s.value.isEmpty, !(s.tag == .null && s.mark == .none) { return }
        parent[key] = .string(namespace)
    }

    private func setSubjects(_ object: Mapping) {
        guard subjects != .none, let list = object.sequence("subjects") else { return }
        for case .mapping(let subject) in list.items {
            switch subjects {
            case .defaultOnly: guard subject.string("name") == "default" else { continue }
            case .allServiceAccounts: guard subject.string("kind") == "ServiceAccount" else { continue }
            case .none: continue
            }
            if subject["namespace"] == nil { subject["namespace"] = .scalar(Scalar("", tag: .null)) }
            setValue(subject, "namespace")
        }
    }
}
