import ArgumentParser

/// `version` as kustomize v5.5.0 answers it (kustomize/commands/version, api/provenance).
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version: kustomize's it is compatible with, then ours (v5.5.0+sts-kustomize.X).")

    @Flag(name: .customLong("short"), help: ArgumentHelp("Deprecated: short form.", visibility: .hidden))
    var short = false

    @Option(name: [.short, .customLong("output")], help: "One of 'yaml' or 'json'.")
    var output: String?

    /// kustomize ignores extra arguments.
    @Argument(help: ArgumentHelp(visibility: .hidden))
    var ignored: [String] = []

    func validate() throws {
        if short && output != nil { throw ValidationError("--short and --output are mutually exclusive") }
    }

    /// Provenance fields in kustomize's order; the Go-only ones name our platform.
    static var provenance: [(String, String)] {
        [("version", StsKustomizeVersion.semver), ("gitCommit", "unknown"), ("buildDate", "unknown"),
         ("goOs", "linux"), ("goArch", architecture)]
    }

    private static var architecture: String {
        #if arch(x86_64)
        return "amd64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return "unknown"
        #endif
    }

    func run() throws {
        try Self.answer(short: short, output: output)
    }

    /// Prints the answer; also called directly by `main` for the plain forms, which tools run
    /// often (Argo CD before every manifest generation), without the argument parser's start-up.
    static func answer(short: Bool, output: String?) throws {
        let text: String
        switch output {
        case nil where short:
            // kustomize prints its Provenance struct with %v: version, empty commit, date, and
            // three empty Go fields. Argo CD reads this form.
            Console.error("Flag --short has been deprecated, and will be removed in the future.")
            text = "{\(StsKustomizeVersion.semver)  unknown   }\n"
        case nil:
            text = StsKustomizeVersion.semver + "\n"
        case "json":
            text = "{\n" + provenance.map { "  \"\($0.0)\": \"\($0.1)\"" }.joined(separator: ",\n") + "\n}\n"
        case "yaml":
            text = provenance.map { "\($0.0): \($0.1)\n" }.joined() + "\n"
        default:
            text = ""  // kustomize prints nothing for another format
        }
        try Console.failing(status: 1) { try Console.writeStdout(Array(text.utf8)) }
    }
}

/// `completion bash|zsh|fish`, as kustomize offers it (powershell is not generated here).
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Generate a shell completion script (bash, zsh or fish).")

    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish
    }

    @Argument(help: "bash, zsh or fish.")
    var shell: Shell

    func run() throws {
        let kind: CompletionShell
        switch shell {
        case .bash: kind = .bash
        case .zsh: kind = .zsh
        case .fish: kind = .fish
        }
        let script = StsKustomizeCommand.completionScript(for: kind)
        try Console.failing(status: 1) { try Console.writeStdout(Array((script.hasSuffix("\n") ? script : script + "\n").utf8)) }
    }
}
