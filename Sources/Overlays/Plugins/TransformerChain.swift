import KubeModel
import Manifests

/// Several transformers run one after the other as one step (a plugin that kustomize
/// implements as one pass but we build from existing single-purpose transformers).
struct TransformerChain: Transformer {
    let steps: [Transformer]

    func transform(_ resources: ResourceMap) throws {
        for step in steps { try step.transform(resources) }
    }
}
