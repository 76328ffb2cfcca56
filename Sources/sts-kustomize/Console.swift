import ArgumentParser
import FoundationEssentials
import Glibc
import StsKustomize

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

    /// Runs `body`; any error it throws is printed as `Error: …` and becomes exit `status`
    /// (each command documents its own). A diagnostic with a position also shows the source
    /// line and a caret when standard error is a terminal.
    static func failing<T>(status: Int32, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as Diagnostic {
            error("Error: \(e)")
            if isatty(2) == 1, !e.file.isEmpty, let source = try? DiskFileSystem().readBytes(e.file), let snippet = e.snippet(source: source) {
                error(snippet)
            }
            throw ExitCode(status)
        } catch let e as OutputError {
            error("Error: \(e.message)")
            throw ExitCode(status)
        } catch let e {
            error("Error: \(e)")
            throw ExitCode(status)
        }
    }

    static let workingDirectory: String = FileManager.default.currentDirectoryPath

    /// Values kept alive until the process exits: freeing every node of a large build costs
    /// more than the build's transforms, and the OS reclaims the memory at once.
    nonisolated(unsafe) private static var keptUntilExit: [Any] = []

    static func keepUntilExit(_ value: Any) {
        keptUntilExit.append(value)
    }
}
