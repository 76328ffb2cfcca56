import ArgumentParser
import StsKustomize

extension LoadRestrictor: ExpressibleByArgument {}
extension FindingsRenderer.Format: ExpressibleByArgument {}

/// `--load-restrictor`, shared by every command that reads a kustomization.
struct LoadRestrictorOption: ParsableArguments {
    @Option(name: .customLong("load-restrictor"), help: "LoadRestrictionsRootOnly (default) or LoadRestrictionsNone.")
    var loadRestrictor: LoadRestrictor = .rootOnly

    var buildOptions: BuildOptions { BuildOptions(loadRestrictor: loadRestrictor) }
}

/// A TARGET of `check` or `diff` as typed: a directory, a file, or `-` for stdin.
enum Target {
    static func source(_ target: String) throws -> ManifestSource {
        if target == "-" { return .bytes(try DiskFileSystem.readAll(0, name: "<stdin>"), name: "<stdin>") }
        return try .path(target)
    }

    /// A resource's file relative to the working directory, as users typed it.
    static func displayed(_ path: String) -> String {
        let prefix = Console.workingDirectory.hasSuffix("/") ? Console.workingDirectory : Console.workingDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
