import KubeModel
import Manifests
import YAML

/// `replicas:` — sets the replica count of workloads named by their original or current name.
public struct ReplicaTransformer: Transformer {
    public var replicas: [Kustomization.Replica]
    public var fieldSpecs: [FieldSpec]
    public var file: String

    public init(replicas: [Kustomization.Replica], fieldSpecs: [FieldSpec], file: String) {
        self.replicas = replicas
        self.fieldSpecs = fieldSpecs
        self.file = file
    }

    /// It drops the node history of each object it sets a count in and leaves the others'
    /// true: kustomize's replica filter touches only the objects an entry names.
    public var keepsNodeHistory: Bool { true }

    public func transform(_ resources: ResourceMap) throws {
        for replica in replicas {
            var found = false
            for spec in fieldSpecs {
                let matched = resources.matchingAnyID { $0.name == replica.name && spec.gvk.selects($0.gvk) }
                if matched.isEmpty { continue }
                found = true
                // matched by any of its IDs, but kustomize's field-spec filter then looks at
                // the current kind: one a patch changed is counted as found and left alone
                for r in matched where spec.gvk.selects(r.gvk) {
                    r.generator?.nodeHistory = nil
                    try FieldWalker.visit(r, path: spec.path, create: spec.create, leaf: .scalar) { parent, key in
                        // kyaml's SetEntry tags the count !!int, keeping a quoted field's quotes
                        // (then it prints as a string but must still read as an integer)
                        let old = parent[key]?.asScalar
                        var count = old.map { $0.style != .plain } == true
                            ? Scalar.settingText(String(replica.count), over: old)
                            : Scalar(String(replica.count), tag: .int, mark: old?.mark ?? .none)
                        if count.tag == .string { count.declaredTag = .int }
                        parent[key] = .scalar(count)
                    }
                }
            }
            if !found {
                let gvks = fieldSpecs.map { $0.gvk.description }.joined(separator: " ")
                throw Diagnostic("resource with name \(replica.name) does not match a config with the following GVK [\(gvks)]", file: file, mark: replica.mark)
            }
        }
    }
}
