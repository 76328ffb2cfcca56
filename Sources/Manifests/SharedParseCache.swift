import Synchronization
import YAML

/// Parsed files shared by many builds in one process (`render`), keyed by real path: every file
/// is read and parsed once however many kustomizations use it. The stored trees stay pristine:
/// builds get deep copies, which they may change.
public final class SharedParseCache: @unchecked Sendable {
    // The trees are only read (deep-copied) after they are stored; the lock guards the table.
    private let lock = Mutex<Void>(())
    private var documents: [String: [Node]] = [:]
    /// Real paths found so far: each costs a readlink per path component, and every build of a
    /// render resolves the same bases and files again. Paths that do not exist are not kept.
    private var realPaths: [String: String] = [:]

    public init() {}

    /// Copies of the file's documents, parsing them with `parse` the first time.
    func documents(for realPath: String, parse: () throws -> [Node]) throws -> [Node] {
        if let cached = lock.withLock({ _ in documents[realPath] }) {
            return cached.map { $0.deepCopy() }
        }
        let parsed = try parse()
        lock.withLock { _ in if documents[realPath] == nil { documents[realPath] = parsed } }
        return parsed.map { $0.deepCopy() }
    }

    /// The real path of `path`, resolved with `resolve` the first time it is asked for.
    func realPath(_ path: String, resolve: () -> String?) -> String? {
        if let known = lock.withLock({ _ in realPaths[path] }) { return known }
        guard let real = resolve() else { return nil }
        lock.withLock { _ in realPaths[path] = real }
        return real
    }

    /// How many files it holds.
    public var count: Int { lock.withLock { _ in documents.count } }
}
