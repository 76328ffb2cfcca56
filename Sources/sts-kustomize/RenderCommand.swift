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
        // the kustomization files discovery reads are parsed once for the whole render
        var options = restrictor.buildOptions
        let cache = SharedParseCache()
        options.sharedCache = cache
        let accumulations = AccumulationCache()
        options.accumulationCache = accumulations
        // The caches live until the process ends: freeing every cached tree one node at a time
        // just before exit would be work for nothing.
        Self.keptUntilExit = [cache, accumulations]
        let dirs = try Console.failing(status: 1) { try Render.discover(paths, entryPointsOnly: entryPoints, sharedCache: cache) }
        // A progress line on a terminal only.
        let onTerminal = isatty(2) == 1
        let progress: (@Sendable (Int, Int) -> Void)? = onTerminal ? Self.showProgress : nil
        // Each output is written by the worker that rendered it, as soon as it is done.
        var writeOutput: (@Sendable (inout Render.Entry) -> Void)?
        if let outdir = output {
            writeOutput = { entry in Self.write(&entry, under: outdir) }
        }
        let entries = Render(options: options, jobs: jobs).run(dirs, progress: progress, each: writeOutput)
        if onTerminal && !dirs.isEmpty { _ = try? Console.writeAll(2, Array("\r\u{1B}[K".utf8), name: "standard error") }
        var failed = false
        var lines = ""
        for e in entries {
            for w in e.warnings { Console.error("warning: \(e.directory): \(w)") }
            if e.error != nil { failed = true }
            switch format {
            case .text:
                if let error = e.error {
                    lines += "FAIL \(e.directory): \(error)\n"
                } else {
                    lines += "ok   \(e.directory) (\(e.resourceCount) resources, \(e.byteCount) bytes, \(Int(e.seconds * 1000)) ms)\n"
                }
            case .json:
                lines += Self.json(e) + "\n"
            }
        }
        try Console.failing(status: 1) { try Console.writeStdout(Array(lines.utf8)) }
        if failed { throw ExitCode(1) }
    }

    /// Writes the entry's output to OUTDIR/<directory>/manifest.yaml atomically and releases
    /// it; a directory that failed has its old manifest removed, so OUTDIR never shows an old
    /// render as current. A write that fails makes the entry fail.
    static func write(_ entry: inout Render.Entry, under outdir: String) {
        let dir = outdir + "/" + relative(entry.directory)
        let target = dir + "/manifest.yaml"
        guard let bytes = entry.output else {
            unlink(target)
            return
        }
        entry.output = nil
        do {
            // a directory made just now holds no temporaries left by a killed render
            let fresh = try makeDirectories(dir)
            try OutputFile.write(target, bytes, durable: false, lookForStaleTemporaries: !fresh)
        } catch let e as OutputError {
            entry.error = Diagnostic(e.message)
        } catch {
            entry.error = Diagnostic("\(error)", file: target)
        }
    }

    nonisolated(unsafe) private static var keptUntilExit: [AnyObject] = []

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

    /// `mkdir -p`, deepest first: one call when the directory or its parent exists (the
    /// common case when hundreds of outputs share their parents), safe when workers race.
    /// Whether it made `path` itself.
    @discardableResult
    static func makeDirectories(_ path: String) throws -> Bool {
        if path.isEmpty { return false }
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw OutputError(writing: path, errno: errno)
        }
        try makeDirectories(String(path[..<slash]))
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        throw OutputError(writing: path, errno: errno)
    }

    static func json(_ e: Render.Entry) -> String {
        let status = e.error == nil ? "ok" : "error"
        let error = e.error.map { ValueText.quoted("\($0)") } ?? "null"
        return "{\"path\":\(ValueText.quoted(e.directory)),\"status\":\"\(status)\",\"resources\":\(e.resourceCount),\"bytes\":\(e.byteCount),"
            + "\"seconds\":\(Double(Int(e.seconds * 1e6)) / 1e6),\"error\":\(error)}"
    }
}

extension String {
    /// `..` segments become `_up_`, so OUTDIR's layout never leaves OUTDIR.
    fileprivate func replacingParentReferences() -> String {
        split(separator: "/").map { $0 == ".." ? "_up_" : String($0) }.joined(separator: "/")
    }
}
