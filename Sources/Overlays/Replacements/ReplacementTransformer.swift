import Manifests
import YAML

/// `replacements:` — copies a field from a source resource into target fields.
public struct ReplacementTransformer: Transformer {
    let file: String

    public init(replacements: [Node], kustomization k: Kustomization, root: String, loader: ManifestLoader) throws {
        file = k.file
    }

    public func transform(_ resources: ResourceMap) throws {
        throw BuildError("'replacements' is not supported yet by sts-kustomize", file: file)
    }
}
