import KubeModel
import Manifests
import YAML

/// A `validators:` entry. kustomize has no builtin validators, but it runs any builtin
/// transformer listed there and fails if the resources changed. Validator plugins may add
/// a `validated-by` label, which stays in the output; kustomize ignores it when comparing,
/// though in effect only on resources that had no labels.
struct PluginValidator: Transformer {
    let inner: Transformer
    let config: PluginConfig

    static let validatedByLabel = "validated-by"

    func transform(_ resources: ResourceMap) throws {
        let before = resources.resources.map { (id: $0.id, object: $0.object.deepCopy()) }
        try inner.transform(resources)
        let after = resources.resources
        guard after.count == before.count else {
            throw changed("it changed the number of resources from \(before.count) to \(after.count)")
        }
        for r in after {
            guard let old = before.first(where: { $0.id == r.id }) else {
                throw changed("\(r.id) is new or was renamed")
            }
            let object = r.object.deepCopy()
            // kustomize strips the label by writing the remaining labels back: that restores
            // the original only when the resource had no labels (the field goes away again).
            if old.object.mapping("metadata")?["labels"] == nil, let labels = object.mapping("metadata")?.mapping("labels"),
               labels.keys == [Self.validatedByLabel] {
                object.mapping("metadata")?.removeValue(forKey: "labels")
            }
            if !Node.mapping(object).isEqual(to: .mapping(old.object)) {
                throw changed("\(r.id) was modified")
            }
        }
    }

    private func changed(_ detail: String) -> Diagnostic {
        config.error("validator shouldn't modify the resource map: \(config.kind) in 'validators': \(detail)")
    }
}
