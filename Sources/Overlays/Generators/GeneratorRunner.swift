import Manifests
import YAML

/// configMapGenerator / secretGenerator of one kustomization (create, merge, replace).
public struct GeneratorRunner {
    public let loader: ManifestLoader
    public let diagnostics: Diagnostics

    public init(loader: ManifestLoader, diagnostics: Diagnostics) {
        self.loader = loader
        self.diagnostics = diagnostics
    }

    public func run(_ k: Kustomization, root: String, into resources: ResourceMap) throws {
        for (field, present) in [("configMapGenerator", !k.configMapGenerator.isEmpty),
                                 ("secretGenerator", !k.secretGenerator.isEmpty),
                                 ("generatorOptions", k.generatorOptions != nil)] where present {
            throw BuildError("'\(field)' is not supported yet by sts-kustomize", file: k.file)
        }
    }
}
