/// What the top-level kustomization's `buildMetadata:` asks for.
///
/// Only the kustomization being built counts: kustomize gives every base and component its
/// parent's list, so theirs are ignored. Any non-empty list, even one holding only
/// `managedByLabel` or a value kustomize does not know (v5.5.0 accepts those silently),
/// turns origin tracking on; what is not asked for is stripped at the end.
struct BuildMetadataMode {
    static let originAnnotationsOption = "originAnnotations"
    static let transformerAnnotationsOption = "transformerAnnotations"
    static let managedByLabelOption = "managedByLabel"

    /// Resources carry origins and transformations while the build runs.
    var tracks: Bool
    /// `config.kubernetes.io/origin` is kept in the output.
    var originAnnotations: Bool
    /// `alpha.config.kubernetes.io/transformations` is kept in the output.
    var transformerAnnotations: Bool
    /// `app.kubernetes.io/managed-by` is added.
    var managedByLabel: Bool

    init(_ list: [String]) {
        tracks = !list.isEmpty
        originAnnotations = list.contains(Self.originAnnotationsOption)
        transformerAnnotations = list.contains(Self.transformerAnnotationsOption)
        managedByLabel = list.contains(Self.managedByLabelOption)
    }
}

/// The annotation keys kustomize writes (api/konfig, api/internal/utils).
enum BuildMetadataKeys {
    static let origin = "config.kubernetes.io/origin"
    static let transformations = "alpha.config.kubernetes.io/transformations"
}
