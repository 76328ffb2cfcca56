import KubeModel
import Manifests
import Patching
import YAML

/// `generators:`, `transformers:` and `validators:` entries: builtin plugin configs
/// (`apiVersion: builtin`). Plugins that would run programs or containers are refused.
struct PluginRunner {
    let loader: ManifestLoader
    let schema: MergeSchema
    let diagnostics: Diagnostics
    /// The resolver's accumulation of a directory entry, if it provides one (see PluginDirectoryBuilder).
    var accumulateDirectory: ((_ dir: String, _ parent: Kustomization) throws -> [Resource])? = nil
    /// Told which resources each plugin generator made or replaced, with the config that
    /// configured it (for `buildMetadata` origins).
    var generatedBy: ((_ resources: [Resource], _ config: Resource) throws -> Void)? = nil

    private var configLoader: PluginConfigLoader {
        PluginConfigLoader(loader: loader, directoryBuilder: PluginDirectoryBuilder(accumulate: accumulateDirectory, loader: loader))
    }

    /// Runs the generator plugins of `k`, after its configMapGenerator/secretGenerator.
    /// As in kustomize, every generator is configured before any of them runs.
    func generate(_ k: Kustomization, root: String, config: TransformerConfig, into resources: ResourceMap) throws {
        guard !k.generators.isEmpty else { return }
        let configs = try configLoader.load(k.generators, field: "generators", kustomization: k, root: root)
        var generators: [(PluginConfig, (ResourceMap) throws -> Void)] = []
        for c in configs {
            generators.append((c, try generator(for: c, kustomization: k, root: root)))
        }
        for (c, run) in generators {
            // Holding the old resources keeps their identifiers from being reused by new ones.
            let old = resources.resources
            let before = Set(old.map { ObjectIdentifier($0) })
            try run(resources)
            try generatedBy?(resources.resources.filter { !before.contains(ObjectIdentifier($0)) }, c.resource)
            withExtendedLifetime(old) {}
        }
    }

    /// The transformer plugins of `k`, then its validators; they run after the
    /// transformers of its kustomization fields.
    func transformers(for k: Kustomization, root: String, config: TransformerConfig) throws -> [Transformer] {
        var list: [Transformer] = []
        if !k.transformers.isEmpty {
            for c in try configLoader.load(k.transformers, field: "transformers", kustomization: k, root: root) {
                let t = try transformer(for: c, field: "transformers", kustomization: k, root: root)
                // buildMetadata records the plugin by its config; validators record nothing.
                list.append(PluginConfiguredTransformer(t, config: c.resource))
            }
        }
        if !k.validators.isEmpty {
            for c in try configLoader.load(k.validators, field: "validators", kustomization: k, root: root) {
                let t = try transformer(for: c, field: "validators", kustomization: k, root: root)
                list.append(PluginValidator(inner: t, config: c))
            }
        }
        return list
    }

    private func generator(for c: PluginConfig, kustomization k: Kustomization, root: String) throws -> (ResourceMap) throws -> Void {
        guard c.isBuiltin else { throw ExternalPluginRefusal.error(for: c, field: "generators") }
        switch try BuiltinPluginKind.of(c) {
        case .configMapGenerator, .secretGenerator:
            // Files are read relative to the kustomization listing the generator.
            let plugin = BuiltinGeneratorPlugin(loader: loader)
            return { try plugin.run(c.resource, root: root, kustomizationFile: k.file, into: $0) }
        case .iamPolicyGenerator:
            let g = try IAMPolicyGenerator(c)
            return { try $0.append(try g.generate()) }
        case .helmChartInflationGenerator:
            throw c.error("HelmChartInflationGenerator is not supported: sts-kustomize does not run Helm or fetch charts")
        default:
            throw c.error("plugin \(c.idText) not a generator")
        }
    }

    private func transformer(for c: PluginConfig, field: String, kustomization k: Kustomization, root: String) throws -> Transformer {
        guard c.isBuiltin else { throw ExternalPluginRefusal.error(for: c, field: field) }
        let kind = try BuiltinPluginKind.of(c)
        if kind == .helmChartInflationGenerator {
            throw c.error("HelmChartInflationGenerator is not supported: sts-kustomize does not run Helm or fetch charts")
        }
        let factory = BuiltinTransformerFactory(loader: loader, applier: PatchApplier(schema: schema, diagnostics: diagnostics))
        return try factory.make(c, kind: kind, kustomization: k, root: root)
    }
}
