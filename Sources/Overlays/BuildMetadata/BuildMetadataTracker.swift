import Manifests
import YAML

/// `buildMetadata:` (originAnnotations, transformerAnnotations, managedByLabel) and
/// `--enable-managedby-label`: records where resources come from and what changed them.
final class BuildMetadataTracker {
    let options: BuildOptions

    init(options: BuildOptions) {
        self.options = options
    }

    /// A kustomization is about to be accumulated.
    func begin(_ k: Kustomization, root: String) throws {
        if !k.buildMetadata.isEmpty {
            throw BuildError("'buildMetadata' is not supported yet by sts-kustomize", file: k.file)
        }
    }

    /// Resources read from `file` (a `resources:` entry of `k`).
    func loaded(_ resources: [Resource], file: String, kustomization k: Kustomization, root: String) {}

    /// Resources a generator of `k` made or changed.
    func generated(_ resources: [Resource], kustomization k: Kustomization, root: String) {}

    /// Wraps a transformer so the resources it changes can be annotated.
    func wrap(_ t: Transformer, kustomization k: Kustomization, root: String) -> Transformer { t }

    /// After the whole build, before sorting: write or strip the annotations and labels.
    func finish(_ resources: ResourceMap, root k: Kustomization) throws {
        if options.enableManagedByLabel {
            throw BuildError("--enable-managedby-label is not supported yet by sts-kustomize")
        }
    }
}
