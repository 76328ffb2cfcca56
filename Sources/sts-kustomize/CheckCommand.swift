import ArgumentParser
import StsKustomize

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report StatefulSet problems in a kustomization or rendered YAML (sts-kustomize extension).",
        discussion: "Exit status: 0 without errors (with --strict: without warnings either), 1 with them, 2 when the input cannot be read or rendered."
    )

    @Argument(help: "A kustomization directory, a file of rendered YAML, or - for stdin.")
    var target: String

    @Flag(name: .customLong("strict"), help: "Fail on warnings too.")
    var strict = false

    @Option(name: .customLong("format"), help: "text or json.")
    var format: FindingsRenderer.Format = .text

    @OptionGroup var restrictor: LoadRestrictorOption

    func run() throws {
        let outcome = try Console.failing(status: 2) {
            try Check(options: restrictor.buildOptions).run(Target.source(target), displayPath: Target.displayed)
        }
        for w in outcome.warnings { Console.error("warning: \(w)") }
        try Console.failing(status: 2) { try Console.writeStdout(Array(FindingsRenderer.render(outcome.report, format: format).utf8)) }
        if outcome.report.fails(strict: strict) { throw ExitCode(1) }
    }
}
