import KubeModel
import Manifests
import YAML

/// One plugin config from a `generators:`, `transformers:` or `validators:` entry: the
/// resource that configures the plugin and the file it was written in (the kustomization
/// file itself for an inline config).
struct PluginConfig {
    let resource: Resource

    /// Where the config was written (the kustomization file for an inline entry).
    var file: String { resource.origin }

    var gvk: GVK { resource.gvk }
    var kind: String { resource.kind }

    /// apiVersion `builtin` (with no group) selects kustomize's statically linked plugins.
    var isBuiltin: Bool { gvk.group.isEmpty && gvk.version == "builtin" }

    /// kustomize's `OrgId()` text, used in its messages: `Kind.version.[noGrp]/name.[noNs]`.
    var idText: String { ResourceID(gvk: gvk, name: resource.name, namespace: resource.namespace).kustomizeText }

    /// An error about this config, naming its file.
    func error(_ message: String) -> Diagnostic {
        Diagnostic(message, file: file, mark: resource.object.mark)
    }
}
