import ArgumentParser

struct StsKustomizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sts-kustomize",
        abstract: "Render Kubernetes manifests from a base and overlays, as kustomize does, with StatefulSet smarts.",
        version: StsKustomizeVersion.semver,
        subcommands: [BuildCommand.self, CheckCommand.self, DiffCommand.self, EditCommand.self, CreateCommand.self, RenderCommand.self, VersionCommand.self, CompletionCommand.self]
    )
}

enum StsKustomizeVersion {
    static let current = "0.2.0"
    static let kustomizeCompatibility = "v5.5.0"
    /// What tools that parse kustomize's version read: kustomize's version first (Argo CD takes
    /// the first semantic version in the output and gates features on it), ours as build metadata.
    static let semver = "\(kustomizeCompatibility)+sts-kustomize.\(current)"
}
