import KubeModel
import Manifests

/// Runs a transformer, then records it on every resource of the build, as kustomize's
/// multiTransformer does after each builtin or plugin transformer: the record says the
/// transformer ran over the resource, not that it changed it.
struct TransformationRecorder: Transformer {
    let inner: Transformer
    /// One per builtin plugin kustomize would have configured (a `replicas:` list is one
    /// of our transformers but one kustomize plugin per entry).
    let origins: [RenderedOrigin]
    let annotator: OriginAnnotator

    func transform(_ resources: ResourceMap) throws {
        try inner.transform(resources)
        for origin in origins {
            for r in resources.resources {
                try annotator.recordTransformation(origin, on: r)
            }
        }
    }
}
