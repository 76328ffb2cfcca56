import Manifests
import Overlays
import YAML

/// The order in which `render` starts its directories: the largest first, so the long builds
/// (a cluster kustomization that lists every app overlay) run while the short ones fill the
/// gaps, instead of one long build running alone at the end.
enum RenderOrder {
    /// Indices of `directories`, by how many kustomization directories each reaches through
    /// `resources` and `components` (itself included), most first; ties keep the input order.
    /// Kustomization files are read through the render's shared cache, so the builds do not
    /// read them again; one that cannot be read counts as reaching nothing.
    static func largestFirst(_ directories: [String], options: BuildOptions) -> [Int] {
        func loader() -> ManifestLoader {
            ManifestLoader(restrictor: options.loadRestrictor, limits: options.limits, fileSystem: options.fileSystem,
                           sharedCache: options.sharedCache)
        }
        func includedDirectories(_ dir: String, _ loader: ManifestLoader) -> [String] {
            guard let k = try? loader.loadKustomization(in: dir) else { return [] }
            return (k.resources + k.components).map { PathName.join(dir, $0) }.filter { options.fileSystem.type(of: $0) == .directory }
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
        return directories.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
    }
}
