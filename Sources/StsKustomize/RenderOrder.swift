import Manifests
import Overlays
import YAML

/// The order in which `render` starts its directories: the ones that include others last, so
/// every base and overlay is accumulated once, by the worker that renders it, with all cores
/// busy, and a cluster kustomization that lists every app overlay finds them all cached
/// instead of accumulating forty of them alone while the other cores wait (or two workers
/// accumulating the same base side by side).
enum RenderOrder {
    /// The order: indices of `directories`, by how many kustomization directories each
    /// reaches through `resources`, `bases` and `components` (itself included), fewest first;
    /// ties keep the input order. Kustomization files are read through the render's shared
    /// cache, so the builds do not read them again; one that cannot be read counts as
    /// reaching nothing.
    ///
    /// And for each directory (by real path) how many times its accumulation will be used
    /// after it is first made: one use by every kustomization that lists it as a resource or
    /// base, and one by its own build when it is rendered, less the one that makes it. (A
    /// component is accumulated into each user, so it is no user of its own.)
    static func plan(_ directories: [String], options: BuildOptions) -> (order: [Int], expectedUses: [String: Int]) {
        func loader() -> ManifestLoader {
            ManifestLoader(restrictor: options.loadRestrictor, limits: options.limits, fileSystem: options.fileSystem,
                           sharedCache: options.sharedCache)
        }
        // The parsed file is enough (decoding is left to the build): its resources and bases,
        // and its components, that are directories.
        struct Included { var resources: [String] = []; var components: [String] = [] }
        func includedDirectories(_ dir: String, _ loader: ManifestLoader) -> Included {
            guard let doc = (try? loader.kustomizationDocument(in: dir))?.document?.asMapping else { return Included() }
            func dirs(_ keys: [String]) -> [String] {
                keys.flatMap { doc.sequence($0)?.items.compactMap(\.stringValue) ?? [] }
                    .map { PathName.join(dir, $0) }.filter { options.fileSystem.type(of: $0) == .directory }
            }
            return Included(resources: dirs(["resources", "bases"]), components: dirs(["components"]))
        }
        // The directories' own kustomizations are read side by side; one they include that is
        // not among them is read when met.
        let listed = Parallel.map(directories.count) { i in includedDirectories(directories[i], loader()) }
        var included: [String: Included] = [:]
        for (dir, children) in zip(directories, listed) { included[PathName.normalize(dir)] = children }
        let serialLoader = loader()
        var sizes: [String: Int] = [:]
        var inProgress = Set<String>()
        var users: [String: Set<String>] = [:]

        func size(_ dir: String) -> Int {
            let key = PathName.normalize(dir)
            if let known = sizes[key] { return known }
            guard inProgress.insert(key).inserted else { return 1 }  // a cycle: its build reports it
            defer { inProgress.remove(key) }
            let children = included[key] ?? includedDirectories(dir, serialLoader)
            let user = serialLoader.realPath(dir) ?? key
            for child in children.resources { users[serialLoader.realPath(child) ?? PathName.normalize(child), default: []].insert(user) }
            let total = (children.resources + children.components).reduce(1) { $0 + size($1) }
            sizes[key] = total
            return total
        }

        let weights = directories.map(size)
        for dir in directories {
            let real = serialLoader.realPath(dir) ?? PathName.normalize(dir)
            users[real, default: []].insert("render:" + real)
        }
        let order = directories.indices.sorted { weights[$0] != weights[$1] ? weights[$0] < weights[$1] : $0 < $1 }
        return (order, users.mapValues { max(0, $0.count - 1) })
    }
}
