/// Go's `path.Join` and `path.Clean`, which kustomize uses to chain the entries that led to
/// a resource into its origin path (`../base/` then `deploy.yaml` is `../base/deploy.yaml`).
/// Purely lexical: nothing is looked up on disk.
enum GoPath {
    /// `path.Join`: the non-empty elements joined by `/`, then cleaned; "" when all are empty.
    static func join(_ elements: String...) -> String { join(elements) }

    static func join(_ elements: [String]) -> String {
        let parts = elements.filter { !$0.isEmpty }
        if parts.isEmpty { return "" }
        return clean(parts.joined(separator: "/"))
    }

    /// `path.Base`: the last slash-separated element, trailing slashes ignored.
    static func base(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        var bytes = Array(path.utf8)[...]
        if bytes.isEmpty { return "." }
        while bytes.count > 1, bytes.last == slash { bytes = bytes.dropLast() }
        if bytes.count == 1, bytes.first == slash { return "/" }
        if let lastSlash = bytes.lastIndex(of: slash) { bytes = bytes[(lastSlash + 1)...] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `path.Clean`: no empty, `.` or inner `..` segments; "." for an empty result.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var out: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                if let last = out.last, last != ".." {
                    out.removeLast()
                } else if !rooted {
                    out.append(segment)
                }
            default:
                out.append(segment)
            }
        }
        let body = out.joined(separator: "/")
        if rooted { return "/" + body }
        return body.isEmpty ? "." : body
    }

    /// The path of `target` seen from directory `base`, both absolute and clean
    /// (`/a/b`, `/a/c/d` → `../c/d`).
    static func relative(_ target: String, from base: String) -> String {
        let t = target.split(separator: "/", omittingEmptySubsequences: true)
        let b = base.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < t.count, common < b.count, t[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        let down = t[common...].map(String.init)
        let parts = up + down
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
