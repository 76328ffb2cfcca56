import KubeModel
import Manifests
import YAML

/// `kustomize edit fix --vars` (kustomize/commands/edit/fix/convert.go): each var becomes a
/// replacement whose targets are the places `$(VAR)` appears in the resource and patch files
/// the kustomization uses, and those places get `VAR_PLACEHOLDER`.
struct VarsToReplacements {
    let directory: String
    let fileSystem: any FileSystem
    /// Files as they will be written, by path relative to `directory`.
    private(set) var changed: [String: String] = [:]
    /// Patch files and their entries: a var in a patch targets what the patch targets.
    private var patchEntries: [String: Mapping] = [:]

    init(directory: String, fileSystem: any FileSystem) {
        self.directory = directory
        self.fileSystem = fileSystem
    }

    mutating func convert(_ file: inout KustomizationFile) throws {
        let vars = file.sequence("vars")
        guard file.fields["vars"] != nil else { return }
        let files = filesTouched(resources: file.sequence("resources").compactMap(\.stringValue),
                                 patches: file.sequence("patches"), under: "")
        var replacements: [Node] = []
        for v in vars {
            guard let m = v.asMapping, let name = m.string("name") else { continue }
            var targets: [Node] = []
            for path in files {
                guard let text = read(path), let docs = try? YAMLParser().parse(text, file: path) else { continue }
                for doc in docs {
                    var found: [(path: String, options: Mapping?)] = []
                    try find(doc, varString: "$(\(name))", path: [], into: &found)
                    targets += try self.targets(in: path, doc: doc, found)
                }
            }
            let objref = m.mapping("objref")
            let (group, version) = Self.splitAPIVersion(objref?.string("apiVersion") ?? "")
            let source = Mapping()
            for (key, value) in [("group", group), ("version", version), ("kind", objref?.string("kind") ?? ""),
                                 ("name", objref?.string("name") ?? ""), ("namespace", objref?.string("namespace") ?? ""),
                                 ("fieldPath", m.mapping("fieldref")?.string("fieldPath") ?? m.mapping("fieldref")?.string("fieldpath") ?? "")]
                where !value.isEmpty { source[key] = .string(value) }
            var replacement = [MapEntry(key: .string("source"), value: .mapping(source))]
            if !targets.isEmpty { replacement.append(MapEntry(key: .string("targets"), value: .sequence(Sequence(targets)))) }
            replacements.append(.mapping(Mapping(replacement)))
            for path in files {
                guard let text = read(path), text.contains("$(\(name))") else { continue }
                changed[path] = text.replacing("$(\(name))", with: "\(name)_PLACEHOLDER")
            }
        }
        file.set("replacements", .sequence(Sequence(file.sequence("replacements") + replacements)))
        file.set("vars", nil)
    }

    private func read(_ path: String) -> String? {
        if let text = changed[path] { return text }
        guard fileSystem.type(of: PathName.join(directory, path)) == .file,
              let bytes = try? fileSystem.readBytes(PathName.join(directory, path)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// kustomize's `filesTouchedByKustomize`: each resource (and, for a directory with a
    /// kustomization, what that one touches, joined as kustomize joins it), then patch files.
    private mutating func filesTouched(resources: [String], patches: [Node], under prefix: String) -> [String] {
        var out: [String] = []
        for r in resources {
            let dir = PathName.join(directory, r)
            if fileSystem.type(of: dir) == .directory {
                for name in ManifestLoader.kustomizationFileNames {
                    guard let bytes = try? fileSystem.readBytes(PathName.join(dir, name)),
                          let doc = (try? YAMLParser().parse(bytes: bytes, file: name))?.first?.asMapping else { continue }
                    out += filesTouched(resources: (doc.sequence("resources")?.items ?? []).compactMap(\.stringValue),
                                        patches: doc.sequence("patches")?.items ?? [], under: r)
                }
            }
            out.append(Self.goJoin(prefix, r))
        }
        for p in patches {
            guard let m = p.asMapping, let path = m.string("path"), !path.isEmpty else { continue }
            let joined = Self.goJoin(prefix, path)
            out.append(joined)
            patchEntries[joined] = m
        }
        return out
    }

    private func find(_ node: Node, varString: String, path: [String], into found: inout [(path: String, options: Mapping?)]) throws {
        switch node {
        case .sequence(let s):
            for (i, item) in s.items.enumerated() { try find(item, varString: varString, path: path + [String(i)], into: &found) }
        case .mapping(let m):
            for e in m.entries {
                let key = e.key.value.trimmingSpaces()
                try find(e.value, varString: varString, path: path + [key.contains(".") ? "[\(key)]" : key], into: &found)
            }
        case .scalar(let s):
            guard s.value.contains(varString) else { return }
            found.append((path.joined(separator: "."), try Self.options(s.value, varString)))
        }
    }

    /// kustomize's `constructFieldOptions`: none when the value is the var; else the delimiter
    /// around it and its index among the parts.
    static func options(_ value: String, _ varString: String) throws -> Mapping? {
        if value == varString { return nil }
        let v = Array(value.utf8), s = Array(varString.utf8)
        guard let i = (0...(v.count - s.count)).first(where: { Array(v[$0..<($0 + s.count)]) == s }) else { return nil }
        let delimiter: String
        let index: Int
        if i == 0 {
            delimiter = String(decoding: [v[s.count]], as: UTF8.self)
            index = 0
        } else if i + s.count >= v.count {
            delimiter = String(decoding: [v[i - 1]], as: UTF8.self)
            index = value.split(separator: delimiter, omittingEmptySubsequences: false).count - 1
        } else {
            let pre = String(decoding: [v[i - 1]], as: UTF8.self), post = String(decoding: [v[i + s.count]], as: UTF8.self)
            if pre != post { throw EditError("cannot convert all vars to replacements; \(varString) is not delimited") }
            delimiter = pre
            guard let at = value.split(separator: delimiter, omittingEmptySubsequences: false).firstIndex(of: Substring(varString)) else {
                throw EditError("internal error: could not get index of var \(varString)")
            }
            index = at
        }
        let m = Mapping([MapEntry(key: .string("delimiter"), value: .string(delimiter))])
        if index != 0 { m["index"] = .scalar(Scalar(String(index), tag: .int)) }
        return m
    }

    private func targets(in file: String, doc: Node, _ found: [(path: String, options: Mapping?)]) throws -> [Node] {
        guard let object = doc.asMapping else { return [] }
        let metadata = object.mapping("metadata")
        return found.map { hit in
            let select: Mapping
            if let patch = patchEntries[file], let options = patch.mapping("options"),
               options["allowNameChange"]?.asScalar?.boolValue == true && options["allowKindChange"]?.asScalar?.boolValue == true {
                select = Self.select(object, metadata)
            } else if let patch = patchEntries[file] {
                // kustomize's writePatchTargets: the patch's target, with what the patch may change.
                select = patch.mapping("target")?.deepCopy() ?? Mapping()
                let options = patch.mapping("options")
                if options?["allowNameChange"]?.asScalar?.boolValue == true, let name = metadata?.string("name") { select["name"] = .string(name) }
                if options?["allowKindChange"]?.asScalar?.boolValue == true, let kind = object.string("kind") { select["kind"] = .string(kind) }
                if let ns = metadata?.string("namespace"), !ns.isEmpty { select["namespace"] = .string(ns) }
            } else {
                select = Self.select(object, metadata)
            }
            var entry = [MapEntry(key: .string("select"), value: .mapping(select)),
                         MapEntry(key: .string("fieldPaths"), value: .sequence(Sequence([.string(hit.path)])))]
            if let options = hit.options { entry.append(MapEntry(key: .string("options"), value: .mapping(options))) }
            return .mapping(Mapping(entry))
        }
    }

    private static func select(_ object: Mapping, _ metadata: Mapping?) -> Mapping {
        let (group, version) = splitAPIVersion(object.string("apiVersion") ?? "")
        let m = Mapping()
        for (key, value) in [("group", group), ("version", version), ("kind", object.string("kind") ?? ""),
                             ("name", metadata?.string("name") ?? ""), ("namespace", metadata?.string("namespace") ?? "")]
            where !value.isEmpty { m[key] = .string(value) }
        return m
    }

    /// resid.ParseGroupVersion: `apps/v1` → (apps, v1); `v1` → ("", v1).
    static func splitAPIVersion(_ apiVersion: String) -> (String, String) {
        guard let slash = apiVersion.firstIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }

    /// Go's `path.Join(prefix, p)` (cleaned; "" prefix leaves `p` cleaned).
    static func goJoin(_ prefix: String, _ p: String) -> String {
        prefix.isEmpty ? PathName.normalize(p) : PathName.normalize(prefix + "/" + p)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
