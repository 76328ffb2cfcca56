import YAML

/// A file tree held in memory: files, directories and symlinks at absolute paths. Relative
/// paths are taken from `/`. Tests build trees with it instead of temporary directories, and
/// an embedder can render a tree it generated without writing it out.
public struct MemoryFileSystem: FileSystem {
    public private(set) var files: [String: [UInt8]] = [:]
    public private(set) var directories: Set<String> = ["/"]
    public private(set) var symlinks: [String: String] = [:]

    /// A tree of text files: path (absolute, or relative to `/`) → contents.
    public init(_ files: [String: String] = [:]) {
        for (path, text) in files { write(path, text) }
    }

    /// Adds or replaces a file, making its parent directories.
    public mutating func write(_ path: String, _ text: String) {
        write(path, bytes: Array(text.utf8))
    }

    public mutating func write(_ path: String, bytes: [UInt8]) {
        let p = Self.absolute(path)
        makeDirectory(PathName.dirname(p))
        files[p] = bytes
    }

    /// Makes a directory and its parents.
    public mutating func makeDirectory(_ path: String) {
        var p = Self.absolute(path)
        while directories.insert(p).inserted, p != "/" { p = PathName.dirname(p) }
    }

    /// Makes `path` a symlink to `target` (absolute, or relative to the link's directory).
    public mutating func link(_ path: String, to target: String) {
        let p = Self.absolute(path)
        makeDirectory(PathName.dirname(p))
        symlinks[p] = target
    }

    public func type(of path: String) -> FileEntryType {
        guard let real = realPath(path) else { return .missing }
        return directories.contains(real) ? .directory : .file
    }

    public func realPath(_ path: String) -> String? {
        var pending = Self.absolute(path).split(separator: "/").map(String.init)
        var resolved = "/"
        var hops = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." { continue }
            if component == ".." { resolved = PathName.dirname(resolved); continue }
            let candidate = PathName.join(resolved, component)
            if let target = symlinks[candidate] {
                hops += 1
                guard hops <= 40 else { return nil }  // ELOOP, as the kernel counts
                let targetPath = target.hasPrefix("/") ? target : PathName.join(resolved, target)
                pending = targetPath.split(separator: "/").map(String.init) + pending
                resolved = "/"
                continue
            }
            guard files[candidate] != nil || directories.contains(candidate) else { return nil }
            resolved = candidate
        }
        return resolved
    }

    public func linkStatus(_ path: String) -> LinkStatus {
        guard let dir = realPath(PathName.dirname(Self.absolute(path))) else { return .missing }
        let p = PathName.join(dir, PathName.basename(Self.absolute(path)))
        if symlinks[p] != nil { return .link }
        return files[p] != nil || directories.contains(p) ? .notLink : .missing
    }

    public func readBytes(_ path: String, limit: Int) throws -> [UInt8] {
        guard let real = realPath(path), let bytes = files[real] else {
            let why = realPath(path).map { directories.contains($0) } == true ? "is a directory" : "no such file or directory"
            throw Diagnostic("cannot read file: \(why)", file: path)
        }
        if bytes.count > limit { throw Diagnostic("input is larger than the limit of \(limit) bytes", file: path) }
        return bytes
    }

    public func listDirectory(_ path: String) throws -> [String] {
        guard let real = realPath(path), directories.contains(real) else {
            throw Diagnostic("cannot list directory", file: path)
        }
        let prefix = real == "/" ? "/" : real + "/"
        var names = Set<String>()
        for p in Array(files.keys) + Array(directories) + Array(symlinks.keys) where p.hasPrefix(prefix) && p != real {
            let rest = p.dropFirst(prefix.count)
            if !rest.isEmpty && !rest.contains("/") { names.insert(String(rest)) }
        }
        return names.sorted()
    }

    private static func absolute(_ path: String) -> String {
        PathName.join("/", path)
    }
}
