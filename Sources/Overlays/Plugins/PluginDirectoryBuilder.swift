import KubeModel
import Manifests
import YAML

/// Builds a kustomization directory named by a `generators:`/`transformers:` entry: its
/// resources, after its own generators and transformers, are the plugin configs (kustomize
/// accumulates it like a base, without the final hash/name-reference steps).
struct PluginDirectoryBuilder {
    /// The resolver's own accumulation of a base directory, when it hands one over (so its
    /// cycle detection covers plugin directories too); otherwise a separate resolver is used.
    let accumulate: ((_ dir: String, _ parent: Kustomization) throws -> [Resource])?
    let loader: ManifestLoader

    func build(_ dir: String, from k: Kustomization) throws -> [Resource] {
        let real = loader.fileSystem.realPath(dir) ?? dir
        let kustomizationDir = loader.fileSystem.realPath(PathName.dirname(k.file)) ?? PathName.dirname(k.file)
        // kustomize's loader refuses a root that contains one being loaded.
        if kustomizationDir == real || kustomizationDir.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
            throw Diagnostic("cycle detected: candidate root '\(real)' contains visited root '\(kustomizationDir)'", file: k.file)
        }
        if let accumulate { return try accumulate(dir, k) }
        if Self.inProgress.contains(real) {
            throw Diagnostic("cycle detected: '\(real)' includes itself through its generators or transformers", file: k.file)
        }
        let resolver = OverlayResolver(options: BuildOptions(loadRestrictor: loader.restrictor, limits: loader.limits, fileSystem: loader.fileSystem))
        return try Self.$inProgress.withValue(Self.inProgress + [real]) {
            try resolver.accumulateDirectory(dir, from: k, isComponent: false, into: nil).resources.resources
        }
    }

    /// Plugin directories being built by separate resolvers on this thread, to stop loops
    /// that no single resolver can see.
    @TaskLocal private static var inProgress: [String] = []
}
