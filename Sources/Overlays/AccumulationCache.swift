import KubeModel
import Manifests
import Synchronization

/// Accumulated kustomizations shared by the builds of one `render`, keyed by real path: a base
/// or overlay that many builds use (an app overlay listed by every cluster kustomization) is
/// accumulated once, and every use gets its own deep copy.
///
/// An accumulation depends only on its directory as long as nothing outside it steers the
/// build, so the resolver neither stores nor uses entries while build metadata is tracked, the
/// managed-by label is on, or an `openapi:` schema has been chosen; it does not store
/// accumulations that declare `vars` (they point at resource objects) or choose a schema
/// themselves. An entry remembers every directory it went through, so a build for which one
/// of them is still in progress accumulates again and reports its cycle.
public final class AccumulationCache: @unchecked Sendable {
    struct Entry {
        let resources: ResourceMap
        let config: TransformerConfig
        let warnings: [BuildWarning]
        let visited: [String]
        /// The directory's kustomization kind and file, so a use checks the kind without
        /// reading the file again.
        let kind: Kustomization.Kind
        let file: String
    }

    // Stored entries are only read (deep-copied); the lock guards the table.
    private let lock = Mutex<Void>(())
    private var entries: [String: Entry] = [:]

    public init() {}

    func entry(for realPath: String) -> Entry? {
        lock.withLock { _ in entries[realPath] }
    }

    func store(_ entry: Entry, for realPath: String) {
        lock.withLock { _ in if entries[realPath] == nil { entries[realPath] = entry } }
    }

    /// How many accumulations it holds.
    public var count: Int { lock.withLock { _ in entries.count } }
}
