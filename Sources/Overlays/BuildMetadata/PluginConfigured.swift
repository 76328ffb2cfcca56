import KubeModel
import Manifests

/// A transformer configured by a resource: an entry of `transformers:` (a builtin plugin
/// config such as `apiVersion: builtin`, `kind: NamespaceTransformer`). Build metadata
/// records it as kustomize's OriginFromCustomPlugin does: `configuredIn` is where the
/// config was written, `configuredBy` its apiVersion, kind, name and namespace.
///
/// The plugin runner's transformers conform (or are wrapped in `PluginConfiguredTransformer`)
/// so that `BuildMetadataTracker.wrap` can tell them from the kustomization's own fields.
protocol PluginConfigured {
    /// The config resource, as loaded: `Resource.origin` is the file it was read from, or
    /// the kustomization file for an inline entry.
    var pluginConfig: Resource { get }
}

/// Wraps any transformer with the config that configured it.
struct PluginConfiguredTransformer: Transformer, PluginConfigured {
    let inner: Transformer
    let pluginConfig: Resource

    init(_ inner: Transformer, config: Resource) {
        self.inner = inner
        self.pluginConfig = config
    }

    func transform(_ resources: ResourceMap) throws {
        try inner.transform(resources)
    }
}
