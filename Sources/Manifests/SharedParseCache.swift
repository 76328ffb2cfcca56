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
    /// The name of the kustomization file found in each directory (by its real path).
    private var kustomizationFileNames: [String: String] = [:]

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

    /// The name of the kustomization file in the directory at `realDir`, found with `find` the
    /// first time (a directory without one, or with several, is not kept: `find` reports it
    /// each time). The restrictor decides whether a symlinked file counts, so it is part of
    /// the key.
    func kustomizationFileName(in realDir: String, restrictor: LoadRestrictor, find: () throws -> String) throws -> String {
        let key = restrictor.rawValue + ":" + realDir
        if let known = lock.withLock({ _ in kustomizationFileNames[key] }) { return known }
        let name = try find()
        lock.withLock { _ in kustomizationFileNames[key] = name }
        return name
    }

    /// How many files it holds.
    public var count: Int { lock.withLock { _ in documents.count } }
}
