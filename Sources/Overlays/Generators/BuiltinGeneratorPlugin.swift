import KubeModel
import Manifests
import YAML

/// kustomize's builtin ConfigMapGenerator and SecretGenerator used as plugins: a resource
/// `apiVersion: builtin`, `kind: ConfigMapGenerator` or `SecretGenerator`, loaded from an
/// entry of `generators:`.
///
/// Unlike `configMapGenerator:` entries, the kustomization's `generatorOptions` do not
/// apply, and files are read relative to the kustomization that lists `generators:`.
/// kustomize runs these after that kustomization's own `configMapGenerator:` and
/// `secretGenerator:` entries.
public struct BuiltinGeneratorPlugin {
    public let loader: ManifestLoader

    public init(loader: ManifestLoader) {
        self.loader = loader
    }

    /// Whether `config` configures one of the builtin generators this type runs.
    public static func handles(_ config: Resource) -> Bool {
        kind(of: config) != nil
    }

    private static func kind(of config: Resource) -> GeneratorArgs.Kind? {
        guard config.gvk.group.isEmpty, config.gvk.version == "builtin" else { return nil }
        switch config.kind {
        case "ConfigMapGenerator": return .configMap
        case "SecretGenerator": return .secret
        default: return nil
        }
    }

    /// Generates the ConfigMap or Secret `config` describes and adds it to `resources`
    /// (honouring its `behavior`). `root` and `kustomizationFile` are those of the
    /// kustomization listing `generators:`.
    public func run(_ config: Resource, root: String, kustomizationFile: String, into resources: ResourceMap) throws {
        guard let kind = Self.kind(of: config) else {
            throw Diagnostic("\(config.id) is not a builtin ConfigMapGenerator or SecretGenerator config", file: config.origin, mark: config.object.mark)
        }
        let args = ArgsRoundTrip.apply(try GeneratorArgs.decodePluginConfig(config.object, kind: kind, file: config.origin))
        try YAMLPrintable.check(args)
        let generated = try GeneratorRunner.generate(args, loader: loader, root: root, kustomizationFile: kustomizationFile)
        try GeneratedResourceMerger.absorb(generated, args, into: resources)
        try UnquotedKeyCheck.check(generated, args)
    }
}
