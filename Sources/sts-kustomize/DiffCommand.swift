import ArgumentParser
import StsKustomize

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two renders and which StatefulSet changes Kubernetes forbids (sts-kustomize extension).",
        discussion: """
            diff OLD NEW: two renders (kustomization directories, rendered YAML files, or - for stdin).
            diff --ref REF [PATH...]: every kustomization under the PATHs (default .) at git commit REF against the work tree.
            Exit status: 0 when no forbidden StatefulSet field changed, 1 when one did, 2 when an input cannot be read or rendered.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "OLD NEW, or with --ref the paths to search (default .).")
    var inputs: [String] = []

    @Option(name: .customLong("ref"), help: "A git commit to compare the work tree with (read from git's objects; nothing is checked out).")
    var ref: String?

    @Option(name: .customLong("format"), help: "With --ref: text, json or markdown.")
    var format: Format = .text

    @OptionGroup var restrictor: LoadRestrictorOption

    func validate() throws {
        if ref == nil {
            guard inputs.count == 2 else { throw ValidationError("give OLD and NEW, or --ref REF [PATH...]") }
            if inputs[0] == "-" && inputs[1] == "-" { throw ValidationError("only one of OLD and NEW can be - (stdin)") }
        }
    }

    func run() throws {
        if let ref {
            try RefDiffRun(ref: ref, paths: inputs.isEmpty ? ["."] : inputs, format: format, options: restrictor.buildOptions).run()
            return
        }
        let diff = try Console.failing(status: 2) {
            try Diff(options: restrictor.buildOptions).run(old: Target.source(inputs[0]), new: Target.source(inputs[1]))
        }
        try Console.failing(status: 2) { try Console.writeStdout(Array(DiffRenderer.text(diff).utf8)) }
        if diff.forbiddenCount > 0 { throw ExitCode(1) }
    }
}
