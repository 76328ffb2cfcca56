import FoundationEssentials
import Glibc
import YAML

/// The real file system, through POSIX calls.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func type(of path: String) -> FileEntryType {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// The absolute path with symlinks, `.` and `..` resolved; nil when it does not exist.
    public func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    public func linkStatus(_ path: String) -> LinkStatus {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        return (st.st_mode & S_IFMT) == S_IFLNK ? .link : .notLink
    }

    /// The bytes of a file, at most `limit` of them: a larger file is an error found from its
    /// size before anything is read, and a file that keeps growing while read (a device, a
    /// FIFO) is cut off at the limit and refused, so memory stays bounded.
    public func readBytes(_ path: String, limit: Int) throws -> [UInt8] {
        // Non-blocking open: a FIFO nobody writes to would otherwise wait forever in open(2)
        // (kustomize hangs there). Reads block again afterwards, so a FIFO with a writer is
        // read to its end (or the limit); one without reads as empty.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw Diagnostic("cannot read file: \(String(cString: strerror(errno)))", file: path)
        }
        defer { close(fd) }
        // O_NONBLOCK changes nothing for a regular file; only anything else gets it cleared
        var st = stat()
        if fstat(fd, &st) != 0 || (st.st_mode & S_IFMT) != S_IFREG {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        }
        return try Self.readAll(fd, name: path, limit: limit)
    }

    /// Everything an open descriptor yields (standard input too), at most `limit` bytes.
    public static func readAll(_ fd: Int32, name: String, limit: Int = ParseLimits.default.maxInputBytes) throws -> [UInt8] {
        let tooLarge = Diagnostic("input is larger than the limit of \(limit) bytes", file: name)
        var st = stat()
        var expected = 0
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
            if Int(st.st_size) > limit { throw tooLarge }
            expected = Int(st.st_size)
        }
        var out = [UInt8](repeating: 0, count: min(max(expected + 1, 4096), limit + 1))
        var total = 0
        while true {
            if total == out.count {
                guard out.count <= limit else { throw tooLarge }
                out.append(contentsOf: [UInt8](repeating: 0, count: min(out.count, limit + 1 - out.count)))
            }
            let n = out.withUnsafeMutableBytes { buf in read(fd, buf.baseAddress! + total, buf.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic("cannot read file: \(String(cString: strerror(errno)))", file: name)
            }
            if n == 0 { break }
            total += n
            if total > limit { throw tooLarge }
        }
        out.removeSubrange(total...)
        return out
    }

    public func listDirectory(_ path: String) throws -> [String] {
        try listDirectoryWithTypes(path).map(\.name)
    }

    /// readdir(3): the entry types come with the names, so a walk needs no stat per entry.
    public func listDirectoryWithTypes(_ path: String) throws -> [(name: String, type: FileEntryType?)] {
        guard let dir = opendir(path) else { throw Diagnostic("cannot list directory", file: path) }
        defer { closedir(dir) }
        var entries: [(name: String, type: FileEntryType?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type: FileEntryType?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): type = .directory
            case Int32(DT_REG): type = .file
            default: type = nil
            }
            entries.append((name, type))
        }
        return entries.sorted { $0.name < $1.name }
    }
}
