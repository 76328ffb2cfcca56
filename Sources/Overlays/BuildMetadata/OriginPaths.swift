import KubeModel
import Manifests

/// The origin path of each kustomization being accumulated: the entries that led to it
/// from the top-level one, joined as kustomize joins them (`../base`, `../base/../comp`
/// cleaned to `../comp`). The top-level kustomization's path is "".
///
/// The resolver announces each kustomization (`begin`) but not its end, so this keeps the
/// chain of kustomizations in progress and finds a newcomer's parent by the entry that
/// names it: a base is a `resources:` entry of a kustomization still reading its
/// resources; a component is a `components:` entry of one past its generators. Frames
/// left above the parent are finished and dropped.
final class OriginPaths {
    private let fileSystem: any FileSystem

    init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    final class Frame {
        let root: String
        let kustomization: Kustomization
        /// Origin path of the kustomization's directory ("" for the top-level one).
        let path: String
        /// Its generators have run: resources are all read, components and transformers follow.
        var pastGenerators = false
        private var resolvedEntries: [String: [String: String]] = [:]
        private let fileSystem: any FileSystem

        init(root: String, kustomization: Kustomization, path: String, fileSystem: any FileSystem) {
            self.fileSystem = fileSystem
            self.root = root
            self.kustomization = kustomization
            self.path = path
        }

        /// The kustomization file's origin path: what `configuredIn` names for its
        /// generators and transformers.
        var kustomizationFilePath: String {
            GoPath.join(path, PathName.basename(kustomization.file))
        }

        /// The entry of `list` (e.g. "resources") that resolves to `real`, a real path,
        /// as the resolver resolves it.
        func entry(resolvingTo real: String, in list: String) -> String? {
            if let table = resolvedEntries[list] { return table[real] }
            var table: [String: String] = [:]
            for entry in entries(list) {
                if let r = fileSystem.realPath(PathName.join(root, entry)), table[r] == nil {
                    table[r] = entry
                }
            }
            resolvedEntries[list] = table
            return table[real]
        }

        private func entries(_ list: String) -> [String] {
            switch list {
            case "resources": return kustomization.resources
            case "components": return kustomization.components
            case "generators": return kustomization.generators
            case "transformers": return kustomization.transformers
            case "validators": return kustomization.validators
            default: return []
            }
        }
    }

    private var frames: [Frame] = []
    private var topRoot = ""

    var isEmpty: Bool { frames.isEmpty }

    func reset() {
        frames.removeAll()
        topRoot = ""
    }

    /// A kustomization at `root` starts being accumulated; returns its frame.
    @discardableResult
    func begin(_ k: Kustomization, root: String) -> Frame {
        guard !frames.isEmpty else {
            topRoot = root
            return push(Frame(root: root, kustomization: k, path: "", fileSystem: fileSystem))
        }
        let lists: [String]
        if k.kind == .component {
            lists = ["components"]
        } else {
            lists = ["resources", "generators", "transformers", "validators"]
        }
        for i in frames.indices.reversed() {
            let parent = frames[i]
            for list in lists {
                // Bases are read before the parent's generators run; components after.
                if list == "resources" && parent.pastGenerators { continue }
                if list == "components" && !parent.pastGenerators { continue }
                if let entry = parent.entry(resolvingTo: root, in: list) {
                    frames.removeSubrange((i + 1)...)
                    return push(Frame(root: root, kustomization: k, path: GoPath.join(parent.path, entry), fileSystem: fileSystem))
                }
            }
        }
        // Not named by any kustomization in progress (it should be): fall back on the
        // path from the top-level directory.
        return push(Frame(root: root, kustomization: k, path: GoPath.relative(root, from: topRoot), fileSystem: fileSystem))
    }

    /// The frame of the kustomization at `root`, which is in progress: frames above it
    /// are finished.
    func frame(_ root: String, _ k: Kustomization) -> Frame {
        if let i = frames.lastIndex(where: { $0.root == root }) {
            frames.removeSubrange((i + 1)...)
            return frames[i]
        }
        // Never announced: treat it as a newcomer.
        return begin(k, root: root)
    }

    /// The origin path of a file named by an entry of `list` in the frame's kustomization.
    func filePath(_ file: String, in frame: Frame, list: String) -> String {
        let real = fileSystem.realPath(file) ?? file
        if let entry = frame.entry(resolvingTo: real, in: list) {
            return GoPath.join(frame.path, entry)
        }
        let rootReal = fileSystem.realPath(frame.root) ?? frame.root
        return GoPath.join(frame.path, GoPath.relative(real, from: rootReal))
    }

    private func push(_ f: Frame) -> Frame {
        frames.append(f)
        return f
    }
}
