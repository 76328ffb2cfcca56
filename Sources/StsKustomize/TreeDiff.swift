import KubeModel
import Manifests
import Overlays
import StatefulSetChecks
import YAML

/// Two renders of a repository compared directory by directory (`diff --ref`): the
/// kustomizations found under the same relative paths in an old and a new tree, each rendered
/// with `Render`, and what changed in each.
public struct TreeDiff: Sendable {
    public var options: BuildOptions
    public var jobs: Int

    public init(options: BuildOptions = BuildOptions(), jobs: Int = Render.processorCount) {
        self.options = options
        self.jobs = jobs
    }

    public struct DirectoryReport {
        public enum Status: String, Sendable { case unchanged, changed, added, removed, error }
        public var path: String
        public var status: Status
        /// The changes, for a changed, added or removed directory.
        public var diff: ManifestDiff?
        public var error: String?
    }

    /// Compares the kustomizations under `paths` (relative to both roots).
    public func run(oldRoot: String, newRoot: String, paths: [String]) throws -> [DirectoryReport] {
        func found(_ root: String) throws -> [String] {
            let existing = paths.map { PathName.join(root, $0) }.filter { DiskFileSystem().type(of: $0) == .directory }
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return try Render.discover(existing).map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        }
        let oldDirs = try found(oldRoot), newDirs = try found(newRoot)
        let old = Dictionary(uniqueKeysWithValues: zip(oldDirs, Render(options: options, jobs: jobs).run(oldDirs.map { PathName.join(oldRoot, $0) })))
        let new = Dictionary(uniqueKeysWithValues: zip(newDirs, Render(options: options, jobs: jobs).run(newDirs.map { PathName.join(newRoot, $0) })))
        var reports: [DirectoryReport] = []
        for dir in Set(oldDirs).union(newDirs).sorted() {
            let before = old[dir], after = new[dir]
            if let e = before?.error ?? after?.error {
                reports.append(DirectoryReport(path: dir, status: .error, diff: nil, error: "\(e)"))
                continue
            }
            do {
                let loader = ManifestLoader(limits: options.limits)
                let oldResources = try before.map { try loader.resources(bytes: $0.output ?? [], file: dir) } ?? []
                let newResources = try after.map { try loader.resources(bytes: $0.output ?? [], file: dir) } ?? []
                let diff = try ManifestDiff(old: oldResources, new: newResources)
                let status: DirectoryReport.Status = before == nil ? .added : after == nil ? .removed : diff.resources.isEmpty ? .unchanged : .changed
                reports.append(DirectoryReport(path: dir, status: status, diff: diff, error: nil))
            } catch {
                reports.append(DirectoryReport(path: dir, status: .error, diff: nil, error: "\(error)"))
            }
        }
        return reports
    }
}
