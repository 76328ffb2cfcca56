import Manifests
import YAML

/// Go's `filepath.Glob` and `filepath.Match` as `edit add resource` and `remove resource` use
/// them: `*` and `?` never cross `/`, `[...]` classes, `\` escapes; hidden files match only a
/// pattern that starts with a dot.
enum ResourceGlob {
    /// Each pattern's matches (sorted per directory), or the pattern itself when it names a
    /// remote resource (not fetched: we never go to the network). A pattern that matches nothing
    /// is kustomize's error.
    static func expand(_ patterns: [String], in dir: String, fileSystem: any FileSystem) throws -> [String] {
        var out: [String] = []
        for pattern in patterns {
            let matches = try glob(pattern, in: dir, fileSystem: fileSystem)
            if !matches.isEmpty {
                out += matches
            } else if RemoteReference.looksRemote(pattern) {
                out.append(pattern)
            } else {
                let abs = PathName.join(dir, pattern)
                throw EditError("\(pattern) has no match: must build at directory: not a valid directory: "
                    + "evalsymlink failure on '\(abs)' : lstat \(abs): no such file or directory")
            }
        }
        return out
    }

    static func glob(_ pattern: String, in dir: String, fileSystem: any FileSystem) throws -> [String] {
        let absolute = pattern.hasPrefix("/")
        var candidates = [absolute ? "/" : ""]
        for component in pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            var next: [String] = []
            for base in candidates {
                let here = base.isEmpty ? "." : base
                func joined(_ name: String) -> String { base.isEmpty ? name : (base == "/" ? "/" + name : base + "/" + name) }
                if !hasMeta(component) {
                    let unescaped = component.replacingBackslashes()
                    if fileSystem.type(of: PathName.join(dir, joined(unescaped))) != .missing { next.append(joined(unescaped)) }
                    continue
                }
                guard fileSystem.type(of: PathName.join(dir, here)) == .directory else { continue }
                for name in try fileSystem.listDirectory(PathName.join(dir, here)) {
                    if name.hasPrefix(".") && !component.hasPrefix(".") { continue }
                    if try matches(component, name) { next.append(joined(name)) }
                }
            }
            candidates = next
        }
        return candidates.filter { !$0.isEmpty && $0 != "/" }
    }

    private static func hasMeta(_ s: String) -> Bool {
        s.contains { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "\\" }
    }

    /// `filepath.Match(pattern, name)`; a malformed pattern is Go's `syntax error in pattern`.
    static func matches(_ pattern: String, _ name: String) throws -> Bool {
        let p = Array(pattern), n = Array(name)
        func match(_ pi: Int, _ ni: Int) throws -> Bool {
            var pi = pi, ni = ni
            while pi < p.count {
                switch p[pi] {
                case "*":
                    var rest = pi
                    while rest < p.count && p[rest] == "*" { rest += 1 }
                    var k = ni
                    while true {
                        if try match(rest, k) { return true }
                        if k >= n.count || n[k] == "/" { return false }
                        k += 1
                    }
                case "?":
                    guard ni < n.count, n[ni] != "/" else { return false }
                    pi += 1; ni += 1
                case "[":
                    guard ni < n.count else {
                        _ = try classEnd(p, from: pi)
                        return false
                    }
                    let (end, ok) = try matchClass(p, from: pi, n[ni])
                    guard ok, n[ni] != "/" else { return false }
                    pi = end; ni += 1
                case "\\":
                    guard pi + 1 < p.count else { throw EditError("syntax error in pattern") }
                    guard ni < n.count, n[ni] == p[pi + 1] else { return false }
                    pi += 2; ni += 1
                default:
                    guard ni < n.count, n[ni] == p[pi] else { return false }
                    pi += 1; ni += 1
                }
            }
            return ni == n.count
        }
        return try match(0, 0)
    }

    private static func classEnd(_ p: [Character], from start: Int) throws -> Int {
        var i = start + 1
        if i < p.count && p[i] == "^" { i += 1 }
        var first = true
        while i < p.count && (p[i] != "]" || first) {
            if p[i] == "\\" { i += 1 }
            i += 1
            first = false
        }
        guard i < p.count else { throw EditError("syntax error in pattern") }
        return i + 1
    }

    private static func matchClass(_ p: [Character], from start: Int, _ c: Character) throws -> (Int, Bool) {
        let end = try classEnd(p, from: start)
        var i = start + 1
        var negated = false
        if p[i] == "^" { negated = true; i += 1 }
        var matched = false
        while i < end - 1 {
            var lo = p[i]
            if lo == "\\" { i += 1; lo = p[i] }
            var hi = lo
            if i + 2 < end - 1 && p[i + 1] == "-" {
                hi = p[i + 2]
                if hi == "\\" { hi = p[i + 3]; i += 1 }
                i += 2
            }
            if lo <= c && c <= hi { matched = true }
            i += 1
        }
        return (end, matched != negated)
    }
}

extension String {
    fileprivate func replacingBackslashes() -> String {
        var out = ""
        var escaped = false
        for c in self {
            if !escaped && c == "\\" { escaped = true; continue }
            out.append(c)
            escaped = false
        }
        return out
    }
}
