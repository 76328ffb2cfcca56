import KubeModel
import YAML
import ArgumentParser
import Foundation
import StatefulSetChecks
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
    var format: String = FindingsRenderer.Format.text.rawValue

    @Option(name: .customLong("load-restrictor"), help: "For a directory: LoadRestrictionsRootOnly or LoadRestrictionsNone.")
    var loadRestrictor: String = LoadRestrictor.rootOnly.rawValue

    func run() throws {
        guard let format = FindingsRenderer.Format(rawValue: format) else {
            Console.error("Error: --format must be text or json, not '\(format)'")
            throw ExitCode(2)
        }
        let input = try RenderInput.loadOrExit(target, loadRestrictor: loadRestrictor)
        let report = StatefulSetChecker().check(input.resources, positionsAreExact: input.positionsAreExact)
        do {
            try Console.writeStdout(Array(FindingsRenderer.render(report, format: format).utf8))
        } catch let e as OutputError {
            Console.error("Error: \(e.message)")
            throw ExitCode(2)
        }
        if report.fails(strict: strict) { throw ExitCode(1) }
    }
}

/// `build --check`: the checks on a build's result; findings go to stderr, so stdout stays
/// exactly the build's output, which errors suppress.
enum BuildCheck {
    static func run(on result: Build.Result) throws {
        let report = StatefulSetChecker().check(result.resources.resources.map(RenderInput.displayed), positionsAreExact: false)
        if report.findings.isEmpty { return }
        Console.error(FindingsRenderer.text(report).trimmingCharacters(in: .newlines))
        if report.fails(strict: false) { throw ExitCode(1) }
    }
}

/// A TARGET of `check` or `diff`: a kustomization directory (rendered here), a file of
/// rendered YAML, or `-` for stdin.
struct RenderInput {
    var resources: [Resource]
    /// Whether node positions point into each resource's file (not so for a render).
    var positionsAreExact: Bool

    /// The input, or exit 2 with the error (a bad input is not a finding).
    static func loadOrExit(_ target: String, loadRestrictor: String) throws -> RenderInput {
        guard let restrictor = LoadRestrictor(rawValue: loadRestrictor) else {
            Console.error("Error: --load-restrictor must be one of \(LoadRestrictor.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(2)
        }
        do {
            return try load(target, restrictor: restrictor)
        } catch let e as Diagnostic {
            Console.error("Error: \(e)")
            throw ExitCode(2)
        }
    }

    static func load(_ target: String, restrictor: LoadRestrictor) throws -> RenderInput {
        if target == "-" {
            let bytes = try FileSystem.readAll(0, name: "<stdin>")
            return RenderInput(resources: try RenderedYAML.resources(bytes: bytes, file: "<stdin>"), positionsAreExact: true)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDir) else {
            throw Diagnostic("no such file or directory", file: target)
        }
        if isDir.boolValue {
            let result = try Build(options: BuildOptions(loadRestrictor: restrictor)).run(target)
            for w in result.warnings { Console.error("warning: \(w)") }
            return RenderInput(resources: result.resources.resources.map(displayed), positionsAreExact: false)
        }
        let bytes = try FileSystem.readBytes(target)
        return RenderInput(resources: try RenderedYAML.resources(bytes: bytes, file: target), positionsAreExact: true)
    }

    /// The resource with its origin relative to the working directory, as users typed it.
    static func displayed(_ r: Resource) -> Resource {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if r.origin.hasPrefix(prefix) { r.origin = String(r.origin.dropFirst(prefix.count)) }
        return r
    }
}
