import Manifests
import YAML

/// kustomize rewrites every resource's non-empty annotations at the end of a build (removing its
/// build annotations with `SetAnnotations`, which writes keys untagged) and then reads the
/// resource through JSON. A key that go-yaml v3 reads as something other than a string there
/// (`"1"`, `"true"`, `"null"`, `"0x1F"`, a date, the empty key) makes that map unencodable:
/// kustomize fails with `json: unsupported type: map[interface {}]interface {}`.
enum AnnotationKeyCheck {
    static func check(_ r: Resource) throws {
        guard let annotations = r.metadata?.mapping("annotations"), !annotations.entries.isEmpty else { return }
        for entry in annotations.entries where ScalarResolver.resolveInput(entry.key.value) != .string {
            throw BuildError("annotation key \"\(entry.key.value)\" of \(r.id) is not a string once kustomize rewrites the annotations "
                             + "(json: unsupported type: map[interface {}]interface {})", file: r.origin, mark: entry.key.mark)
        }
    }
}
