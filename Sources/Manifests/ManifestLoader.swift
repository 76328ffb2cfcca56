import KubeModel
import YAML

/// Reads kustomizations and resource files from its file system, enforcing the load restrictor.
/// Parsed files are cached by real path, so a base shared by many overlays is read once.
public final class ManifestLoader {
    public static let kustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    public let restrictor: LoadRestrictor
    public let limits: ParseLimits
    /// Where every file of the build is read from.
    public let fileSystem: any FileSystem
    /// Parsed files shared with other builds in this process, when rendering many.
    public let sharedCache: SharedParseCache?
    /// Pristine trees of files read more than once (bases shared by several overlays).
    private var parsedFiles: [String: [Node]] = [:]
    /// Files read once so far: their trees went to the caller without a copy.
    private var readOnce: Set<String> = []
    /// realpath() costs a readlink per path component; roots are resolved again and again.
    private var realPaths: [String: String] = [:]
    /// Files parsed ahead, in parallel, by `prefetch`: each is handed out once, as parsed.
    private var prefetched: [String: Result<[Node], Error>] = [:]

    /// Parses many resource files at once on all cores (a kustomization listing hundreds of
    /// files); `parse(file:)` then hands each tree out without parsing again. Errors surface
    /// when the file is used, so they come in the kustomization's order.
    public func prefetch(_ files: [String]) {
        var seen = Set<String>()
        let todo = files.filter { f in
            seen.insert(f).inserted && prefetched[f] == nil && parsedFiles[f] == nil && !readOnce.contains(f)
        }
        guard todo.count >= 32 else { return }
        let results = Parallel.map(todo.count) { i in Result { try parseFromDisk(todo[i]) } }
        for (f, r) in zip(todo, results) { prefetched[f] = r }
    }

    /// The real path of `path` (symlinks resolved), remembered for the build.
    public func realPath(_ path: String) -> String? {
        if let known = realPaths[path] { return known }
        let resolved = sharedCache.map { $0.realPath(path) { resolveThroughParent(path) } } ?? fileSystem.realPath(path)
        guard let real = resolved else { return nil }
        realPaths[path] = real
        return real
    }

    /// The real path of `path` from its directory's (remembered for the render): when the last
    /// component is not a symlink, one lstat instead of a readlink per component.
    private func resolveThroughParent(_ path: String) -> String? {
        let name = PathName.basename(path)
        let parent = PathName.dirname(path)
        guard !name.isEmpty, name != ".", name != "..", parent != path, let realParent = realPath(parent) else {
            return fileSystem.realPath(path)
        }
        let candidate = realParent == "/" ? "/" + name : realParent + "/" + name
        switch fileSystem.linkStatus(candidate) {
        case .notLink: return candidate
        case .missing: return nil
        case .link: return fileSystem.realPath(path)
        }
    }

    public init(restrictor: LoadRestrictor = .rootOnly, limits: ParseLimits = .default, fileSystem: any FileSystem = DiskFileSystem(),
                sharedCache: SharedParseCache? = nil) {
        self.restrictor = restrictor
        self.limits = limits
        self.fileSystem = fileSystem
        self.sharedCache = sharedCache
    }

    /// The kustomization file in `dir`; errors when there is none or several.
    public func kustomizationFile(in dir: String) throws -> String {
        var found: [String] = []
        for name in Self.kustomizationFileNames {
            let p = PathName.join(dir, name)
            guard fileSystem.type(of: p) == .file else { continue }
            // With RootOnly, a kustomization file that is a symlink to a file outside its own
            // directory is not found at all (kustomize reads it through the restricted loader).
            if restrictor == .rootOnly, let real = realPath(p), let realDir = realPath(dir),
               (try? restrictor.check(file: real, root: realDir, requestedAs: name, kustomizationFile: p)) == nil {
                continue
            }
            found.append(p)
        }
        if found.count > 1 {
            throw Diagnostic("Found multiple kustomization files under: \(dir)", file: dir)
        }
        guard let file = found.first else {
            throw Diagnostic("unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '\(dir)'", file: dir)
        }
        return file
    }

    public func loadKustomization(in dir: String) throws -> Kustomization {
        let (file, doc) = try kustomizationDocument(in: dir)
        guard let doc, !Kustomization.isEmpty(doc) else {
            throw Diagnostic("kustomization.yaml is empty", file: file)
        }
        return try Kustomization.decode(doc, file: file)
    }

    /// The kustomization file in `dir` and its first document as parsed, not yet decoded
    /// (nil when the file holds none); through the shared cache when rendering many.
    public func kustomizationDocument(in dir: String) throws -> (file: String, document: Node?) {
        // the file's name is kept, joined to `dir` as this caller wrote it
        let file = try sharedCache.map { cache in
            PathName.join(dir, try cache.kustomizationFileName(in: realPath(dir) ?? dir, restrictor: restrictor) {
                PathName.basename(try kustomizationFile(in: dir))
            })
        } ?? kustomizationFile(in: dir)
        let parse = { [self] () throws -> [Node] in
            var parser = YAMLParser(limits: limits, duplicateKeys: .lastWins)
            parser.goYAMLv2 = true
            return try parser.parseFirstDocument(bytes: fileSystem.readBytes(file, limit: limits.maxInputBytes), file: file).map { [$0] } ?? []
        }
        // read the go-yaml v2 way, so kept apart from the same file read as resources
        let docs = try sharedCache.map { try $0.documents(for: "kustomization:" + (realPath(file) ?? file), parse: parse) } ?? parse()
        return (file, docs.first)
    }

    /// Reads `path` (relative to the kustomization at `root`) as text, subject to the restrictor.
    public func readFile(_ path: String, root: String, kustomizationFile: String) throws -> (path: String, bytes: [UInt8]) {
        let full = try resolveFile(path, root: root, kustomizationFile: kustomizationFile)
        return (full, try fileSystem.readBytes(full, limit: limits.maxInputBytes))
    }

    /// The real path of a file a kustomization names, after the restrictor's check.
    public func resolveFile(_ path: String, root: String, kustomizationFile: String) throws -> String {
        let full = PathName.join(root, path)
        guard let real = realPath(full) else {
            throw Diagnostic("'\(path)' doesn't exist", file: kustomizationFile)
        }
        let realRoot = realPath(root) ?? root
        try restrictor.check(file: real, root: realRoot, requestedAs: path, kustomizationFile: kustomizationFile)
        return real
    }

    /// Parsed documents of a file. Callers own the trees they get (transformers edit them),
    /// so a file used once is handed over as parsed; one used again is kept pristine and
    /// copied from then on, which is cheaper than parsing it again.
    public func parse(file: String) throws -> [Node] {
        if let ahead = prefetched.removeValue(forKey: file) {
            readOnce.insert(file)
            return try ahead.get()
        }
        let key = realPath(file) ?? file
        if let sharedCache { return try sharedCache.documents(for: key) { try parseFromDisk(file) } }
        if let cached = parsedFiles[key] { return cached.map { $0.deepCopy() } }
        let docs = try parseFromDisk(file)
        if readOnce.insert(key).inserted { return docs }
        parsedFiles[key] = docs
        return docs.map { $0.deepCopy() }
    }

    private func parseFromDisk(_ file: String) throws -> [Node] {
        let bytes = try fileSystem.readBytes(file, limit: limits.maxInputBytes)
        return try bytes.withUnsafeBufferPointer { try YAMLParser(limits: limits).parseResourceStream(bytes: $0, file: file) }
    }

    /// Resources of rendered YAML (a `build` output, a file or stdin), parsed with this
    /// loader's limits; `file` names the source in errors and findings.
    public func resources(bytes: [UInt8], file: String) throws -> [Resource] {
        try Self.resources(from: parseDocuments(bytes: bytes, file: file), file: file)
    }

    /// Every document of YAML text a kustomization holds or names (inline patches, plugin
    /// configs), parsed with the build's limits. Not cached: the text is not a file.
    public func parseDocuments(bytes: [UInt8], file: String) throws -> [Node] {
        try bytes.withUnsafeBufferPointer { try YAMLParser(limits: limits).parseResourceStream(bytes: $0, file: file) }
    }

    public func parseDocuments(_ text: String, file: String) throws -> [Node] {
        try parseDocuments(bytes: Array(text.utf8), file: file)
    }

    /// Resources of a resource file: every document, with `kind: List` items expanded.
    public func loadResources(file: String) throws -> [Resource] {
        try Self.resources(from: parse(file: file), file: file) { try self.isOnePiece(file) }
    }

    /// Whether kyaml's reader sees the file as one piece (no `---` separator line, not even
    /// before a comment-only or empty last piece).
    private func isOnePiece(_ file: String) throws -> Bool {
        let bytes = try fileSystem.readBytes(file, limit: limits.maxInputBytes)
        return try bytes.withUnsafeBufferPointer { try ResourceStream.pieces(of: $0, file: file).count == 1 }
    }

    /// The resources of parsed documents. A `kind: List` that is its file's only piece is
    /// unwrapped by kyaml's reader, its items kept as written; any other list (a second piece,
    /// or a kind such as `ConfigMapList`) is expanded by kustomize through JSON
    /// (`ListItemConversion`). `onePiece` is asked only for such a file.
    public static func resources(from docs: [Node], file: String, onePiece: () throws -> Bool = { true }) throws -> [Resource] {
        var out: [Resource] = []
        for doc in docs {
            guard let m = doc.asMapping else {
                throw Diagnostic("a resource must be a YAML mapping", file: file, mark: doc.mark)
            }
            if m.entries.isEmpty { continue }
            let kind = m.string("kind") ?? ""
            if kind.hasSuffix("List"), let items = m["items"] {
                guard let seq = items.asSequence else {
                    throw Diagnostic("'items' of a \(kind) must be a list", file: file, mark: items.mark)
                }
                let throughJSON = try kind != "List" || docs.count > 1 || !onePiece()
                for item in seq.items {
                    guard let im = item.asMapping else {
                        throw Diagnostic("an item of a \(kind) must be a mapping", file: file, mark: item.mark)
                    }
                    if throughJSON { try ListItemConversion.apply(.mapping(im), file: file) }
                    out.append(try validated(im, file: file))
                }
                continue
            }
            out.append(try validated(m, file: file))
        }
        return out
    }

    static func validated(_ m: Mapping, file: String) throws -> Resource {
        guard let kind = m.string("kind"), !kind.isEmpty else {
            throw Diagnostic("missing kind in resource", file: file, mark: m.mark)
        }
        let r = Resource(object: m, origin: file)
        try r.validateMetadata()
        return r
    }
}
