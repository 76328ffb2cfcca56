import KubeModel
import Manifests
import YAML

/// The end of every kustomize build (krusty's Kustomizer.Run), metadata or not: origin and
/// transformation annotations are removed unless `buildMetadata` asks for them, and
/// `metadata.annotations` goes through kustomize's string map on the way:
///
/// - every value becomes the string of its text (`null` → "null", `~` → "~", an empty
///   value → ""), a nested list or map becomes "";
/// - once the annotations are written back (always, unless both kinds are kept), an empty
///   map, `null` or a non-map `annotations` is removed.
///
/// User-written `config.kubernetes.io/origin` and transformations annotations go too.
struct BuildAnnotationCleanup {
    var keepOrigin: Bool
    var keepTransformations: Bool

    func run(_ resources: ResourceMap) {
        let writesBack = !(keepOrigin && keepTransformations)
        for r in resources.resources {
            guard let metadata = r.metadata, let i = metadata.index(of: "annotations") else { continue }
            guard case .mapping(let annotations) = metadata.entries[i].value, !annotations.entries.isEmpty else {
                if writesBack { metadata.entries.remove(at: i) }
                continue
            }
            if !keepOrigin { annotations.removeValue(forKey: BuildMetadataKeys.origin) }
            if !keepTransformations { annotations.removeValue(forKey: BuildMetadataKeys.transformations) }
            if annotations.entries.isEmpty {
                metadata.entries.remove(at: i)
                continue
            }
            Self.stringify(annotations)
        }
    }

    /// Values as kustomize's `map[string]string` holds them, written back as new nodes: a
    /// value shared with another field (commonAnnotations on a pod template) keeps its type there.
    static func stringify(_ annotations: Mapping) {
        annotations.unshareEntries()
        for j in annotations.entries.indices {
            switch annotations.entries[j].value {
            case .scalar(let s):
                if s.tag != .string {
                    annotations.entries[j].value = .scalar(Scalar(s.value, tag: .string, mark: s.mark))
                }
            case .mapping, .sequence:
                annotations.entries[j].value = .string("")
            }
        }
    }
}
