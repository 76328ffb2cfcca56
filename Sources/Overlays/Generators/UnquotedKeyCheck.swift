import KubeModel
import Manifests
import YAML

/// kustomize writes the map keys of the objects it generates without a string tag, and its
/// output step reads the YAML back: a key that then resolves to a number, boolean, null or
/// timestamp (`0`, `1e3`, `true`, `~`, `2001-12-14`…) turns the map into one JSON cannot
/// encode, and `kubectl kustomize` fails ("json: unsupported type"). `<<` fails as a merge
/// key. We fail the same builds, at the entry that made the key.
enum UnquotedKeyCheck {
    static func check(_ generated: Resource, _ args: GeneratorArgs) throws {
        let metadata = generated.object.mapping("metadata")
        let maps: [(String, Mapping?)] = [
            ("data", generated.object.mapping("data")),
            ("binaryData", generated.object.mapping("binaryData")),
            ("metadata.labels", metadata?.mapping("labels")),
            ("metadata.annotations", metadata?.mapping("annotations")),
        ]
        for (field, map) in maps {
            for entry in map?.entries ?? [] where !ScalarResolver.readsBackAsString(entry.key.value) {
                throw args.error("key '\(entry.key.value)' in \(field) is not a string once written unquoted (kustomize's output fails on it); use another key")
            }
        }
    }
}
