import Manifests
import YAML

/// A `validators:` entry. kustomize has no builtin validators, but it runs any builtin
/// transformer listed there and fails if the resources changed (ignoring a
/// `validated-by` label, which validators may add and which stays in the output).
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
            let object = r.object.deepCopy()
            if let labels = object.mapping("metadata")?.mapping("labels"), labels.removeValue(forKey: Self.validatedByLabel) != nil,
               labels.entries.isEmpty {
                // kustomize writes the remaining labels back, and an empty map drops the field.
                object.mapping("metadata")?.removeValue(forKey: "labels")
            }
            guard let old = before.first(where: { $0.id == r.id }) else {
                throw changed("\(r.id) is new or was renamed")
            }
            if !Node.mapping(object).isEqual(to: .mapping(old.object)) {
                throw changed("\(r.id) was modified")
            }
        }
    }

    private func changed(_ detail: String) -> BuildError {
        config.error("validator shouldn't modify the resource map: \(config.kind) in 'validators': \(detail)")
    }
}
