import ArgumentParser
import FoundationEssentials
import Glibc

// Usage errors (an unknown flag value, a missing argument) exit with the status each command
// documents for input it cannot use: 1 for `build` (as kustomize), 2 for `check` and `diff`.
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    var command = try StsKustomizeCommand.parseAsRoot(arguments)
    try command.run()
} catch {
    let status = StsKustomizeCommand.exitCode(for: error)
    guard status == .validationFailure else { StsKustomizeCommand.exit(withError: error) }
    // kustomize prints only the message (build sets SilenceUsage); `--help` has the usage.
    Console.error("Error: " + StsKustomizeCommand.message(for: error))
    exit(["check", "diff"].contains(arguments.first) ? 2 : 1)
}
