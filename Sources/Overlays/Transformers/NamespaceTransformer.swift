import KubeModel
import Manifests
import YAML

/// `namespace:` — kustomize runs its builtin NamespaceTransformer plugin for it, with the
/// configuration's `namespace` field specs and the plugin's defaults: every namespaced
/// resource moves into the namespace, core (`v1`) Namespace objects are renamed to it, and
/// role-binding subjects named `default` follow it.
public struct NamespaceTransformer: Transformer {
    public var namespace: String
    public var fieldSpecs: [FieldSpec]

    public init(namespace: String, fieldSpecs: [FieldSpec]) {
        self.namespace = namespace
        self.fieldSpecs = fieldSpecs
    }

    /// With nothing to set it changes nothing.
    public var keepsNodeHistory: Bool { namespace.isEmpty }

    public func transform(_ resources: ResourceMap) throws {
        try PluginNamespaceTransformer(namespace: namespace, fieldSpecs: fieldSpecs, unsetOnly: false, subjects: .defaultOnly)
            .transform(resources)
    }
}
