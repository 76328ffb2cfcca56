import ArgumentParser
import FoundationEssentials
import Glibc
import StsKustomize

/// `diff --ref REF`: the tree at REF is read from git's objects (`git archive`) into a scratch
/// directory, so the work tree, the index, HEAD and the stash are never touched.
struct RefDiffRun {
    let ref: String
    let paths: [String]
    let format: DiffCommand.Format
    let options: BuildOptions

    func run() throws {
        let scratch = try Console.failing(status: 2) { try checkout() }
        defer { _ = Git.shell("rm -rf \(Git.quote(scratch.root))") }
        let reports = try Console.failing(status: 2) {
            try TreeDiff(options: options).run(oldRoot: PathName.join(scratch.root, scratch.prefix),
                                               newRoot: PathName.join(scratch.top, scratch.prefix), paths: paths)
        }
        let text: String
        switch format {
        case .text: text = Self.text(reports)
        case .json: text = Self.json(reports, ref: ref)
        case .markdown: text = Self.markdown(reports, ref: ref)
        }
        try Console.failing(status: 2) { try Console.writeStdout(Array(text.utf8)) }
        if reports.contains(where: { ($0.diff?.forbiddenCount ?? 0) > 0 }) { throw ExitCode(1) }
    }

    /// The repository's top, the working directory's place in it, and REF's tree extracted.
    private func checkout() throws -> (top: String, prefix: String, root: String) {
        guard let top = Git.output(["git", "rev-parse", "--show-toplevel"]) else { throw Diagnostic("not a git repository (or any parent up to /)") }
        let prefix = Git.output(["git", "rev-parse", "--show-prefix"]) ?? ""
        guard let commit = Git.output(["git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"]) else {
            throw Diagnostic("unknown revision '\(ref)'")
        }
        var template = Array("/tmp/sts-kustomize-ref-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Diagnostic("cannot make a scratch directory") }
        let root = String(cString: made)
        guard Git.shell("git -C \(Git.quote(top)) archive --format=tar \(Git.quote(commit)) | tar -x -C \(Git.quote(root))") == 0 else {
            throw Diagnostic("cannot read \(ref) from git's objects")
        }
        return (top, prefix, root)
    }

    static func text(_ reports: [TreeDiff.DirectoryReport]) -> String {
        var out = ""
        for r in reports where r.status != .unchanged {
            out += "== \(r.path) (\(r.status.rawValue))\n"
            if let error = r.error { out += "error: \(error)\n" } else if let diff = r.diff { out += DiffRenderer.text(diff) }
        }
        let changed = reports.filter { $0.status != .unchanged }.count
        out += "\(reports.count) kustomizations, \(changed) with changes\n"
        return out
    }

    static func json(_ reports: [TreeDiff.DirectoryReport], ref: String) -> String {
        func q(_ s: String?) -> String { s.map(ValueText.quoted) ?? "null" }
        var dirs: [String] = []
        for r in reports {
            var changes: [String] = []
            for c in r.diff?.resources ?? [] {
                func record(_ field: String?, _ old: String?, _ new: String?, forbidden: Bool) -> String {
                    "{\"resource\":\(q(c.resource.description)),\"field\":\(q(field)),\"old\":\(q(old)),\"new\":\(q(new)),\"forbidden\":\(forbidden)}"
                }
                switch c.status {
                case .added: changes.append(record(nil, nil, "added", forbidden: false))
                case .removed: changes.append(record(nil, "removed", nil, forbidden: false))
                case .changed:
                    let forbidden = Set(c.forbidden.map(\.path.description))
                    let extra = c.forbidden.filter { f in !c.changes.contains { $0.path == f.path } }
                    for f in c.changes + extra {
                        changes.append(record(f.path.description, f.old.map { ValueText.render($0) }, f.new.map { ValueText.render($0) },
                                              forbidden: forbidden.contains(f.path.description)))
                    }
                }
            }
            dirs.append("{\"path\":\(q(r.path)),\"status\":\"\(r.status.rawValue)\",\"changes\":[\(changes.joined(separator: ","))],\"error\":\(q(r.error))}")
        }
        return "{\"ref\":\(q(ref)),\"dirs\":[\(dirs.joined(separator: ","))]}\n"
    }

    static func markdown(_ reports: [TreeDiff.DirectoryReport], ref: String) -> String {
        var out = "### Rendered changes against `\(ref)`\n\n| kustomization | status | resources changed | forbidden |\n|---|---|---|---|\n"
        for r in reports where r.status != .unchanged {
            out += "| `\(r.path)` | \(r.status.rawValue) | \(r.diff?.resources.count ?? 0) | \(r.diff?.forbiddenCount ?? 0) |\n"
        }
        out += "\n\(reports.filter { $0.status == .unchanged }.count) of \(reports.count) kustomizations unchanged.\n"
        for r in reports where r.status != .unchanged {
            out += "\n<details><summary><code>\(r.path)</code>: \(r.status.rawValue)</summary>\n\n```\n"
            out += r.error.map { "error: \($0)\n" } ?? r.diff.map(DiffRenderer.text) ?? ""
            out += "```\n\n</details>\n"
        }
        return out
    }
}

/// Running git (and the shell for a pipe) without Foundation's Process.
enum Git {
    static func quote(_ s: String) -> String { "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'" }

    /// Whether a shell command line succeeded (0) or not (1); its output is discarded.
    static func shell(_ command: String) -> Int32 {
        system("(" + command + ") >/dev/null 2>&1") == 0 ? 0 : 1
    }

    /// The command's first line of output; nil when it fails.
    static func output(_ args: [String]) -> String? {
        guard let pipe = popen(args.map(quote).joined(separator: " ") + " 2>/dev/null", "r") else { return nil }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            bytes += buffer[..<n]
        }
        guard pclose(pipe) == 0 else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
