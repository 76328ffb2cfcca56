import KubeModel
import Manifests
import YAML

/// `edit add configmap NAME` / `edit add secret NAME`: the sources and options of one
/// generator entry (kustomize's ConfigMapSecretFlagsAndArgs).
public struct GeneratorFlags: Sendable, Equatable {
    public var name: [String]
    public var literals: [String] = []
    public var files: [String] = []
    public var envFile = ""
    public var behavior = ""
    public var namespace = ""
    public var disableNameSuffixHash = false
    /// Secrets only: the type of a new entry.
    public var type = "Opaque"

    public init(name: [String], literals: [String] = [], files: [String] = [], envFile: String = "", behavior: String = "",
                namespace: String = "", disableNameSuffixHash: Bool = false, type: String = "Opaque") {
        self.name = name
        self.literals = literals
        self.files = files
        self.envFile = envFile
        self.behavior = behavior
        self.namespace = namespace
        self.disableNameSuffixHash = disableNameSuffixHash
        self.type = type
    }

    func validate() throws {
        if name.count != 1 { throw EditError("name must be specified once") }
        if envFile.isEmpty && files.isEmpty && literals.isEmpty {
            throw EditError("at least from-env-file, or from-file or from-literal must be set")
        }
        if !envFile.isEmpty && (!files.isEmpty || !literals.isEmpty) {
            throw EditError("from-env-file cannot be combined with from-file or from-literal")
        }
        if !behavior.isEmpty && !["create", "merge", "replace"].contains(behavior) {
            throw EditError("invalid behavior: must be one of \"create\", \"merge\", or \"replace\"")
        }
    }
}

extension KustomizationEdit {
    /// Adds the sources to the entry of that name (an empty namespace and `default` are the
    /// same) or to a new one, as kustomize's `addConfigMap`/`addSecret` do, then checks that the
    /// entry can be generated: literals are `key=value`, files exist, keys do not repeat.
    func addGenerator(_ flags: GeneratorFlags, secret: Bool, in file: inout KustomizationFile,
                      directory: String, fileSystem: any FileSystem) throws -> [String] {
        let what = secret ? "secret" : "configmap"
        let field = secret ? "secretGenerator" : "configMapGenerator"
        let wrap = { (message: String) in EditError("failed to create \(what): \(message)") }
        var messages: [String] = []
        // --from-file: `key=glob` must catch one file; a bare glob adds every match.
        var files: [String] = []
        for source in flags.files {
            let parts = source.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            let (key, pattern) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts[0])
            let matches = try ResourceGlob.glob(pattern, in: directory, fileSystem: fileSystem)
            if matches.isEmpty { messages.append("\(pattern) has no match") }
            if !key.isEmpty {
                guard matches.count == 1 else {
                    throw EditError("failed to expand file source: 'pattern '\(source)' catches files [\(matches.joined(separator: " "))], should catch only one")
                }
                files.append("\(key)=\(matches[0])")
            } else {
                files += matches
            }
        }
        var entries = file.sequence(field).map { $0.asMapping?.deepCopy() ?? Mapping() }
        let name = flags.name[0]
        let entry = entries.first { $0.string("name") == name && Self.sameNamespace($0.string("namespace") ?? "", flags.namespace) } ?? {
            let m = Mapping([MapEntry(key: .string("name"), value: .string(name))])
            if !flags.namespace.isEmpty { m["namespace"] = .string(flags.namespace) }
            if secret { m["type"] = .string(flags.type) }
            entries.append(m)
            return m
        }()
        func appendStrings(_ key: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            let seq = entry.sequence(key) ?? Sequence()
            seq.items += values.map { .string($0) }
            entry[key] = .sequence(seq)
        }
        appendStrings("literals", flags.literals)
        appendStrings("files", files)
        if !flags.envFile.isEmpty { appendStrings("envs", [flags.envFile]) }
        if flags.disableNameSuffixHash {
            entry["options"] = .mapping(Mapping([MapEntry(key: .string("disableNameSuffixHash"), value: .scalar(Scalar("true", tag: .bool)))]))
        }
        if !flags.behavior.isEmpty { entry["behavior"] = .string(flags.behavior) }
        Self.mergeGlobalOptions(file.fields["generatorOptions"]?.asMapping, into: entry)
        // The check kustomize makes by generating the object.
        var keys = Set<String>()
        for literal in entry.sequence("literals")?.items.compactMap(\.stringValue) ?? [] {
            guard let eq = literal.firstIndex(of: "="), eq != literal.startIndex else {
                throw wrap("invalid literal source \(literal), expected key=value")
            }
            let key = String(literal[..<eq])
            if !keys.insert(key).inserted { throw wrap("\(what) \(name) illegally repeats the key `\(key)`") }
        }
        for source in entry.sequence("files")?.items.compactMap(\.stringValue) ?? [] {
            let path = source.split(separator: "=", maxSplits: 1).last.map(String.init) ?? source
            if fileSystem.type(of: PathName.join(directory, path)) != .file {
                throw wrap("evalsymlink failure on '\(PathName.join(directory, path))' : lstat \(PathName.join(directory, path)): no such file or directory")
            }
        }
        file.set(field, .sequence(Sequence(entries.map { .mapping($0) })))
        return messages
    }

    /// `edit set configmap|secret`: new values for keys the entry's literals already have
    /// (their order is kept; kustomize rebuilds them in map order), and a new namespace.
    func setGenerator(_ flags: GeneratorFlags, newNamespace: String, secret: Bool, in file: inout KustomizationFile) throws {
        let what = secret ? "secret" : "configmap"
        let kind = secret ? "Secret" : "ConfigMap"
        let field = secret ? "secretGenerator" : "configMapGenerator"
        let name = flags.name[0]
        let entries = file.sequence(field).map { $0.asMapping?.deepCopy() ?? Mapping() }
        guard let entry = entries.first(where: { $0.string("name") == name && Self.sameNamespace($0.string("namespace") ?? "", flags.namespace) }) else {
            throw EditError("failed to create \(what): could not set new \(kind) value: unable to find \(kind) with name \"\(name)\"")
        }
        func split(_ literal: String) throws -> (String, String) {
            let parts = literal.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw EditError("failed to create \(what): failed to update literal sources: failed to update resource: "
                    + "invalid format: literal values must be specified in the key=value format")
            }
            return (String(parts[0]), String(parts[1]))
        }
        if !flags.literals.isEmpty {
            var pairs = try (entry.sequence("literals")?.items.compactMap(\.stringValue) ?? []).map(split)
            for literal in flags.literals {
                let (key, value) = try split(literal)
                guard let i = pairs.firstIndex(where: { $0.0 == key }) else {
                    throw EditError("failed to create \(what): failed to update literal sources: key '\(key)' not found in resource")
                }
                pairs[i].1 = value
            }
            entry["literals"] = .sequence(Sequence(pairs.map { .string("\($0.0)=\($0.1)") }))
        }
        if !newNamespace.isEmpty { entry["namespace"] = .string(newNamespace) }
        Self.mergeGlobalOptions(file.fields["generatorOptions"]?.asMapping, into: entry)
        file.set(field, .sequence(Sequence(entries.map { .mapping($0) })))
    }

    /// `edit remove configmap|secret NAMES`: every entry with one of the names in the namespace.
    func removeGenerators(_ list: String, namespace: String, secret: Bool, in file: inout KustomizationFile) throws -> [String] {
        let what = secret ? "secret" : "configmap"
        let field = secret ? "secretGenerator" : "configMapGenerator"
        let names = list.split(separator: ",").map(String.init)
        let entries = file.sequence(field)
        var removed = Set<String>()
        let kept = entries.filter { node in
            guard let m = node.asMapping, let name = m.string("name"), names.contains(name),
                  Self.sameNamespace(m.string("namespace") ?? "", namespace) else { return true }
            removed.insert(name)
            return false
        }
        if removed.isEmpty { throw EditError("no specified \(what)(s) were found in the kustomization.yaml file") }
        file.set(field, .sequence(Sequence(kept)))
        return names.filter { !removed.contains($0) }.map { "\(what) \($0) doesn't exist in kustomization file" }
    }

    static func sameNamespace(_ a: String, _ b: String) -> Bool {
        (a.isEmpty ? "default" : a) == (b.isEmpty ? "default" : b)
    }

    /// kustomize's `MergeGlobalOptionsIntoLocal`, which it applies to the entry it writes.
    static func mergeGlobalOptions(_ global: Mapping?, into entry: Mapping) {
        guard let global, !global.entries.isEmpty else { return }
        let options = entry.mapping("options")?.deepCopy() ?? Mapping()
        for key in ["labels", "annotations"] {
            guard let g = global.mapping(key), !g.entries.isEmpty else { continue }
            let local = options.mapping(key)?.deepCopy() ?? Mapping()
            for e in g.entries where local[e.key.value] == nil { local[e.key.value] = e.value }
            options[key] = .mapping(local)
        }
        for key in ["disableNameSuffixHash", "immutable"] where global[key]?.asScalar?.boolValue == true {
            options[key] = .scalar(Scalar("true", tag: .bool))
        }
        if !options.entries.isEmpty { entry["options"] = .mapping(options) }
    }
}
