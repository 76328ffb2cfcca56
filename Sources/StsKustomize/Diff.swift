import KubeModel
import Overlays
import StatefulSetChecks

/// What changed between two renders, and which StatefulSet changes Kubernetes forbids
/// (`sts-kustomize diff OLD NEW`).
public struct Diff: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    /// The changes from `old` to `new`. Throws a `Diagnostic` when a source cannot be read or
    /// rendered, and `ManifestDiff.DuplicateResource` when one holds a resource twice.
    public func run(old: ManifestSource, new: ManifestSource) throws -> ManifestDiff {
        let before = try old.load(options: options)
        let after = try new.load(options: options)
        return try ManifestDiff(old: before.resources, new: after.resources)
    }
}
