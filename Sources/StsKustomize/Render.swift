import Glibc
import KubeModel
import Manifests
import Overlays
import Synchronization
import YAML

/// Renders many kustomization directories in one process (`sts-kustomize render`): each file
/// is parsed once and each base or overlay accumulated once however many of them use it, and
/// directories render side by side.
///
///     let dirs = try Render.discover(["clusters"])
///     for entry in Render().run(dirs) { … entry.output … }
public struct Render: Sendable {
    public var options: BuildOptions
    /// How many directories render at once.
    public var jobs: Int

    public init(options: BuildOptions = BuildOptions(), jobs: Int = Render.processorCount) {
        self.options = options
        self.jobs = max(1, jobs)
    }

    public static var processorCount: Int { YAMLParser.processorCount }

    /// One directory's render.
    public struct Entry: Sendable {
        public var directory: String
        /// The bytes `sts-kustomize build DIRECTORY` prints; nil when the build failed (or when
        /// the `each` hook of `run` has taken them).
        public var output: [UInt8]?
        /// How many bytes the output has, kept when the hook releases them.
        public var byteCount: Int
        public var resourceCount: Int
        public var error: Diagnostic?
        public var warnings: [BuildWarning]
        public var seconds: Double
    }

    /// Renders each directory; a failure is reported in its entry and the others still render.
    /// `progress` is called (from any thread) with the number done and the total. `each` is
    /// called on the worker that rendered an entry, as soon as it is done, so writing outputs
    /// runs side by side too; it may record an error in the entry or release its output.
    ///
    /// Directories that others include start first (`RenderOrder`), so each accumulation is
    /// computed once and the directories that include many others find them cached; the cache
    /// is told how often each will be used, so it keeps no copy nobody needs.
    public func run(_ directories: [String], progress: (@Sendable (Int, Int) -> Void)? = nil,
                    each: (@Sendable (inout Entry) -> Void)? = nil) -> [Entry] {
        let done = Mutex(0)
        var options = self.options
        if options.sharedCache == nil { options.sharedCache = SharedParseCache() }
        if options.accumulationCache == nil { options.accumulationCache = AccumulationCache() }
        let opts = options
        let jobs = min(self.jobs, max(1, directories.count))
        let plan = RenderOrder.plan(directories, options: opts)
        opts.accumulationCache?.expectUses(plan.expectedUses)
        let order = jobs > 1 ? plan.order : Array(directories.indices)
        // `jobs` workers take the next directory as they free up; results keep the input order.
        let next = Mutex(0)
        let perWorker = Parallel.map(jobs) { _ in
            var mine: [(Int, Entry)] = []
            while true {
                let n = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard n < order.count else { break }
                let i = order[n]
                var entry = Self.render(directories[i], opts)
                each?(&entry)
                mine.append((i, entry))
                if let progress { progress(done.withLock { $0 += 1; return $0 }, directories.count) }
            }
            return mine
        }
        var entries = [Entry?](repeating: nil, count: directories.count)
        for list in perWorker { for (i, e) in list { entries[i] = e } }
        return entries.compactMap { $0 }
    }

    private static func render(_ dir: String, _ options: BuildOptions) -> Entry {
        let start = monotonicSeconds()
        do {
            let result = try Build(options: options).run(dir)
            let bytes = try result.yaml()
            return Entry(directory: dir, output: bytes, byteCount: bytes.count, resourceCount: result.resources.resources.count, error: nil,
                         warnings: result.warnings, seconds: monotonicSeconds() - start)
        } catch let e as Diagnostic {
            return Entry(directory: dir, output: nil, byteCount: 0, resourceCount: 0, error: e, warnings: [], seconds: monotonicSeconds() - start)
        } catch {
            return Entry(directory: dir, output: nil, byteCount: 0, resourceCount: 0, error: Diagnostic("\(error)", file: dir), warnings: [],
                         seconds: monotonicSeconds() - start)
        }
    }

    /// The kustomization directories under `paths`: a path holding a kustomization is one; any
    /// directory is searched recursively (hidden directories skipped, symlinked directories not
    /// followed out of the path). `kind: Component` kustomizations are left out. With
    /// `entryPointsOnly`, so are those another found kustomization lists in `resources`,
    /// `bases` or `components`. Sorted, duplicates removed. With a `sharedCache`, the
    /// kustomization files read here are not read again by the renders that share it.
    public static func discover(_ paths: [String], fileSystem: any FileSystem = DiskFileSystem(),
                                entryPointsOnly: Bool = false, sharedCache: SharedParseCache? = nil) throws -> [String] {
        var found: [(dir: String, real: String)] = []
        for path in paths {
            guard fileSystem.type(of: path) == .directory, let root = fileSystem.realPath(path) else {
                throw Diagnostic("not a directory", file: path)
            }
            var visited = Set<String>()
            try walk(PathName.normalize(path), real: root, root: root, fileSystem: fileSystem, visited: &visited, into: &found)
        }
        var seen = Set<String>()
        found = found.filter { seen.insert($0.real).inserted }
        // Each kustomization is read to leave Components out; side by side, as there may be hundreds.
        let docs = Parallel.map(found.count) { i -> Mapping? in
            let loader = ManifestLoader(fileSystem: fileSystem, sharedCache: sharedCache)
            return (try? loader.kustomizationDocument(in: found[i].dir))?.document?.asMapping
        }
        let kustomizations = zip(found, docs).filter { $0.1?.string("kind") != "Component" }.map { (dir: $0.0.dir, real: $0.0.real, doc: $0.1) }
        if entryPointsOnly {
            var used = Set<String>()
            for (dir, _, doc) in kustomizations {
                for key in ["resources", "bases", "components"] {
                    for entry in doc?.sequence(key)?.items.compactMap(\.stringValue) ?? [] {
                        if let real = fileSystem.realPath(PathName.join(dir, entry)) { used.insert(real) }
                    }
                }
            }
            return kustomizations.filter { !used.contains($0.real) }.map(\.dir).sorted()
        }
        return kustomizations.map(\.dir).sorted()
    }

    /// `real` is `dir` with symlinks resolved: a plain subdirectory's is its parent's plus its
    /// name, so only symlinks need resolving.
    private static func walk(_ dir: String, real: String, root: String, fileSystem: any FileSystem, visited: inout Set<String>,
                             into found: inout [(dir: String, real: String)]) throws {
        guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/"), visited.insert(real).inserted else { return }
        let entries = try fileSystem.listDirectoryWithTypes(dir)
        if entries.contains(where: { e in
            ManifestLoader.kustomizationFileNames.contains(e.name) && (e.type ?? fileSystem.type(of: PathName.join(dir, e.name))) == .file
        }) {
            found.append((dir, real))
        }
        for (name, known) in entries where !name.hasPrefix(".") {
            let child = PathName.join(dir, name)
            switch known ?? fileSystem.type(of: child) {
            case .directory:
                let childReal = known == .directory ? (real == "/" ? "/" : real + "/") + name : fileSystem.realPath(child)
                if let childReal { try walk(child, real: childReal, root: root, fileSystem: fileSystem, visited: &visited, into: &found) }
            case .file, .missing:
                continue
            }
        }
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
