import Manifests
import Overlays
import YAML

/// The order in which `render` starts its directories: the ones that include others last, so
/// every base and overlay is accumulated once, by the worker that renders it, with all cores
/// busy, and a cluster kustomization that lists every app overlay finds them all cached
/// instead of accumulating forty of them alone while the other cores wait (or two workers
/// accumulating the same base side by side).
enum RenderOrder {
    /// Indices of `directories`, by how many kustomization directories each reaches through
    /// `resources`, `bases` and `components` (itself included), fewest first; ties keep the
    /// input order. Kustomization files are read through the render's shared cache, so the
    /// builds do not read them again; one that cannot be read counts as reaching nothing.
    static func includedFirst(_ directories: [String], options: BuildOptions) -> [Int] {
        func loader() -> ManifestLoader {
            ManifestLoader(restrictor: options.loadRestrictor, limits: options.limits, fileSystem: options.fileSystem,
                           sharedCache: options.sharedCache)
        }
        // The parsed file is enough (decoding is left to the build): its resources, bases and
        // components that are directories.
        func includedDirectories(_ dir: String, _ loader: ManifestLoader) -> [String] {
            guard let doc = (try? loader.kustomizationDocument(in: dir))?.document?.asMapping else { return [] }
            let entries = ["resources", "bases", "components"].flatMap { doc.sequence($0)?.items.compactMap(\.stringValue) ?? [] }
            return entries.map { PathName.join(dir, $0) }.filter { options.fileSystem.type(of: $0) == .directory }
        }
        // The directories' own kustomizations are read side by side; one they include that is
        // not among them is read when met.
        let listed = Parallel.map(directories.count) { i in includedDirectories(directories[i], loader()) }
        var included: [String: [String]] = [:]
        for (dir, children) in zip(directories, listed) { included[PathName.normalize(dir)] = children }
        let serialLoader = loader()
        var sizes: [String: Int] = [:]
        var inProgress = Set<String>()

        func size(_ dir: String) -> Int {
            let key = PathName.normalize(dir)
            if let known = sizes[key] { return known }
            guard inProgress.insert(key).inserted else { return 1 }  // a cycle: its build reports it
            defer { inProgress.remove(key) }
            let children = included[key] ?? includedDirectories(dir, serialLoader)
            let total = children.reduce(1) { $0 + size($1) }
            sizes[key] = total
            return total
        }

        let weights = directories.map(size)
        return directories.indices.sorted { weights[$0] != weights[$1] ? weights[$0] < weights[$1] : $0 < $1 }
    }
}
