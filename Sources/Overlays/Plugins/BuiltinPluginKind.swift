/// The plugins kustomize v5.5.0 links in (`apiVersion: builtin`), and whether each is a
/// generator or a transformer. Other builtin kinds (SortOrderTransformer,
/// LegacyOrderTransformer…) are not registered there and fail to load.
enum BuiltinPluginKind: String, CaseIterable {
    case configMapGenerator = "ConfigMapGenerator"
    case secretGenerator = "SecretGenerator"
    case iamPolicyGenerator = "IAMPolicyGenerator"
    case helmChartInflationGenerator = "HelmChartInflationGenerator"

    case annotationsTransformer = "AnnotationsTransformer"
    case labelTransformer = "LabelTransformer"
    case namespaceTransformer = "NamespaceTransformer"
    case prefixSuffixTransformer = "PrefixSuffixTransformer"
    case prefixTransformer = "PrefixTransformer"
    case suffixTransformer = "SuffixTransformer"
    case imageTagTransformer = "ImageTagTransformer"
    case replicaCountTransformer = "ReplicaCountTransformer"
    case patchTransformer = "PatchTransformer"
    case patchStrategicMergeTransformer = "PatchStrategicMergeTransformer"
    case patchJson6902Transformer = "PatchJson6902Transformer"
    case replacementTransformer = "ReplacementTransformer"
    case hashTransformer = "HashTransformer"
    case valueAddTransformer = "ValueAddTransformer"

    var isGenerator: Bool {
        switch self {
        case .configMapGenerator, .secretGenerator, .iamPolicyGenerator, .helmChartInflationGenerator: return true
        default: return false
        }
    }

    /// The builtin plugin a config selects; throws kustomize's error for an unknown kind.
    static func of(_ config: PluginConfig) throws -> BuiltinPluginKind {
        guard let kind = BuiltinPluginKind(rawValue: config.kind) else {
            throw config.error("unable to load builtin \(config.kind).builtin.[noGrp]")
        }
        return kind
    }
}
