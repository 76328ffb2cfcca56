import KubeModel
import Manifests
import Patching
import YAML

public struct BuildOptions: Sendable {
    /// kustomize's deprecated `--reorder`: the final ordering when the kustomization has no
    /// `sortOptions` (which win over it).
    public enum Reorder: String, Sendable, CaseIterable {
        case unspecified, legacy, none
    }

    public var loadRestrictor: LoadRestrictor
    public var limits: ParseLimits
    /// Adds `app.kubernetes.io/managed-by` (kustomize's --enable-managedby-label).
    public var enableManagedByLabel: Bool
    /// Where the build reads files: the disk, or a tree in memory.
    public var fileSystem: any FileSystem
    public var reorder: Reorder = .unspecified
    /// Parsed files shared by the builds of one `render`.
    public var sharedCache: SharedParseCache?
    /// Accumulated bases and overlays shared by the builds of one `render`.
    public var accumulationCache: AccumulationCache?

    public init(loadRestrictor: LoadRestrictor = .rootOnly, limits: ParseLimits = .default, enableManagedByLabel: Bool = false,
                fileSystem: any FileSystem = DiskFileSystem()) {
        self.loadRestrictor = loadRestrictor
        self.limits = limits
        self.enableManagedByLabel = enableManagedByLabel
        self.fileSystem = fileSystem
    }
}

/// Messages that do not stop a build (printed on stderr by the CLI).
public final class Diagnostics {
    public private(set) var warnings: [BuildWarning] = []
    public init() {}
    public func warn(_ warning: BuildWarning) { warnings.append(warning) }
}

/// Something a build did that the user probably did not mean. It never changes the output;
/// it stays a value until the caller words and prints it.
public struct BuildWarning: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The patch file the warning is about, when it came from a patch.
    public var patchFile: String?
    /// The patch engine's structured report, when the warning came from a patch.
    public var patch: PatchWarning?

    public init(message: String, patchFile: String? = nil, patch: PatchWarning? = nil) {
        self.message = message
        self.patchFile = patchFile
        self.patch = patch
    }

    public var description: String { patchFile.map { "\(message) (patch \($0))" } ?? message }
}
