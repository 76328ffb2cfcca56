import ArgumentParser
import FoundationEssentials
import Glibc
import StsKustomize

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Print the resources a kustomization directory renders to."
    )

    @Argument(help: "The kustomization directory (default: the current directory).")
    var directories: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Write to this file, or one file per resource into this existing directory.")
    var output: String?

    @OptionGroup var restrictor: LoadRestrictorOption

    @OptionGroup var kustomizeFlags: KustomizeBuildFlags

    @Flag(name: .customLong("check"), help: "Run the StatefulSet checks after rendering; fail on errors (sts-kustomize extension).")
    var check = false

    func validate() throws {
        // kustomize's own words (build.go Validate).
        if directories.count > 1 { throw ValidationError("specify one path to kustomization.yaml") }
    }

    func run() throws {
        var options = restrictor.buildOptions
        kustomizeFlags.apply(to: &options)
        try Self.render(directories.first ?? ".", options: options, check: check, output: output)
    }

    /// Builds `directory` and writes the result (stdout, or `-o`); errors are printed and
    /// become exit 1. Also called directly by `main` for a plain `build [DIR]`.
    static func render(_ directory: String, options: BuildOptions, check: Bool, output: String?) throws {
        let result = try Console.failing(status: 1) { try Build(options: options).run(directory) }
        Console.keepUntilExit(result)
        for w in result.warnings { Console.error("warning: \(w)") }
        if check { try checkResult(result) }
        try Console.failing(status: 1) { try write(result, to: output) }
    }

    /// `build --check`: findings go to stderr, so stdout stays exactly the build's output,
    /// which errors suppress.
    private static func checkResult(_ result: Build.Result) throws {
        let report = Check().report(on: result.resources.resources, positionsAreExact: false, displayPath: Target.displayed)
        if report.findings.isEmpty { return }
        var text = FindingsRenderer.text(report)
        while text.hasSuffix("\n") { text.removeLast() }
        Console.error(text)
        if report.fails(strict: false) { throw ExitCode(1) }
    }

    private static func write(_ result: Build.Result, to output: String?) throws {
        guard let output else {
            try Console.writeStdout(result.yaml())
            return
        }
        if DiskFileSystem().type(of: output) == .directory {
            // Render every file before writing any, so a failure leaves nothing half-written.
            var files: [(String, [UInt8])] = []
            for (name, r) in try result.fileNames() {
                files.append((output + "/" + name, try ResourceEmitter.document(r)))
            }
            for (path, bytes) in files { try OutputFile.write(path, bytes) }
        } else {
            try OutputFile.write(output, result.yaml())
        }
    }
}
