/// Path arithmetic on strings, without touching any file system.
public enum PathName {
    /// Joins a path relative to `dir` (absolute paths are kept).
    public static func join(_ dir: String, _ path: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        return normalize(dir.hasSuffix("/") ? dir + path : dir + "/" + path)
    }

    /// Removes `.`, `..` and doubled slashes without touching the disk.
    public static func normalize(_ path: String) -> String {
        var path = path
        return path.withUTF8 { b -> String? in
            // Component ranges, `.` dropped and `..` resolved; nil when nothing changes.
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            let absolute = b.first == slash
            var parts: [Range<Int>] = []
            var changed = b.isEmpty || (b.count > 1 && b[b.count - 1] == slash)
            var i = 0
            while i < b.count {
                if b[i] == slash {
                    if i > 0 && b[i - 1] == slash { changed = true }
                    i += 1
                    continue
                }
                var j = i
                while j < b.count && b[j] != slash { j += 1 }
                let n = j - i
                if n == 1 && b[i] == dot {
                    changed = true
                } else if n == 2 && b[i] == dot && b[i + 1] == dot {
                    if let last = parts.last, !(last.count == 2 && b[last.lowerBound] == dot && b[last.lowerBound + 1] == dot) {
                        parts.removeLast()
                        changed = true
                    } else if !absolute {
                        parts.append(i..<j)
                    } else {
                        changed = true
                    }
                } else {
                    parts.append(i..<j)
                }
                i = j
            }
            guard changed else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            if absolute { out.append(slash) }
            for (k, r) in parts.enumerated() {
                if k > 0 { out.append(slash) }
                out.append(contentsOf: b[r])
            }
            if out.isEmpty { return "." }
            return String(decoding: out, as: UTF8.self)
        } ?? path
    }

    public static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
