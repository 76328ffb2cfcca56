import YAML

/// Splitting kustomize field paths (`spec.template.spec.containers.[name=main].image`,
/// `metadata.annotations.[a.b/c]`) into segments, as kyaml's path splitters do.
public enum KustomizeFieldPath {
    /// kyaml's `PathSplitter`: splits on `delimiter`, a backslash before it keeps it literal.
    /// A leading delimiter is dropped (`.spec.replicas`, `/metadata/name`), as kyaml allows.
    public static func plainSplit(_ path: String, delimiter: Character = ".") -> [String] {
        var parts = path.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, parts[0].isEmpty { parts.removeFirst() }
        var out: [String] = []
        out.reserveCapacity(parts.count)
        for (i, part) in parts.enumerated() {
            if i > 0, let last = out.last, last.hasSuffix("\\") {
                out[out.count - 1] = String(last.dropLast()) + String(delimiter) + part
            } else {
                out.append(part)
            }
        }
        return out
    }

    /// kyaml's `SmarterPathSplitter`: a bracketed run that spans delimiters stays one
    /// segment; it keeps its brackets when it is a list match (`[name=a.b]`) and loses
    /// them when it is a map key (`[a.b/c]` → `a.b/c`).
    public static func split(_ path: String) -> [String] {
        let parts = plainSplit(path)
        var out: [String] = []
        var i = 0
        while i < parts.count {
            let elem = parts[i]
            if elem.hasPrefix("["), !elem.hasSuffix("]") {
                var bracketed = [elem]
                while i < parts.count - 1 {
                    i += 1
                    bracketed.append(parts[i])
                    if parts[i].hasSuffix("]") { break }
                }
                let joined = bracketed.joined(separator: ".")
                if joined.contains("=") {
                    out.append(joined)
                } else {
                    out.append(trimBrackets(joined))
                }
            } else {
                out.append(elem)
            }
            i += 1
        }
        return out
    }

    /// Go's `strings.Trim(s, "[]")`.
    static func trimBrackets(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == "[" || f == "]" { sub = sub.dropFirst() }
        while let l = sub.last, l == "[" || l == "]" { sub = sub.dropLast() }
        return String(sub)
    }

    /// The split a `vars:` field reference gets: plain `.` separation, then `name[3]`
    /// becomes `name`, `3` (kyaml's `convertSliceIndex`).
    public static func splitVarPath(_ path: String) -> [String] {
        var out: [String] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard part.hasSuffix("]"), let open = part.lastIndex(of: "[") else {
                out.append(String(part))
                continue
            }
            let digits = part[part.index(after: open)..<part.index(before: part.endIndex)]
            guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else {
                out.append(String(part))
                continue
            }
            let head = part[..<open]
            if !head.isEmpty { out.append(String(head)) }
            out.append(String(digits))
        }
        return out
    }

    /// A `[field=value]` segment.
    public static func isListMatch(_ segment: String) -> Bool {
        segment.hasPrefix("[") && segment.hasSuffix("]")
    }

    /// Splits `[name=value]` into its halves; nil when there is no `=`.
    public static func listMatchParts(_ segment: String) -> (field: String, value: String)? {
        var inner = Substring(segment)
        if inner.hasSuffix("]") { inner = inner.dropLast() }
        if inner.hasPrefix("[") { inner = inner.dropFirst() }
        guard let eq = inner.firstIndex(of: "=") else { return nil }
        return (String(inner[..<eq]), String(inner[inner.index(after: eq)...]))
    }

    static let listMatchError = "list path element must contain fieldName=fieldValue for element to match"

    /// kyaml's `IsIdxNumber`: a non-negative base-10 integer that fits 32 bits.
    public static func indexNumber(_ segment: String) -> Int? {
        guard let v = Int32(segment), v >= 0 else { return nil }
        return Int(v)
    }
}
