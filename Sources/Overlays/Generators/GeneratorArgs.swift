import KubeModel
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

    /// An entry of a kustomization's `configMapGenerator:` or `secretGenerator:`: unknown
    /// fields are errors, and the deprecated `env:` is appended to `envs:` (kustomize's
    /// FixKustomization).
    static func decode(_ node: Node, kind: Kind, file: String) throws -> GeneratorArgs {
        var d = try StrictDecoder(node, file: file, context: "\(kind.fieldName) entry")
        var args = try decodeFields(&d, kind: kind, file: file, mark: node.mark, strict: true)
        if let env = try d.string("env"), !env.isEmpty { args.sources.envs.append(env) }
        try d.finish()
        return args
    }

    /// The config of a builtin generator plugin listed in `generators:` (`apiVersion: builtin`,
    /// `kind: ConfigMapGenerator` or `SecretGenerator`). kustomize reads it leniently:
    /// unknown fields (and `env:`) are ignored, though wrongly typed known fields still fail;
    /// `metadata.name` and `metadata.namespace` stand in for missing `name` and `namespace`.
    static func decodePluginConfig(_ config: Mapping, kind: Kind, file: String) throws -> GeneratorArgs {
        var d = try StrictDecoder(.mapping(config), file: file, context: "\(kind.rawValue) generator config")
        var args = try decodeFields(&d, kind: kind, file: file, mark: config.mark, strict: false)
        if let metadata = try d.optional("metadata") {
            var md = try StrictDecoder(metadata, file: file, context: "\(kind.rawValue) generator config metadata")
            if args.name.isEmpty { args.name = try md.string("name") ?? "" }
            if args.namespace.isEmpty { args.namespace = try md.string("namespace") ?? "" }
        }
        return args
    }

    /// The fields kustomize's ConfigMapArgs / SecretArgs share (and Secret's `type`).
    private static func decodeFields(_ d: inout StrictDecoder, kind: Kind, file: String, mark: Mark, strict: Bool) throws -> GeneratorArgs {
        let context = d.context
        let namespace = try d.string("namespace") ?? ""
        let name = try d.string("name") ?? ""
        let behavior = GenerationBehavior(parsing: try d.string("behavior") ?? "")
        let literals = try strictStringList(&d, "literals", file: file, context: context)
        let files = try strictStringList(&d, "files", file: file, context: context)
        let envs = try strictStringList(&d, "envs", file: file, context: context)
        var options: GeneratorOptions?
        if let optionsNode = try d.optional("options") {
            options = try GeneratorOptions.decode(optionsNode, file: file, context: "\(context) options", strict: strict)
        }
        var secretType = ""
        if kind == .secret { secretType = try d.string("type") ?? "" }
        return GeneratorArgs(
            kind: kind, name: name, namespace: namespace, behavior: behavior,
            sources: KVSources(literals: literals, files: files, envs: envs),
            options: options, secretType: secretType, file: file, mark: mark)
    }

    /// A list whose items must be strings: Go's JSON decoding rejects numbers and booleans
    /// for a `[]string` and leaves nulls empty.
    private static func strictStringList(_ d: inout StrictDecoder, _ key: String, file: String, context: String) throws -> [String] {
        guard let items = try d.list(key) else { return [] }
        return try items.map { item in
            guard case .scalar(let s) = item else {
                throw Diagnostic("\(context): '\(key)' must be a list of strings", file: file, mark: item.mark)
            }
            switch s.tag {
            case .string, .timestamp: return s.value
            case .null: return ""
            case .int, .float, .bool:
                throw Diagnostic("\(context): item '\(s.value)' of '\(key)' must be a string (quote it)", file: file, mark: item.mark)
            }
        }
    }

    func error(_ message: String) -> Diagnostic {
        let what = name.isEmpty ? kind.fieldName : "\(kind.fieldName) '\(name)'"
        return Diagnostic("\(what): \(message)", file: file, mark: mark)
    }
}
