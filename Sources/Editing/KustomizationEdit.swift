import KubeModel
import Manifests
import YAML

/// One `edit` verb with its arguments, applied as kustomize v5.5.0 applies it
/// (kustomize/commands/edit/**), plus our `set storage`.
public enum KustomizationEdit: Sendable {
    case setImage([String])
    case setReplicas([String])
    case setNamespace(String)
    case setNamePrefix(String)
    case setNameSuffix(String)
    case addResource([String], noVerify: Bool)
    case addComponent([String])
    case removeResource([String])
    case addLabel([String], force: Bool, withoutSelector: Bool, includeTemplates: Bool)
    case addAnnotation([String], force: Bool)
    /// `NAME[/CLAIM]=SIZE`, with an optional storage class (sts-kustomize only).
    case setStorage([String], storageClass: String?)
    case addPatch(PatchEntry)
    case removePatch(PatchEntry)
    case setLabel([String])
    case setAnnotation([String])
    case removeLabel([String], ignoreMissing: Bool)
    case removeAnnotation([String], ignoreMissing: Bool)
    case addBase([String])
    case addTransformer([String])
    case addGenerator([String])
    case removeTransformer([String])
    case setBuildMetadata([String])
    case addBuildMetadata([String])
    case removeBuildMetadata([String])
    case addConfigMap(GeneratorFlags)
    case addSecret(GeneratorFlags)
    /// `edit fix`; with `vars`, vars become replacements too.
    case fix(vars: Bool)
    case setConfigMap(GeneratorFlags, newNamespace: String)
    case setSecret(GeneratorFlags, newNamespace: String)
    /// Comma-separated names, in a namespace ("" is `default`).
    case removeConfigMap([String], namespace: String)
    case removeSecret([String], namespace: String)

    /// What an edit did besides changing the file: kustomize's log lines
    /// (`resource x already in kustomization file`), and whether to write at all.
    public struct Outcome: Sendable {
        public var messages: [String] = []
        public var write = true
        /// Other files the edit rewrites (`fix --vars` puts placeholders into resources), by
        /// path relative to the kustomization's directory.
        public var otherFiles: [(path: String, bytes: [UInt8])] = []
    }

    /// Checks the arguments before the file is read, as kustomize's `Validate` does.
    public func validate() throws {
        switch self {
        case .setImage(let args):
            if args.isEmpty { throw EditError("no image specified") }
            for a in args { _ = try ImageArgument(parsing: a) }
        case .setReplicas(let args):
            if args.isEmpty { throw EditError("no replicas specified") }
            for a in args { _ = try Self.replica(a) }
        case .addResource(let paths, _), .removeResource(let paths):
            if paths.isEmpty { throw EditError("must specify a resource file") }
        case .addComponent(let paths):
            if paths.isEmpty { throw EditError("must specify a component file") }
        case .addLabel(let pairs, _, let withoutSelector, let includeTemplates):
            if pairs.isEmpty { throw EditError("must specify label") }
            if !withoutSelector && includeTemplates {
                throw EditError("--without-selector flag must be specified for --include-templates to work")
            }
            _ = try Self.pairs(pairs, kind: "label")
        case .addAnnotation(let pairs, _):
            if pairs.isEmpty { throw EditError("must specify annotation") }
            _ = try Self.pairs(pairs, kind: "annotation")
        case .setStorage(let args, _):
            if args.isEmpty { throw EditError("must specify NAME[/CLAIM]=SIZE") }
            for a in args { _ = try StorageArgument(parsing: a) }
        case .setNamespace, .setNamePrefix, .setNameSuffix:
            break
        default:
            try validateMore()
        }
    }

    /// Applies the edit to `file`. `fileSystem` and `directory` serve the verbs that look at
    /// files (`add resource` expands globs there).
    public func apply(to file: inout KustomizationFile, directory: String, fileSystem: any FileSystem) throws -> Outcome {
        var outcome = Outcome()
        switch self {
        case .setImage(let args):
            try setImages(args, in: &file)
        case .setReplicas(let args):
            var byName: [String: Int64] = [:]
            for item in file.sequence("replicas") {
                guard let m = item.asMapping, let name = m.string("name") else { continue }
                byName[name] = Int64(m.string("count") ?? "0") ?? 0
            }
            for a in args {
                let r = try Self.replica(a)
                byName[r.name] = r.count
            }
            file.set("replicas", .sequence(Sequence(byName.keys.sorted(by: Self.goLess).map { name in
                .mapping(Mapping([MapEntry(key: .string("name"), value: .string(name)),
                                  MapEntry(key: .string("count"), value: .scalar(Scalar(String(byName[name]!), tag: .int)))]))
            })))
        case .setNamespace(let value):
            file.set("namespace", .string(value))
        case .setNamePrefix(let value):
            file.set("namePrefix", .string(value))
        case .setNameSuffix(let value):
            file.set("nameSuffix", .string(value))
        case .addResource(let patterns, let noVerify):
            let paths = noVerify ? patterns : try ResourceGlob.expand(patterns, in: directory, fileSystem: fileSystem)
            outcome.messages = add(paths, to: "resources", what: "resource", in: &file)
        case .addComponent(let patterns):
            let paths = try ResourceGlob.expand(patterns, in: directory, fileSystem: fileSystem)
            outcome.messages = add(paths, to: "components", what: "component", in: &file)
        case .removeResource(let patterns):
            let entries = file.sequence("resources")
            let kept = try entries.filter { entry in
                let text = entry.stringValue ?? ""
                return try !patterns.contains { try ResourceGlob.matches($0, text) }
            }
            if kept.count == entries.count { outcome.write = false } else { file.set("resources", .sequence(Sequence(kept))) }
        case .addLabel(let args, let force, let withoutSelector, let includeTemplates):
            let pairs = try Self.pairs(args, kind: "label")
            if withoutSelector {
                var entry: [MapEntry] = [MapEntry(key: .string("pairs"), value: .mapping(Self.mapping(pairs)))]
                if includeTemplates { entry.append(MapEntry(key: .string("includeTemplates"), value: .scalar(Scalar("true", tag: .bool)))) }
                file.append([.mapping(Mapping(entry))], to: "labels")
            } else {
                try file.set("commonLabels", .mapping(Self.merging(pairs, into: file.mapping("commonLabels"), force: force, kind: "label")))
            }
        case .addAnnotation(let args, let force):
            let pairs = try Self.pairs(args, kind: "annotation")
            try file.set("commonAnnotations", .mapping(Self.merging(pairs, into: file.mapping("commonAnnotations"), force: force, kind: "annotation")))
        case .setStorage(let args, let storageClass):
            try setStorage(args.map(StorageArgument.init(parsing:)), storageClass: storageClass, in: &file)
        default:
            outcome = try applyMore(to: &file, directory: directory, fileSystem: fileSystem)
        }
        return outcome
    }

    // MARK: images

    private func setImages(_ args: [String], in file: inout KustomizationFile) throws {
        var given: [String: ImageArgument] = [:]
        for a in args {
            let image = try ImageArgument(parsing: a)
            given[image.name] = image
        }
        var result: [String: Node] = [:]
        for item in file.sequence("images") {
            guard let m = item.asMapping, let name = m.string("name") else { continue }
            guard var arg = given[name] else {
                result[name] = item
                continue
            }
            // `*` keeps the file's value; using one rebuilds the entry (a tagSuffix is dropped).
            if arg.newName == "*" { arg.newName = m.string("newName") ?? "" }
            if arg.newTag == "*" { arg.newTag = m.string("newTag") ?? "" }
            if arg.digest == "*" { arg.digest = m.string("digest") ?? "" }
            given[name] = arg
        }
        for (name, arg) in given {
            var entry: [MapEntry] = [MapEntry(key: .string("name"), value: .string(name))]
            for (key, value) in [("newName", arg.newName), ("newTag", arg.newTag), ("digest", arg.digest)] where !value.isEmpty && value != "*" {
                entry.append(MapEntry(key: .string(key), value: .string(value)))
            }
            result[name] = .mapping(Mapping(entry))
        }
        file.set("images", .sequence(Sequence(result.keys.sorted(by: Self.goLess).map { result[$0]! })))
    }

    // MARK: lists

    func add(_ paths: [String], to key: String, what: String, in file: inout KustomizationFile) -> [String] {
        var messages: [String] = []
        var existing = file.sequence(key).compactMap(\.stringValue)
        let own = PathName.basename(file.path)
        for path in paths where path != own {
            if existing.contains(path) {
                messages.append("\(what) \(path) already in kustomization file")
                continue
            }
            existing.append(path)
            file.append([.string(path)], to: key)
        }
        return messages
    }

    // MARK: labels and annotations

    /// kustomize's `ConvertSliceToMap`: `key:value` (one pair per argument, no comma splitting),
    /// a value in double quotes loses them, `key` alone is an empty value.
    static func pairs(_ args: [String], kind: String) throws -> [(String, String)] {
        try args.map { arg in
            guard let colon = arg.firstIndex(of: ":") else { return (arg, "") }
            if colon == arg.startIndex {
                throw EditError("invalid \(kind): '\(arg)' (need k:v pair where v may be quoted)")
            }
            var value = String(arg[arg.index(after: colon)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return (String(arg[..<colon]), value)
        }
    }

    static func mapping(_ pairs: [(String, String)]) -> Mapping {
        let m = Mapping()
        for (k, v) in pairs { m[k] = .string(v) }
        return m
    }

    private static func merging(_ pairs: [(String, String)], into existing: Mapping, force: Bool, kind: String) throws -> Mapping {
        let m = existing.deepCopy()
        for (k, v) in pairs {
            if m[k] != nil && !force { throw EditError("\(kind) \(k) already in kustomization file") }
            m[k] = .string(v)
        }
        return m
    }

    // MARK: replicas

    static func replica(_ arg: String) throws -> (name: String, count: Int64) {
        let parts = arg.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int64(parts[1].hasPrefix("+") ? String(parts[1].dropFirst()) : String(parts[1])) else {
            throw EditError("invalid format of replica, use the following format: <name>=<count>")
        }
        return (String(parts[0]), count)
    }

    /// Go's string order (bytes), as `sort.Slice` on names.
    static func goLess(_ a: String, _ b: String) -> Bool {
        Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }
}
