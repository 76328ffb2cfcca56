import Manifests
import YAML

/// What a generated ConfigMap or Secret should do when its ID is already in the build.
enum GenerationBehavior: String {
    case create, merge, replace
    /// Anything else kustomize accepts silently and treats like `create` when nothing matches.
    case unspecified = ""

    init(parsing text: String) {
        self = GenerationBehavior(rawValue: text) ?? .unspecified
    }
}

/// One entry of `configMapGenerator:` or `secretGenerator:`, decoded strictly.
struct GeneratorArgs {
    enum Kind: String {
        case configMap = "ConfigMap"
        case secret = "Secret"

        var fieldName: String { self == .configMap ? "configMapGenerator" : "secretGenerator" }
    }

    var kind: Kind
    var name: String
    var namespace: String
    var behavior: GenerationBehavior
    var sources: KVSources
    /// The entry's own `options:`, nil when absent (kustomize distinguishes the two only
    /// when merging the kustomization-wide options in, where absent means "none").
    var options: GeneratorOptions?
    /// `type:` of a Secret; empty means Opaque.
    var secretType: String
    /// Where the entry is written, for error messages.
    var file: String
    var mark: Mark

    static func decode(_ node: Node, kind: Kind, file: String) throws -> GeneratorArgs {
        let context = "\(kind.fieldName) entry"
        var d = try StrictDecoder(node, file: file, context: context)
        let namespace = try d.string("namespace") ?? ""
        let name = try d.string("name") ?? ""
        let behavior = GenerationBehavior(parsing: try d.string("behavior") ?? "")
        let literals = try strictStringList(&d, "literals", file: file, context: context)
        let files = try strictStringList(&d, "files", file: file, context: context)
        var envs = try strictStringList(&d, "envs", file: file, context: context)
        // The singular, deprecated `env:` is appended after `envs:` (kustomize's FixKustomization).
        if let env = try d.string("env"), !env.isEmpty { envs.append(env) }
        var options: GeneratorOptions?
        if let optionsNode = try d.optional("options") {
            options = try GeneratorOptions.decode(optionsNode, file: file, context: "\(context) options")
        }
        var secretType = ""
        if kind == .secret { secretType = try d.string("type") ?? "" }
        try d.finish()
        return GeneratorArgs(
            kind: kind, name: name, namespace: namespace, behavior: behavior,
            sources: KVSources(literals: literals, files: files, envs: envs),
            options: options, secretType: secretType, file: file, mark: node.mark)
    }

    /// A list whose items must be strings: Go's JSON decoding rejects numbers and booleans
    /// for a `[]string` and leaves nulls empty.
    private static func strictStringList(_ d: inout StrictDecoder, _ key: String, file: String, context: String) throws -> [String] {
        guard let items = try d.list(key) else { return [] }
        return try items.map { item in
            guard case .scalar(let s) = item else {
                throw BuildError("\(context): '\(key)' must be a list of strings", file: file, mark: item.mark)
            }
            switch s.tag {
            case .string, .timestamp: return s.value
            case .null: return ""
            case .int, .float, .bool:
                throw BuildError("\(context): item '\(s.value)' of '\(key)' must be a string (quote it)", file: file, mark: item.mark)
            }
        }
    }

    func error(_ message: String) -> BuildError {
        let what = name.isEmpty ? kind.fieldName : "\(kind.fieldName) '\(name)'"
        return BuildError("\(what): \(message)", file: file, mark: mark)
    }
}
