import YAML

/// What makes kustomize fail when it reads a finished resource through JSON on its way out:
/// - a mapping key written plain that go-yaml v3 reads as a number, boolean, null or timestamp
///   (`1`, `true`, `~`, `2001-12-14`) makes a map JSON cannot encode (`json: unsupported type:
///   map[interface {}]interface {}`); keys written quoted stay strings, and the keys of fields
///   a strategic merge patch adds keep the patch's quotes;
/// - a scalar whose text a replacement changed but whose type it kept, when the text is not
///   of that type (`Scalar.decodingFailure`).
public enum OutputCheck {
    public static func check(_ resource: Resource) throws {
        var path: [String] = []
        switch firstProblem(in: .mapping(resource.object), path: &path) {
        case nil:
            return
        case .key(let key)?:
            throw Diagnostic("map key '\(key.value)' at \(path.joined(separator: ".")) in \(resource.id) is not a string when written plain "
                             + "(kustomize fails: json: unsupported type: map[interface {}]interface {}); quote it",
                             file: resource.origin, mark: key.mark)
        case .value(let message, let mark)?:
            throw Diagnostic("\(resource.id) at \(path.joined(separator: ".")): \(message)", file: resource.origin, mark: mark)
        }
    }

    private enum Problem {
        case key(Scalar)
        case value(String, Mark)
    }

    /// The first problem, depth first; `path` then holds the keys leading to it.
    private static func firstProblem(in node: Node, path: inout [String]) -> Problem? {
        switch node {
        case .scalar(let s):
            return s.decodingFailure.map { .value($0, s.mark) }
        case .mapping(let m):
            // by index: copying each entry (its key, value and sharing) costs more than the test
            let entries = m.entries
            for i in entries.indices {
                if entries[i].key.style == .plain, !ScalarResolver.readsBackAsString(entries[i].key.value) {
                    path.append(entries[i].key.value)
                    return .key(entries[i].key)
                }
                if case .scalar(let s) = entries[i].value, s.tag == .string, s.declaredTag == nil { continue }
                if let problem = firstProblem(in: entries[i].value, path: &path) {
                    path.insert(entries[i].key.value, at: 0)
                    return problem
                }
            }
            return nil
        case .sequence(let seq):
            for item in seq.items {
                if let problem = firstProblem(in: item, path: &path) { return problem }
            }
            return nil
        }
    }
}
