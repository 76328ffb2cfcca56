import KubeModel
import Manifests
import YAML

/// Configs for plugins outside kustomize's builtin set: exec and Go plugins, and KRM
/// functions (containers, executables, starlark). They run programs, which sts-kustomize
/// never does; `kubectl kustomize` refuses them too unless plugins are enabled.
enum ExternalPluginRefusal {
    static func error(for config: PluginConfig, field: String) -> Diagnostic {
        let what = functionSpec(config).map { "a KRM function (\($0))" } ?? "an exec or Go plugin"
        return config.error("\(config.kind) (apiVersion \(config.resource.apiVersion)) in '\(field)' is \(what) and "
            + "needs plugins, which sts-kustomize does not run "
            + "(kustomize: external plugins disabled; unable to load external plugin '\(config.kind)')")
    }

    /// How a KRM function config says it runs: `container`, `exec` or `starlark`.
    private static func functionSpec(_ config: PluginConfig) -> String? {
        guard let annotations = config.resource.metadata?.mapping("annotations") else { return nil }
        for key in ["config.kubernetes.io/function", "config.k8s.io/function"] {
            guard let text = annotations.string(key) else { continue }
            let spec = (try? YAMLParser().parse(text, file: config.file))?.first?.asMapping
            let runner = ["container", "exec", "starlark"].first { spec?[$0] != nil }
            return runner ?? "function"
        }
        return nil
    }
}
