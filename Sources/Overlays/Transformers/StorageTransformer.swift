import Manifests
import YAML

/// sts-kustomize's `storage:` extension: per-environment claim-template size, class and modes.
struct StorageTransformer: Transformer {
    let entries: [Node]
    let file: String

    init(entries: [Node], file: String) throws {
        self.entries = entries
        self.file = file
        if !entries.isEmpty {
            throw BuildError("'storage' is not supported yet by sts-kustomize", file: file)
        }
    }

    func transform(_ resources: ResourceMap) throws {}
}
