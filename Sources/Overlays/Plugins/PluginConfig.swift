import Manifests
import YAML

/// One plugin config from a `generators:`, `transformers:` or `validators:` entry: the
/// resource that configures the plugin and the file it was written in (the kustomization
/// file itself for an inline config).
struct PluginConfig {
    let resource: Resource

    /// Where the config was written: what `buildMetadata` reports as `configuredIn`.
    var file: String { resource.origin }

    var gvk: GVK { resource.gvk }
    var kind: String { resource.kind }

    /// apiVersion `builtin` (with no group) selects kustomize's statically linked plugins.
    var isBuiltin: Bool { gvk.group.isEmpty && gvk.version == "builtin" }

    /// kustomize's `OrgId()` text, used in its messages: `Kind.version.[noGrp]/name.[noNs]`.
    var idText: String {
        let group = gvk.group.isEmpty ? "[noGrp]" : gvk.group
        let ns = resource.namespace.isEmpty ? "[noNs]" : resource.namespace
        return "\(kind).\(gvk.version).\(group)/\(resource.name).\(ns)"
    }

    var provenance: PluginProvenance {
        PluginProvenance(configFile: file, apiVersion: resource.apiVersion, kind: kind,
                         name: resource.name, namespace: resource.namespace)
    }

    /// An error about this config, naming its file.
    func error(_ message: String) -> BuildError {
        BuildError(message, file: file, mark: resource.object.mark)
    }
}

/// Which plugin config made or changed resources — what kustomize's `buildMetadata`
/// writes as `configuredIn` / `configuredBy` in origin and transformation annotations.
public struct PluginProvenance: Equatable {
    /// Absolute path of the file holding the config (the kustomization file when inline).
    public let configFile: String
    public let apiVersion: String
    public let kind: String
    public let name: String
    public let namespace: String
}

/// A transformer that a plugin config set up, so `buildMetadata` can say which one.
public protocol PluginConfigured {
    var provenance: PluginProvenance { get }
}

/// A builtin plugin's transformer together with the config that set it up.
struct ConfiguredPluginTransformer: Transformer, PluginConfigured {
    let inner: Transformer
    let provenance: PluginProvenance

    func transform(_ resources: ResourceMap) throws {
        try inner.transform(resources)
    }
}
