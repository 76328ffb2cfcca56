import KubeModel
import Manifests

/// `app.kubernetes.io/managed-by: kustomize-<version>` on every resource's
/// `metadata.labels`, for `--enable-managedby-label` or `buildMetadata: [managedByLabel]`.
/// The version is what the oracle (kustomize as built into kubectl) reports: `(devel)`.
enum ManagedByLabel {
    static let key = "app.kubernetes.io/managed-by"
    static let value = "kustomize-(devel)"

    static func apply(to resources: ResourceMap) throws {
        try KeyValueTransformer(pairs: [(key, value)], fieldSpecs: [FieldSpec(path: "metadata/labels", create: true)])
            .transform(resources)
    }
}
