import Manifests
import Patching
import YAML

/// `generators:` and `transformers:` entries: builtin plugin configs (`apiVersion: builtin`).
/// Plugins that would run programs or containers are refused.
struct PluginRunner {
    let loader: ManifestLoader
    let schema: MergeSchema
    let diagnostics: Diagnostics

    func generate(_ k: Kustomization, root: String, config: TransformerConfig, into resources: ResourceMap) throws {
        if !k.generators.isEmpty {
            throw BuildError("'generators' is not supported yet by sts-kustomize", file: k.file)
        }
    }

    func transformers(for k: Kustomization, root: String, config: TransformerConfig) throws -> [Transformer] {
        if !k.transformers.isEmpty {
            throw BuildError("'transformers' is not supported yet by sts-kustomize", file: k.file)
        }
        if !k.validators.isEmpty {
            throw BuildError("'validators' is not supported yet by sts-kustomize", file: k.file)
        }
        return []
    }
}
