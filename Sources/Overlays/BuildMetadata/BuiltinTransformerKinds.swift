import KubeModel
import Manifests

/// The builtin transformer kinds kustomize records for one of our transformers.
///
/// kustomize configures one builtin plugin per kustomization field (one per `patches:`
/// entry, per `labels:` entry, per image, per replica…) and leaves out those with nothing
/// to do: no namespace, prefix, suffix or annotations, no labels at all. Each configured
/// plugin is recorded on every resource present when it runs, whether it changed the
/// resource or not.
enum BuiltinTransformerKinds {
    static func kinds(of t: Transformer, in k: Kustomization) -> [String] {
        switch t {
        case is StrategicMergePatchesTransformer:
            return ["PatchStrategicMergeTransformer"]
        case is PatchTransformer:
            return ["PatchTransformer"]
        case let n as NamespaceTransformer:
            return n.namespace.isEmpty ? [] : ["NamespaceTransformer"]
        case let a as NameAffixTransformer:
            if a.affix.isEmpty { return [] }
            return [a.position == .prefix ? "PrefixTransformer" : "SuffixTransformer"]
        case let kv as KeyValueTransformer:
            if writesAnnotations(kv) {
                return kv.pairs.isEmpty ? [] : ["AnnotationsTransformer"]
            }
            // `labels:` entries and commonLabels: the commonLabels plugin is configured,
            // even empty, whenever the kustomization has either.
            return kv.pairs.isEmpty && k.labels.isEmpty ? [] : ["LabelTransformer"]
        case is JSON6902PatchTransformer:
            return ["PatchJson6902Transformer"]
        case let r as ReplicaTransformer:
            return Array(repeating: "ReplicaCountTransformer", count: r.replicas.count)
        case is ImageTransformer:
            return ["ImageTagTransformer"]
        case is ReplacementTransformer:
            return ["ReplacementTransformer"]
        default:
            // sts-kustomize's own `storage:` and anything kustomize has no builtin for.
            return []
        }
    }

    /// commonAnnotations and label transformers are the same type; the annotation one
    /// writes `metadata/annotations` and never `metadata/labels`.
    private static func writesAnnotations(_ kv: KeyValueTransformer) -> Bool {
        var annotations = false
        for spec in kv.fieldSpecs {
            if spec.path == ["metadata", "labels"] { return false }
            if spec.path == ["metadata", "annotations"] { annotations = true }
        }
        return annotations
    }
}
