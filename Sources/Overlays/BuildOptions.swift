import KubeModel
import Manifests
import YAML

public struct BuildOptions {
    public var loadRestrictor: LoadRestrictor
    public var limits: ParseLimits
    /// Adds `app.kubernetes.io/managed-by` (kustomize's --enable-managedby-label).
    public var enableManagedByLabel: Bool

    public init(loadRestrictor: LoadRestrictor = .rootOnly, limits: ParseLimits = .default, enableManagedByLabel: Bool = false) {
        self.loadRestrictor = loadRestrictor
        self.limits = limits
        self.enableManagedByLabel = enableManagedByLabel
    }
}

/// Messages that do not stop a build (printed on stderr by the CLI).
public final class Diagnostics {
    public private(set) var warnings: [String] = []
    public init() {}
    public func warn(_ message: String) { warnings.append(message) }
}
