import KubeModel
import Manifests
import Overlays
import StatefulSetChecks
import YAML

/// Renders a kustomization directory the way `kubectl kustomize` (Kustomize v5.5.0) does.
///
///     let result = try Build().run("overlays/prod")
///     let yaml = try result.yaml()   // the bytes kustomize prints
///
/// Files are read through `options.fileSystem` (the disk unless a `MemoryFileSystem` is given).
public struct Build: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    /// What a build made: the resources in output order and the warnings met on the way.
    public struct Result {
        public var resources: ResourceMap
        /// Warnings in the order the build met them, StatefulSet reports worded as such.
        public var warnings: [BuildWarning]
        /// The kinds a custom `openapi:` document declared cluster-scoped in this build.
        public var scope = CustomScope()

        /// The YAML stream kustomize prints: documents joined by `---`.
        public func yaml() throws -> [UInt8] {
            try ResourceEmitter.stream(resources.resources)
        }

        /// The file each resource gets under `build -o DIR` (`ResourceEmitter.fileNames`), with
        /// the build's scope.
        public func fileNames() throws -> [(name: String, resource: Resource)] {
            try CustomScope.$current.withValue(scope) { try ResourceEmitter.fileNames(for: resources.resources) }
        }
    }

    /// Builds the kustomization in `dir`. Throws a `Diagnostic` naming the file (and line and
    /// column where YAML is at fault) when the tree cannot be built.
    public func run(_ dir: String) throws -> Result {
        let resolver = OverlayResolver(options: options)
        let resources = try resolver.build(dir)
        return Result(resources: resources, warnings: resolver.diagnostics.warnings.map(Self.worded), scope: resolver.customScope)
    }

    /// A replaced-list report about claim templates reads as one about claims.
    static func worded(_ warning: BuildWarning) -> BuildWarning {
        guard let p = warning.patch,
              let text = ClaimTemplateLoss.message(resource: p.resource, list: p.path, item: p.item, lostFields: p.lostFields)
        else { return warning }
        var w = warning
        w.message = text
        return w
    }
}
