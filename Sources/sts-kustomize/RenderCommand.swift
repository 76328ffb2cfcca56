import ArgumentParser
import FoundationEssentials
import Glibc
import StsKustomize

/// `render`: many kustomizations in one process (a parse cache shared by all, directories on
/// all cores), each output byte-identical to `build` of that directory.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render every kustomization found under the paths in one process (sts-kustomize extension).",
        discussion: "Exit status: 0 when every directory rendered, 1 when any failed (the others still render).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Kustomization directories, or directories searched recursively for them.") var paths: [String] = ["."]
    @Option(name: [.short, .customLong("output")], help: "Write OUTDIR/<directory>/manifest.yaml for each.") var output: String?
    @Option(name: .customLong("jobs"), help: "Directories rendered at once (default: the core count).") var jobs = Render.processorCount
    @Option(name: .customLong("format"), help: "text or json (one record per directory).") var format: Format = .text
    @Flag(name: .customLong("entry-points"), help: "Only kustomizations no other found one uses.") var entryPoints = false
    @OptionGroup var restrictor: LoadRestrictorOption

    func run() throws {
        let dirs = try Console.failing(status: 1) { try Render.discover(paths, entryPointsOnly: entryPoints) }
        // A progress line on a terminal only.
        let onTerminal = isatty(2) == 1
        let progress: (@Sendable (Int, Int) -> Void)? = onTerminal ? Self.showProgress : nil
        let entries = Render(options: restrictor.buildOptions, jobs: jobs).run(dirs, progress: progress)
        if onTerminal && !dirs.isEmpty { _ = try? Console.writeAll(2, Array("\r\u{1B}[K".utf8), name: "standard error") }
        var failed = false
        var lines = ""
        for e in entries {
            for w in e.warnings { Console.error("warning: \(e.directory): \(w)") }
            if let output {
                let target = output + "/" + Self.relative(e.directory) + "/manifest.yaml"
                if let bytes = e.output {
                    try Console.failing(status: 1) {
                        try Self.makeDirectories(String(target.dropLast("/manifest.yaml".count)))
                        try OutputFile.write(target, bytes, durable: false)
                    }
                } else {
                    unlink(target)  // a directory that now fails shows no old render as current
                }
            }
            if e.error != nil { failed = true }
            switch format {
            case .text:
                if let error = e.error {
                    lines += "FAIL \(e.directory): \(error)\n"
                } else {
                    lines += "ok   \(e.directory) (\(e.resourceCount) resources, \(e.output?.count ?? 0) bytes, \(Int(e.seconds * 1000)) ms)\n"
                }
            case .json:
                lines += Self.json(e) + "\n"
            }
        }
        try Console.failing(status: 1) { try Console.writeStdout(Array(lines.utf8)) }
        if failed { throw ExitCode(1) }
    }

    @Sendable static func showProgress(_ done: Int, _ total: Int) {
        _ = try? Console.writeAll(2, Array("\rrendered \(done)/\(total)".utf8), name: "standard error")
    }

    /// The directory relative to the working directory, as OUTDIR's layout uses it.
    static func relative(_ dir: String) -> String {
        var d = Target.displayed(dir)
        while d.hasPrefix("/") { d.removeFirst() }
        let normalized = PathName.normalize(d)
        return normalized.replacingParentReferences()
    }

    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw OutputError(writing: current, errno: errno) }
        }
    }

    static func json(_ e: Render.Entry) -> String {
        let status = e.error == nil ? "ok" : "error"
        let error = e.error.map { ValueText.quoted("\($0)") } ?? "null"
        return "{\"path\":\(ValueText.quoted(e.directory)),\"status\":\"\(status)\",\"resources\":\(e.resourceCount),\"bytes\":\(e.output?.count ?? 0),"
            + "\"seconds\":\(Double(Int(e.seconds * 1e6)) / 1e6),\"error\":\(error)}"
    }
}

extension String {
    /// `..` segments become `_up_`, so OUTDIR's layout never leaves OUTDIR.
    fileprivate func replacingParentReferences() -> String {
        split(separator: "/").map { $0 == ".." ? "_up_" : String($0) }.joined(separator: "/")
    }
}
