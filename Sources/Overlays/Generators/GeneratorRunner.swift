import KubeModel
import Manifests
import YAML

/// configMapGenerator / secretGenerator of one kustomization (create, merge, replace).
///
/// kustomize runs every ConfigMap entry, then every Secret entry, each in list order, and
/// adds each result to the build before making the next, so an entry may merge into one
/// generated just before it in the same file.
public struct GeneratorRunner {
    public let loader: ManifestLoader
    public let diagnostics: Diagnostics

    public init(loader: ManifestLoader, diagnostics: Diagnostics) {
        self.loader = loader
        self.diagnostics = diagnostics
    }

    /// Runs every entry in order; `afterEach` sees each entry's resource once it is in the map
    /// (kustomize annotates each generator's output before the next one runs).
    public func run(_ k: Kustomization, root: String, into resources: ResourceMap,
                    afterEach: (Resource) -> Void = { _ in }) throws {
        // Decoded even when no entry uses it: a typo there is an error, as in kustomize.
        let global = try globalOptions(k)
        let entries = try k.configMapGenerator.map { try GeneratorArgs.decode($0, kind: .configMap, file: k.file) }
            + k.secretGenerator.map { try GeneratorArgs.decode($0, kind: .secret, file: k.file) }
        for var args in entries {
            args.options = (args.options ?? GeneratorOptions()).mergingGlobal(global)
            args = ArgsRoundTrip.apply(args)
            try YAMLPrintable.check(args)
            let generated = try Self.generate(args, loader: loader, root: root, kustomizationFile: k.file)
            try GeneratedResourceMerger.absorb(generated, args, into: resources)
            try UnquotedKeyCheck.check(generated, args)
            afterEach(generated)
        }
    }

    private func globalOptions(_ k: Kustomization) throws -> GeneratorOptions? {
        guard let node = k.generatorOptions, !node.isNull else { return nil }
        return try GeneratorOptions.decode(node, file: k.file, context: "generatorOptions")
    }

    /// The ConfigMap or Secret of one entry, its files read relative to `root`.
    static func generate(_ args: GeneratorArgs, loader: ManifestLoader, root: String, kustomizationFile: String) throws -> Resource {
        let pairs: [KVPair]
        do {
            pairs = try args.sources.load(loader: loader, root: root, kustomizationFile: kustomizationFile)
        } catch let error as GeneratorSourceError {
            throw args.error(error.description)
        }
        switch args.kind {
        case .configMap: return try ConfigMapGenerator.make(args, pairs: pairs)
        case .secret: return try SecretGenerator.make(args, pairs: pairs)
        }
    }
}
