import ArgumentParser

struct StsKustomizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sts-kustomize",
        abstract: "Render Kubernetes manifests from a base and overlays, as kustomize does, with StatefulSet smarts.",
        version: StsKustomizeVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, DiffCommand.self, VersionCommand.self]
    )
}

enum StsKustomizeVersion {
    static let current = "0.1.0"
    static let kustomizeCompatibility = "v5.5.0"
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() throws {
        print("sts-kustomize \(StsKustomizeVersion.current) (output compatible with Kustomize \(StsKustomizeVersion.kustomizeCompatibility))")
    }
}
