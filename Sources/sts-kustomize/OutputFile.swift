import FoundationEssentials
import Glibc

/// `-o PATH`: a regular file (or a new one) is replaced atomically, through a temporary file
/// of our own beside it; anything else at PATH — a device, a FIFO, a symlink — is written
/// through (a dangling symlink creates its target, as a shell redirection does), so
/// `-o /dev/null` or `-o /dev/stdout` does what it says.
enum OutputFile {
    /// Temporary files are named `.<name>.sts-kustomize-<pid>-<n>.tmp`.
    static let marker = ".sts-kustomize-"

    /// `durable`: flush to the disk before the rename (a crash then leaves the old file or the
    /// new one, never an empty one). `render` writes hundreds of files and skips it.
    static func write(_ path: String, _ bytes: [UInt8], durable: Bool = true, lookForStaleTemporaries: Bool = true) throws {
        var st = stat()
        let exists = lstat(path, &st) == 0
        if exists, (st.st_mode & S_IFMT) != S_IFREG {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw OutputError(writing: path, errno: EISDIR) }
            try writeThrough(path, bytes)
            return
        }
        let existingMode: mode_t? = exists ? st.st_mode & 0o7777 : nil
        let (dir, base) = split(path)
        // The temporary's name must fit where the target's does.
        let stem = String(base.prefix(50))
        if lookForStaleTemporaries { removeStaleTemporaries(in: dir, for: stem) }
        var attempt = 0
        var tmp = ""
        var fd: Int32 = -1
        while fd < 0 {
            tmp = (dir.isEmpty ? "" : dir + "/") + "." + stem + marker + "\(getpid())-\(attempt).tmp"
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0 {
                guard errno == EEXIST, attempt < 100 else { throw OutputError(writing: path, errno: errno) }
                attempt += 1
            }
        }
        do {
            defer { close(fd) }
            if let existingMode { fchmod(fd, existingMode) }
            try Console.writeAll(fd, bytes, name: path)
            if durable && fsync(fd) != 0 { throw OutputError(writing: path, errno: errno) }
        } catch {
            unlink(tmp)
            throw error
        }
        if rename(tmp, path) != 0 {
            let code = errno
            unlink(tmp)
            throw OutputError(writing: path, errno: code)
        }
    }

    private static func writeThrough(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError(writing: path, errno: errno) }
        defer { close(fd) }
        try Console.writeAll(fd, bytes, name: path)
    }

    private static func split(_ path: String) -> (dir: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    /// Our temporaries for this file left by a process that no longer runs (killed mid-write).
    private static func removeStaleTemporaries(in dir: String, for base: String) {
        let prefix = "." + base + marker
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let rest = name.dropFirst(prefix.count).dropLast(4)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink((dir.isEmpty ? "" : dir + "/") + name)
            }
        }
    }
}
