import Manifests
import YAML

/// `crds:` — name-reference field specs read from CustomResourceDefinition files.
enum CRDFieldSpecs {
    static func load(_ paths: [String], kustomization k: Kustomization, root: String, loader: ManifestLoader) throws -> TransformerConfig {
        if !paths.isEmpty {
            throw BuildError("'crds' is not supported yet by sts-kustomize", file: k.file)
        }
        return .empty
    }
}
