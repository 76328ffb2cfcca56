import KubeModel
import Manifests
import YAML

/// A `patches:` entry as `edit add patch` / `remove patch` take it (`--path` or `--patch`, and
/// the target flags).
public struct PatchEntry: Sendable, Equatable {
    public var path = ""
    public var patch = ""
    public var group = "", version = "", kind = "", name = "", namespace = ""
    public var labelSelector = "", annotationSelector = ""

    public init(path: String = "", patch: String = "", group: String = "", version: String = "", kind: String = "",
                name: String = "", namespace: String = "", labelSelector: String = "", annotationSelector: String = "") {
        self.path = path
        self.patch = patch
        self.group = group
        self.version = version
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.annotationSelector = annotationSelector
    }

    var targetFields: [(String, String)] {
        [("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace),
         ("labelSelector", labelSelector), ("annotationSelector", annotationSelector)].filter { !$0.1.isEmpty }
    }

    var node: Node {
        let m = Mapping()
        if !path.isEmpty { m["path"] = .string(path) }
        if !patch.isEmpty { m["patch"] = .string(patch) }
        if !targetFields.isEmpty { m["target"] = .mapping(KustomizationEdit.mapping(targetFields)) }
        return .mapping(m)
    }

    /// kustomize's `Patch.Equals` against an entry of the file (an entry with options never
    /// equals one from the command line).
    func equals(_ node: Node) -> Bool {
        guard let m = node.asMapping, m["options"] == nil else { return false }
        guard (m.string("path") ?? "") == path, (m.string("patch") ?? "") == patch else { return false }
        let target = m.mapping("target")
        for (key, value) in [("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace),
                             ("labelSelector", labelSelector), ("annotationSelector", annotationSelector)]
            where (target?.string(key) ?? "") != value { return false }
        return true
    }

    /// Go's `%#v` of a `types.Patch`, as kustomize's notices print it.
    var goDescription: String {
        let target = targetFields.isEmpty ? "(*types.Selector)(nil)"
            : "&types.Selector{ResId:resid.ResId{Gvk:resid.Gvk{Group:\"\(group)\", Version:\"\(version)\", Kind:\"\(kind)\", isClusterScoped:false}, "
              + "Name:\"\(name)\", Namespace:\"\(namespace)\"}, AnnotationSelector:\"\(annotationSelector)\", LabelSelector:\"\(labelSelector)\"}"
        return "types.Patch{Path:\"\(path)\", Patch:\"\(patch)\", Target:\(target), Options:map[string]bool(nil)}"
    }
}

extension KustomizationEdit {
    static let buildMetadataOptions = ["originAnnotations", "transformerAnnotations", "managedByLabel"]

    func validateMore() throws {
        switch self {
        case .addPatch(let p), .removePatch(let p):
            if !p.patch.isEmpty && !p.path.isEmpty { throw EditError("patch and path can't be set at the same time") }
            if case .addPatch = self, p.patch.isEmpty && p.path.isEmpty { throw EditError("must provide either patch or path") }
        case .setLabel(let args):
            if args.isEmpty { throw EditError("must specify label") }
            _ = try Self.pairs(args, kind: "label")
        case .setAnnotation(let args):
            if args.isEmpty { throw EditError("must specify annotation") }
            for (key, _) in try Self.pairs(args, kind: "annotation") where !Self.isValidAnnotationKey(key) {
                throw EditError("invalid annotation key: see the syntax and character set rules at https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/")
            }
        case .removeLabel(let args, _), .removeAnnotation(let args, _):
            // kustomize's `remove annotation` says "label" in these messages too.
            if args.isEmpty { throw EditError("must specify label") }
            if args.count > 1 { throw EditError("labels must be comma-separated, with no spaces") }
            if args[0].split(separator: ",", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                throw EditError("invalid label: '' (name is empty)")
            }
        case .addBase(let args):
            if args.count != 1 { throw EditError("must specify a base directory") }
        case .addTransformer(let args), .removeTransformer(let args):
            if args.isEmpty {
                if case .removeTransformer = self { throw EditError("must specify a transformer file") }
                throw EditError("must specify a yaml file which contains a transformer plugin resource")
            }
        case .addGenerator(let args):
            if args.isEmpty { throw EditError("must specify a yaml file which contains a generator plugin resource") }
        case .setBuildMetadata(let args), .addBuildMetadata(let args), .removeBuildMetadata(let args):
            _ = try Self.buildMetadata(args)
        case .addConfigMap(let flags), .addSecret(let flags):
            do { try flags.validate() } catch let e as EditError { throw EditError("failed to validate flags: \(e.message)") }
        case .setConfigMap(let flags, let newNamespace), .setSecret(let flags, let newNamespace):
            if flags.name.count != 1 { throw EditError("failed to validate flags: name must be specified once") }
            if flags.literals.isEmpty && newNamespace.isEmpty {
                throw EditError("failed to validate flags: at least one of [--from-literal, --new-namespace] must be specified")
            }
        case .removeConfigMap(let names, _), .removeSecret(let names, _):
            let what = { if case .removeSecret = self { return "secret" }; return "configmap" }()
            if names.isEmpty { throw EditError("at least one \(what) name must be specified") }
            if names.count > 1 {
                throw EditError("too many arguments: [\(names.joined(separator: " "))]; to provide multiple \(what)s to remove, please separate \(what) names by commas")
            }
        default:
            break
        }
    }

    func applyMore(to file: inout KustomizationFile, directory: String, fileSystem: any FileSystem) throws -> Outcome {
        var outcome = Outcome()
        switch self {
        case .addPatch(let p):
            if let existing = file.sequence("patches").first(where: p.equals) {
                _ = existing
                outcome.messages = ["patch \(p.goDescription) already in kustomization file"]
                outcome.write = false
            } else {
                file.append([p.node], to: "patches")
            }
        case .removePatch(let p):
            let entries = file.sequence("patches")
            let kept = entries.filter { !p.equals($0) }
            if kept.count == entries.count {
                outcome.messages = ["patch \(p.patch) doesn't exist in kustomization file"]
                outcome.write = false
            } else {
                file.set("patches", .sequence(Sequence(kept)))
            }
        case .setLabel(let args):
            file.set("commonLabels", .mapping(Self.overwriting(try Self.pairs(args, kind: "label"), into: file.mapping("commonLabels"))))
        case .setAnnotation(let args):
            file.set("commonAnnotations", .mapping(Self.overwriting(try Self.pairs(args, kind: "annotation"), into: file.mapping("commonAnnotations"))))
        case .removeLabel(let args, let ignore):
            try remove(keys: args[0], from: "commonLabels", kind: "label", ignoreMissing: ignore, in: &file)
        case .removeAnnotation(let args, let ignore):
            try remove(keys: args[0], from: "commonAnnotations", kind: "annotation", ignoreMissing: ignore, in: &file)
        case .addBase(let args):
            let existing = file.sequence("resources").compactMap(\.stringValue)
            for path in args[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                if fileSystem.type(of: PathName.join(directory, path)) == .missing { throw EditError(path + " does not exist") }
                if existing.contains(path) { throw EditError("base \(path) already in kustomization file") }
                file.append([.string(path)], to: "resources")
            }
        case .addTransformer(let patterns), .addGenerator(let patterns):
            let (key, what) = { if case .addTransformer = self { return ("transformers", "transformer") }; return ("generators", "generator") }()
            var paths: [String] = []
            for pattern in patterns {
                let matches = try ResourceGlob.glob(pattern, in: directory, fileSystem: fileSystem)
                if matches.isEmpty { outcome.messages.append("\(pattern) has no match") }
                paths += matches
            }
            if paths.isEmpty { outcome.write = false } else { outcome.messages += add(paths, to: key, what: what, in: &file) }
        case .removeTransformer(let patterns):
            let entries = file.sequence("transformers")
            let kept = try entries.filter { entry in try !patterns.contains { try ResourceGlob.matches($0, entry.stringValue ?? "") } }
            if kept.count == entries.count { outcome.write = false } else { file.set("transformers", .sequence(Sequence(kept))) }
        case .setBuildMetadata(let args):
            file.set("buildMetadata", .sequence(Sequence(try Self.buildMetadata(args).map { .string($0) })))
        case .addBuildMetadata(let args):
            var options = file.sequence("buildMetadata").compactMap(\.stringValue)
            for option in try Self.buildMetadata(args) {
                if options.contains(option) { throw EditError("buildMetadata option \(option) already in kustomization file") }
                options.append(option)
            }
            file.set("buildMetadata", .sequence(Sequence(options.map { .string($0) })))
        case .fix(let vars):
            try file.fix(directory: directory, fileSystem: fileSystem)
            if vars {
                var conversion = VarsToReplacements(directory: directory, fileSystem: fileSystem)
                try conversion.convert(&file)
                outcome.otherFiles = conversion.changed.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) }
            }
        case .setConfigMap(let flags, let newNamespace):
            try setGenerator(flags, newNamespace: newNamespace, secret: false, in: &file)
        case .setSecret(let flags, let newNamespace):
            try setGenerator(flags, newNamespace: newNamespace, secret: true, in: &file)
        case .removeConfigMap(let names, let namespace):
            outcome.messages = try removeGenerators(names[0], namespace: namespace, secret: false, in: &file)
        case .removeSecret(let names, let namespace):
            outcome.messages = try removeGenerators(names[0], namespace: namespace, secret: true, in: &file)
        case .addConfigMap(let flags):
            outcome.messages = try addGenerator(flags, secret: false, in: &file, directory: directory, fileSystem: fileSystem)
        case .addSecret(let flags):
            outcome.messages = try addGenerator(flags, secret: true, in: &file, directory: directory, fileSystem: fileSystem)
        case .removeBuildMetadata(let args):
            let remove = Set(try Self.buildMetadata(args))
            file.set("buildMetadata", .sequence(Sequence(file.sequence("buildMetadata").filter { !remove.contains($0.stringValue ?? "") })))
        default:
            break
        }
        return outcome
    }

    private func remove(keys list: String, from key: String, kind: String, ignoreMissing: Bool, in file: inout KustomizationFile) throws {
        guard let existing = file.fields[key]?.asMapping else {
            if ignoreMissing { return }
            throw EditError("\(key) is not defined in kustomization file")
        }
        let m = existing.deepCopy()
        for k in list.split(separator: ",").map(String.init) {
            if m[k] == nil {
                if ignoreMissing { continue }
                throw EditError("\(kind) \(k) is not defined in kustomization file")
            }
            _ = m.removeValue(forKey: k)
        }
        file.set(key, .mapping(m))
    }

    private static func overwriting(_ pairs: [(String, String)], into existing: Mapping) -> Mapping {
        let m = existing.deepCopy()
        for (k, v) in pairs { m[k] = .string(v) }
        return m
    }

    /// `util.BuildMetadataValidator`: one comma-separated argument of known options.
    static func buildMetadata(_ args: [String]) throws -> [String] {
        if args.isEmpty { throw EditError("must specify a buildMetadata option") }
        if args.count > 1 {
            throw EditError("too many arguments: [\(args.joined(separator: " "))]; to provide multiple buildMetadata options, please separate options by comma")
        }
        let options = args[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for option in options where !buildMetadataOptions.contains(option) {
            throw EditError("invalid buildMetadata option: \(option)")
        }
        return options
    }

    /// kustomize's annotation key check (`IsValidKey`).
    static func isValidAnnotationKey(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.last else { return false }
        func ok(_ s: Substring, maxMiddle: Int, extra: Set<Character>) -> Bool {
            guard let first = s.first, let last = s.last, s.count <= maxMiddle + 2 else { return false }
            let alnum: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber) }
            return alnum(first) && alnum(last) && s.allSatisfy { alnum($0) || extra.contains($0) }
        }
        if parts.count == 2 {
            let prefix = parts[0]
            guard let first = prefix.first, first.isASCII, first.isLetter, ok(prefix, maxMiddle: 251, extra: ["-", "."]) else { return false }
        }
        return ok(name, maxMiddle: 61, extra: ["-", "_", "."])
    }
}
