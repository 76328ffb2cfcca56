import YAML

/// What a path names, after symlinks.
public enum FileEntryType: Sendable { case file, directory, missing }

/// What a path's last component is, without following it.
public enum LinkStatus: Sendable { case missing, link, notLink }

/// The file operations a build needs. The loader reads through one of these, so a build can
/// run on disk (`DiskFileSystem`, the default) or on a tree in memory (`MemoryFileSystem`,
/// for tests and for embedders that render generated trees).
public protocol FileSystem: Sendable {
    /// What `path` names once symlinks are followed.
    func type(of path: String) -> FileEntryType
    /// The absolute path with symlinks, `.` and `..` resolved; nil when it does not exist.
    func realPath(_ path: String) -> String?
    /// Whether the last component of `path` is a symlink (lstat), so a caller that knows the
    /// real path of its directory can tell its real path without resolving every component.
    func linkStatus(_ path: String) -> LinkStatus
    /// The bytes of a file, at most `limit` of them (more is an error, found before reading
    /// where the size is known).
    func readBytes(_ path: String, limit: Int) throws -> [UInt8]
    /// The names in a directory, sorted.
    func listDirectory(_ path: String) throws -> [String]
    /// The names in a directory, sorted, each with its type when the listing tells it without
    /// another look (a plain file or directory); nil for a symlink or an unknown type.
    func listDirectoryWithTypes(_ path: String) throws -> [(name: String, type: FileEntryType?)]
}

extension FileSystem {
    /// Unknown: a caller resolves the whole path.
    public func linkStatus(_ path: String) -> LinkStatus { .link }

    public func listDirectoryWithTypes(_ path: String) throws -> [(name: String, type: FileEntryType?)] {
        try listDirectory(path).map { ($0, nil) }
    }

    /// The bytes of a file, within the default input limit.
    public func readBytes(_ path: String) throws -> [UInt8] {
        try readBytes(path, limit: ParseLimits.default.maxInputBytes)
    }
}
