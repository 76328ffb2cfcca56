import Foundation

/// A failure to write output (standard output or `-o PATH`), with the reason in words.
struct OutputError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    /// "cannot write PATH: no such directory" and so on, from `errno`.
    init(writing path: String, errno code: Int32) {
        let reason: String
        switch code {
        case ENOENT: reason = "no such directory"
        case EISDIR: reason = "is a directory"
        case ENAMETOOLONG: reason = "file name too long"
        case EACCES, EPERM: reason = "permission denied"
        case ENOSPC: reason = "no space left on device"
        case EROFS: reason = "read-only file system"
        case ENOTDIR: reason = "a parent is not a directory"
        default: reason = String(cString: strerror(code))
        }
        self.message = "cannot write \(path): \(reason)"
    }
}

/// The process's standard streams, written with plain `write(2)`: a full disk or a closed
/// descriptor is an `OutputError`, never a crash.
enum Console {
    static func error(_ s: String) {
        _ = try? writeAll(2, Array((s + "\n").utf8), name: "standard error")
    }

    static func writeStdout(_ bytes: [UInt8]) throws {
        try writeAll(1, bytes, name: "standard output")
    }

    /// Writes every byte, retrying interrupted and partial writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buf in write(fd, buf.baseAddress! + offset, buf.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(writing: name, errno: errno)
            }
            offset += n
        }
    }
}
