import KubeModel
import Manifests
import Overlays
import YAML

/// What `check` and `diff` read: a kustomization directory (rendered first), a file of
/// rendered YAML, or bytes already in hand (standard input).
public enum ManifestSource: Sendable {
    case directory(String)
    case file(String)
    case bytes([UInt8], name: String)

    /// A path as a user gives it: a directory is rendered, anything else read as YAML.
    public static func path(_ path: String, fileSystem: any FileSystem = DiskFileSystem()) throws -> ManifestSource {
        switch fileSystem.type(of: path) {
        case .missing: throw Diagnostic("no such file or directory", file: path)
        case .directory: return .directory(path)
        case .file: return .file(path)
        }
    }

    /// Resources read (or rendered) from a source.
    public struct Loaded {
        public var resources: [Resource]
        /// Whether node positions point into each resource's file (not so for a render).
        public var positionsAreExact: Bool
        /// The build's warnings when the source was a directory.
        public var warnings: [BuildWarning]
    }

    /// Reads or renders the source with `options` (its file system, load restrictor and limits).
    public func load(options: BuildOptions = BuildOptions()) throws -> Loaded {
        let loader = ManifestLoader(restrictor: options.loadRestrictor, limits: options.limits, fileSystem: options.fileSystem)
        switch self {
        case .directory(let dir):
            let result = try Build(options: options).run(dir)
            return Loaded(resources: result.resources.resources, positionsAreExact: false, warnings: result.warnings)
        case .file(let path):
            let bytes = try options.fileSystem.readBytes(path, limit: options.limits.maxInputBytes)
            return Loaded(resources: try loader.resources(bytes: bytes, file: path), positionsAreExact: true, warnings: [])
        case .bytes(let bytes, let name):
            return Loaded(resources: try loader.resources(bytes: bytes, file: name), positionsAreExact: true, warnings: [])
        }
    }
}
