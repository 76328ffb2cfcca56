import KubeModel
import Manifests
import YAML

/// kustomize rewrites every resource's non-empty annotations at the end of a build (removing
/// its build annotations with `SetAnnotations`) and then reads the resource through JSON:
/// - the keys are written untagged, so a key that go-yaml v3 reads as something other than a
///   string there (`"1"`, `"true"`, `"null"`, `"0x1F"`, a date, the empty key) makes the map
///   unencodable: kustomize fails with `json: unsupported type: map[interface {}]interface {}`;
/// - the values are new string nodes, so a folded value loses its style and with it go-yaml
///   v3's folding quirk (`Scalar.marshalledValue`);
/// - the map is made anew, keys sorted, as the last field of `metadata`, which decides the
///   document's last node (`Mapping.writeTrailingComment`).
enum FinalAnnotationRewrite {
    static func apply(to r: Resource) throws {
        guard let metadata = r.metadata, let at = metadata.index(of: "annotations"),
              case .mapping(let annotations) = metadata.entries[at].value, !annotations.entries.isEmpty else { return }
        metadata.entries.append(metadata.entries.remove(at: at))
        annotations.entries.sort { $0.key.value.utf8.lexicographicallyPrecedes($1.key.value.utf8) }
        annotations.unshareEntries()
        for i in annotations.entries.indices {
            let entry = annotations.entries[i]
            if !ScalarResolver.readsBackAsString(entry.key.value) {
                throw Diagnostic("annotation key \"\(entry.key.value)\" of \(r.id) is not a string once kustomize rewrites the annotations "
                                 + "(json: unsupported type: map[interface {}]interface {})", file: r.origin, mark: entry.key.mark)
            }
            if case .scalar(var s) = entry.value, s.style == .folded {
                s.style = .literal
                annotations.entries[i].value = .scalar(s)
            }
        }
    }
}
