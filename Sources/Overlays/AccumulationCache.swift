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
///
/// When the render knows how often each accumulation will be asked for (`expectUses`), an
/// accumulation nobody else will use is not kept, and its last expected use takes the stored
/// tree itself instead of a copy, which also frees the entry. A use beyond the expected ones
/// finds nothing and accumulates again, so a wrong count costs time, never correctness.
public final class AccumulationCache: @unchecked Sendable {
    final class Entry: @unchecked Sendable {
        let resources: ResourceMap
        let config: TransformerConfig
        let warnings: [BuildWarning]
        let visited: [String]
        /// The directory's kustomization kind and file, so a use checks the kind without
        /// reading the file again.
        let kind: Kustomization.Kind
        let file: String
        /// Uses still expected (nil: unknown, keep for ever) and whether the tree was handed
        /// over; copies and the hand-over are made under this lock, so no copy reads a tree
        /// its new owner is changing.
        fileprivate let state: Mutex<(remaining: Int?, taken: Bool)>

        init(resources: ResourceMap, config: TransformerConfig, warnings: [BuildWarning], visited: [String],
             kind: Kustomization.Kind, file: String) {
            self.resources = resources
            self.config = config
            self.warnings = warnings
            self.visited = visited
            self.kind = kind
            self.file = file
            state = Mutex((nil, false))
        }
    }

    // Stored trees are only read (deep-copied) or handed over under their entry's lock; this
    // lock guards the tables.
    private let lock = Mutex<Void>(())
    private var entries: [String: Entry] = [:]
    private var expectedUses: [String: Int] = [:]

    public init() {}

    /// How many times, after the accumulation that stores it, each directory's accumulation
    /// will be used (by real path); directories not listed are kept for any number of uses.
    public func expectUses(_ uses: [String: Int]) {
        lock.withLock { _ in expectedUses.merge(uses) { _, new in new } }
    }

    func entry(for realPath: String) -> Entry? {
        lock.withLock { _ in entries[realPath] }
    }

    func store(_ entry: Entry, for realPath: String) {
        lock.withLock { _ in
            let expected = expectedUses[realPath]
            if expected == 0 || entries[realPath] != nil { return }
            entry.state.withLock { $0.remaining = expected }
            entries[realPath] = entry
        }
    }

    /// Whether `realPath` would be kept at all (false when nobody is expected to use it).
    func wouldStore(_ realPath: String) -> Bool {
        lock.withLock { _ in expectedUses[realPath] != 0 }
    }

    /// The entry's resources for one use: a deep copy, or for the last expected use the stored
    /// tree itself (the entry then leaves the cache); nil when an earlier use took it.
    func resources(of entry: Entry, for realPath: String) -> ResourceMap? {
        let (resources, handedOver): (ResourceMap?, Bool) = entry.state.withLock { state in
            if state.taken { return (nil, false) }
            if let remaining = state.remaining {
                if remaining <= 1 {
                    state.taken = true
                    return (entry.resources, true)
                }
                state.remaining = remaining - 1
            }
            return (entry.resources.deepCopy(), false)
        }
        if handedOver { lock.withLock { _ in if entries[realPath] === entry { entries[realPath] = nil } } }
        return resources
    }

    /// How many accumulations it holds.
    public var count: Int { lock.withLock { _ in entries.count } }
}
