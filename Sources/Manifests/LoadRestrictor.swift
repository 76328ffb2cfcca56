import YAML
/// kustomize's `--load-restrictor`: with RootOnly, files a kustomization reads must
/// resolve (after symlinks) inside its own directory. Directories used as bases are exempt.
public enum LoadRestrictor: String, Sendable, CaseIterable {
    case rootOnly = "LoadRestrictionsRootOnly"
    case none = "LoadRestrictionsNone"

    /// Throws when `file` (already resolved) may not be read from a kustomization at `root` (resolved).
    public func check(file: String, root: String, requestedAs path: String, kustomizationFile: String) throws {
        guard self == .rootOnly else { return }
        if file == root || file.hasPrefix(root.hasSuffix("/") ? root : root + "/") { return }
        throw Diagnostic("security; file '\(file)' is not in or below '\(root)' (load restrictor \(rawValue); "
            + "use --load-restrictor LoadRestrictionsNone to allow it)", file: kustomizationFile)
    }
}
