import ArgumentParser
import StsKustomize

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two renders and which StatefulSet changes Kubernetes forbids (sts-kustomize extension).",
        discussion: "Exit status: 0 when no forbidden StatefulSet field changed, 1 when one did, 2 when an input cannot be read or rendered."
    )

    @Argument(help: "The old render: a kustomization directory, a rendered YAML file, or - for stdin.")
    var old: String

    @Argument(help: "The new render: a kustomization directory, a rendered YAML file, or - for stdin.")
    var new: String

    @OptionGroup var restrictor: LoadRestrictorOption

    func validate() throws {
        if old == "-" && new == "-" { throw ValidationError("only one of OLD and NEW can be - (stdin)") }
    }

    func run() throws {
        let diff = try Console.failing(status: 2) {
            try Diff(options: restrictor.buildOptions).run(old: Target.source(old), new: Target.source(new))
        }
        try Console.failing(status: 2) { try Console.writeStdout(Array(DiffRenderer.text(diff).utf8)) }
        if diff.forbiddenCount > 0 { throw ExitCode(1) }
    }
}
