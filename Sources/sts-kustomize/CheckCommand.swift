import ArgumentParser
import StsKustomize

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report StatefulSet problems in a kustomization or rendered YAML (sts-kustomize extension)."
    )

    @Argument(help: "A kustomization directory, a file of rendered YAML, or - for stdin.")
    var target: String

    func run() throws {
        Console.error("Error: check is not implemented yet")
        throw ExitCode(2)
    }
}

/// `build --check`.
enum BuildCheck {
    static func run(on result: Build.Result) throws {
        Console.error("Error: --check is not implemented yet")
        throw ExitCode(2)
    }
}
