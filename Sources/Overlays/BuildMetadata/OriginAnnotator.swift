import KubeModel
import Manifests
import YAML

/// Writes origins and transformations into resources' annotations while the build runs,
/// as kustomize does: they travel with the object through merges, patches and generator
/// `behavior`s exactly as any other annotation, and are stripped at the end unless asked for.
final class OriginAnnotator {
    /// The transformations value last written on each resource: appending to it is then a
    /// concatenation; any other value is parsed and re-marshalled, as kustomize does.
    private var written: [ObjectIdentifier: String] = [:]

    func reset() {
        written.removeAll()
    }

    static func annotations(of r: Resource) -> Mapping {
        r.object.ensureMapping("metadata").ensureMapping("annotations")
    }

    static func hasOrigin(_ r: Resource) -> Bool {
        r.metadata?.mapping("annotations")?[BuildMetadataKeys.origin] != nil
    }

    /// Sets (or replaces) the origin annotation.
    func setOrigin(_ text: String, on r: Resource) {
        Self.annotations(of: r)[BuildMetadataKeys.origin] = .string(text)
    }

    /// kustomize's AddTransformerAnnotation for one resource: a resource with no origin is
    /// taken to have been made by the transformer (its origin becomes the transformer's);
    /// otherwise the transformer is appended to its transformations.
    func recordTransformation(_ t: RenderedOrigin, on r: Resource) throws {
        let annotations = Self.annotations(of: r)
        // kustomize sets the whole map again (SetAnnotations): every value is a node of its
        // own from then on, no longer shared with a label a transformer wrote with it
        annotations.unshareEntries()
        guard annotations[BuildMetadataKeys.origin] != nil else {
            annotations[BuildMetadataKeys.origin] = .string(t.annotation)
            return
        }
        let key = ObjectIdentifier(r)
        let updated: String
        switch annotations[BuildMetadataKeys.transformations] {
        case nil:
            updated = t.listItem
        case .scalar(let s) where s.tag != .null && written[key] == s.value:
            updated = s.value + t.listItem
        case let node?:
            let existing = node.asScalar.map { $0.tag == .null ? "" : $0.value } ?? ""
            let earlier = try Origin.parseList(existing)
            updated = (earlier.isEmpty ? "" : try Origin.listText(earlier)) + t.listItem
        }
        annotations[BuildMetadataKeys.transformations] = .string(updated)
        written[key] = updated
    }
}

/// An origin with its two annotation forms, rendered once and written on many resources.
struct RenderedOrigin {
    let origin: Origin
    /// As the origin annotation of a resource.
    let annotation: String
    /// As one item of a transformations list.
    let listItem: String

    init(_ origin: Origin) throws {
        self.origin = origin
        annotation = try origin.annotationText()
        listItem = try origin.listItemText()
    }
}
