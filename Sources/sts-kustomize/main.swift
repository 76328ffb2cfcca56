import ArgumentParser
import FoundationEssentials
import Glibc
import StsKustomize

// Usage errors (an unknown flag value, a missing argument) exit with the status each command
// documents for input it cannot use: 1 for `build` (as kustomize), 2 for `check` and `diff`.
let arguments = Array(CommandLine.arguments.dropFirst())
// The forms tools run most often skip the argument parser, whose start-up (reflection over
// every command) costs more than a small build: `version`, `version --short` and a plain
// `build [DIR]`. They run the same code as the commands and print the same.
func runWithoutParser() -> Int32? {
    do {
        if arguments == ["version"] || arguments == ["version", "--short"] {
            try VersionCommand.answer(short: arguments.count == 2, output: nil)
            return 0
        }
        if arguments.first == "build", arguments.count <= 2, !arguments.dropFirst().contains(where: { $0.hasPrefix("-") }) {
            var options = BuildOptions()
            KustomizeBuildFlags.applyEnvironment(to: &options)
            try BuildCommand.render(arguments.count == 2 ? arguments[1] : ".", options: options, check: false, output: nil)
            return 0
        }
    } catch let e as ExitCode {
        return e.rawValue
    } catch {
        return 1
    }
    return nil
}
if let status = runWithoutParser() { exit(status) }
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
