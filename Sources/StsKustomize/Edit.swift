import Editing
import Manifests
import YAML

/// `kustomize edit` on the kustomization in a directory: reads it, applies one verb, and
/// returns the new file for the caller to write (the CLI writes it atomically), so a failed
/// edit changes nothing.
///
///     let result = try Edit().run(.setImage(["postgres=registry/pg:16.4"]), in: "overlays/prod")
///     if let bytes = result.bytes { /* write bytes to result.path */ }
public struct Edit: Sendable {
    public var fileSystem: any FileSystem
    public var limits: ParseLimits

    public init(fileSystem: any FileSystem = DiskFileSystem(), limits: ParseLimits = .default) {
        self.fileSystem = fileSystem
        self.limits = limits
    }

    public struct Result: Sendable {
        /// The kustomization file (its name as found: `kustomization.yaml`, `.yml` or `Kustomization`).
        public var path: String
        /// The file's new content; nil when the verb changes nothing and kustomize would not write.
        public var bytes: [UInt8]?
        /// kustomize's informational lines (`resource x already in kustomization file`).
        public var messages: [String]
        /// Other files to rewrite (full paths), for `fix --vars`.
        public var otherFiles: [(path: String, bytes: [UInt8])] = []
    }

    /// Throws an `EditError` (kustomize's message) for bad arguments, a `Diagnostic` with the
    /// line and column for a kustomization that cannot be read.
    public func run(_ edit: KustomizationEdit, in dir: String) throws -> Result {
        try edit.validate()
        var file = try KustomizationFile(in: dir, fileSystem: fileSystem, limits: limits)
        let outcome = try edit.apply(to: &file, directory: dir, fileSystem: fileSystem)
        return Result(path: file.path, bytes: outcome.write ? try file.serialized() : nil, messages: outcome.messages,
                      otherFiles: outcome.otherFiles.map { (PathName.join(dir, $0.path), $0.bytes) })
    }
}
