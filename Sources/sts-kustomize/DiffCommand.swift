import ArgumentParser
import StsKustomize

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two renders and which StatefulSet changes Kubernetes forbids (sts-kustomize extension)."
    )

    @Argument(help: "The old render: a kustomization directory or a rendered YAML file.")
    var old: String

    @Argument(help: "The new render: a kustomization directory or a rendered YAML file.")
    var new: String

    func run() throws {
        Console.error("Error: diff is not implemented yet")
        throw ExitCode(2)
    }
}
