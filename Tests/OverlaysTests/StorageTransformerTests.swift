@testable import Overlays
import StsKustomize
import XCTest
import YAML

/// `storage:` behaviour beyond the oracle cases: what it leaves alone, and its errors, each
/// naming the kustomization file, the entry's line and the entry.
final class StorageTransformerTests: XCTestCase {
    private let root = "/work"
    /// The tree in memory: no temporary directories.
    private var tree = MemoryFileSystem()

    private let statefulSets = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          volumeClaimTemplates:
          - metadata: {name: data, annotations: {keep: me}}
            spec:
              accessModes: [ReadWriteMany]
              storageClassName: standard
              volumeMode: Block
              dataSource: {name: snap, kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io}
              resources: {requests: {storage: 1Gi}, limits: {storage: 2Gi}}
          - metadata: {name: wal}
            spec: {resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: cache}
        spec:
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: stateless}
        spec: {serviceName: x}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec: {}

        """

    override func setUp() {
        tree.write(root + "/sts.yaml", statefulSets)
    }

    private func build(storage: String) throws -> [String: String] {
        tree.write(root + "/kustomization.yaml", "resources:\n- sts.yaml\nstorage:\n" + storage)
        var byName: [String: String] = [:]
        for r in try Build(options: BuildOptions(fileSystem: tree)).run(root).resources.resources {
            byName[r.name] = try YAMLEmitter().emitString(r.object["spec"] ?? .null)
        }
        return byName
    }

    private func buildError(storage: String) -> String {
        do {
            _ = try build(storage: storage)
            return "no error"
        } catch {
            return "\(error)".replacingOccurrences(of: root + "/", with: "")
        }
    }

    func testOnlyTheGivenFieldsChange() throws {
        let before = try build(storage: "  []\n")
        let after = try build(storage: "- {name: db, claim: data, size: 5Gi}\n")
        XCTAssertEqual(after["db"], before["db"]?.replacingOccurrences(of: "requests:\n        storage: 1Gi\n    storageClassName", with: "requests:\n        storage: 5Gi\n    storageClassName"))
        XCTAssertNotEqual(after["db"], before["db"])
        XCTAssertEqual(after["cache"], before["cache"])
        XCTAssertTrue(after["db"]?.contains("limits:\n        storage: 2Gi") == true, after["db"] ?? "")
    }

    /// An entry may set any non-empty subset: access modes or a class alone leave the size
    /// (and a claim with no `resources`) as they were.
    func testAnySubsetOfFieldsMaySetAlone() throws {
        let before = try build(storage: "  []\n")
        let modes = try build(storage: "- {name: db, claim: wal, accessModes: [ReadWriteOncePod]}\n")
        XCTAssertEqual(modes["db"], before["db"]?.replacingOccurrences(
            of: "- metadata:\n    name: wal\n  spec:\n", with: "- metadata:\n    name: wal\n  spec:\n    accessModes:\n    - ReadWriteOncePod\n"))
        let onlyClass = try build(storage: "- {name: cache, storageClassName: fast}\n")
        XCTAssertEqual(onlyClass["cache"], before["cache"]?.replacingOccurrences(
            of: "      storage: 1Gi\n", with: "      storage: 1Gi\n    storageClassName: fast\n"))
        XCTAssertEqual(onlyClass["db"], before["db"])
    }

    func testNumbersStayNumbers() throws {
        let after = try build(storage: "- {name: cache, size: 1073741824}\n")
        XCTAssertTrue(after["cache"]?.contains("storage: 1073741824\n") == true, after["cache"] ?? "")
        let quoted = try build(storage: "- {name: cache, size: \"1073741824\"}\n")
        XCTAssertTrue(quoted["cache"]?.contains("storage: \"1073741824\"\n") == true, quoted["cache"] ?? "")
    }

    func testEntriesApplyInOrder() throws {
        let after = try build(storage: "- {claim: data, size: 5Gi}\n- {name: cache, size: 7Gi}\n")
        XCTAssertTrue(after["db"]?.contains("storage: 5Gi") == true)
        XCTAssertTrue(after["cache"]?.contains("storage: 7Gi") == true)
    }

    func testErrorsNameFileLineAndEntry() {
        let cases: [(String, String)] = [
            ("- name: nope\n  size: 1Gi\n",
             "kustomization.yaml:4:3: storage entry (name: nope): no StatefulSet is named 'nope' (by its original or current name)"),
            ("- name: web\n  size: 1Gi\n",
             "kustomization.yaml:4:3: storage entry (name: web): no StatefulSet is named 'web' (by its original or current name)"),
            ("- name: db\n  claim: logs\n  size: 1Gi\n",
             "kustomization.yaml:4:3: storage entry (name: db, claim: logs): StatefulSet 'db' has no claim template 'logs' (it has: data, wal)"),
            ("- claim: logs\n  size: 1Gi\n",
             "kustomization.yaml:4:3: storage entry (claim: logs): no StatefulSet has a claim template 'logs'"),
            ("- name: db\n  size: 1Gi\n",
             "kustomization.yaml:4:3: storage entry (name: db): StatefulSet 'db' has several claim templates (data, wal); say which with 'claim'"),
            ("- size: 1Gi\n",
             "kustomization.yaml:4:3: storage entry (every StatefulSet): StatefulSet 'db' has several claim templates (data, wal); say which with 'claim'"),
            ("- name: stateless\n  size: 1Gi\n",
             "kustomization.yaml:4:3: storage entry (name: stateless): StatefulSet 'stateless' has no volumeClaimTemplates"),
            ("- name: cache\n  size: 10GB\n",
             "kustomization.yaml:5:9: storage entry (name: cache): size '10GB' is not a Kubernetes quantity (such as 50Gi, 500Mi or 1e9)"),
            ("- name: cache\n  size: 0Gi\n",
             "kustomization.yaml:5:9: storage entry (name: cache): size '0Gi' must be greater than zero"),
            ("- name: cache\n  size: -5Gi\n",
             "kustomization.yaml:5:9: storage entry (name: cache): size '-5Gi' must be greater than zero"),
            ("- name: cache\n  size: [1Gi]\n",
             "kustomization.yaml:5:9: storage entry (name: cache): 'size' must be a quantity such as 50Gi"),
            ("- name: cache\n",
             "kustomization.yaml:4:3: storage entry (name: cache): sets nothing; give at least one of size, storageClassName, accessModes"),
            ("- name: cache\n  size: null\n",
             "kustomization.yaml:4:3: storage entry (name: cache): sets nothing; give at least one of size, storageClassName, accessModes"),
            ("- name: cache\n  size: 1Gi\n  accessModes: [RWO]\n",
             "kustomization.yaml:6:16: storage entry (name: cache): unknown access mode 'RWO' (one of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod)"),
            ("- name: cache\n  size: 1Gi\n  accessModes: []\n",
             "kustomization.yaml:6:16: storage entry (name: cache): accessModes must not be empty"),
            ("- name: cache\n  size: 1Gi\n  storageClass: fast\n",
             "kustomization.yaml:6:3: storage entry: unknown field 'storageClass'"),
            ("- cache\n",
             "kustomization.yaml:4:3: storage entry must be a mapping"),
        ]
        for (storage, message) in cases {
            XCTAssertEqual(buildError(storage: storage), message, storage)
        }
    }

    func testAClaimTemplateSpecThatIsNotAMappingIsAnError() throws {
        tree.write(root + "/sts.yaml", statefulSets.replacingOccurrences(
            of: "spec: {resources: {requests: {storage: 1Gi}}}\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: stateless}",
            with: "spec: oops\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: stateless}"))
        XCTAssertEqual(buildError(storage: "- {name: cache, size: 1Gi}\n"),
                       "kustomization.yaml:4:3: storage entry (name: cache): 'spec' in a claim template of StatefulSet 'cache' is not a mapping")
    }
}
