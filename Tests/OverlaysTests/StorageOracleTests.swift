import Foundation
import StsKustomize
import XCTest

/// `storage:` renders what the equivalent JSON 6902 patches render. The expected outputs
/// were produced by `kubectl kustomize` (Kustomize v5.5.0) on each case's `json` overlay;
/// set `STORAGE_ORACLE=1` with kubectl on the PATH to check them again.
final class StorageOracleTests: XCTestCase {
    struct OracleCase {
        var name: String
        var files: [String: String]
        var expected: String
    }

    /// Two StatefulSets: `db` with claims `data` (complete) and `wal` (no resources, class or
    /// modes), `cache` with one claim `data` carrying a label and a storage limit.
    static let base: [String: String] = [
        "base/kustomization.yaml": """
            resources:
            - statefulsets.yaml

            """,
        "base/statefulsets.yaml": """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                  - name: db
                    image: postgres:16
                    volumeMounts:
                    - {name: data, mountPath: /data}
                    - {name: wal, mountPath: /wal}
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: standard
                  resources:
                    requests:
                      storage: 1Gi
              - metadata:
                  name: wal
                spec:
                  volumeMode: Filesystem
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: cache
            spec:
              serviceName: cache
              selector:
                matchLabels: {app: cache}
              template:
                metadata:
                  labels: {app: cache}
                spec:
                  containers:
                  - name: cache
                    image: redis:7
              volumeClaimTemplates:
              - metadata:
                  name: data
                  labels: {tier: cache}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 2Gi
                    limits:
                      storage: 4Gi

            """,
        "prefixed/kustomization.yaml": """
            resources:
            - ../base
            namePrefix: app-

            """,
    ]

    static let cases: [OracleCase] = [
        OracleCase(name: "size-only", files: [
            "size-only/storage/kustomization.yaml": """
                resources:
                - ../../base
                storage:
                - name: cache
                  size: 20Gi

                """,
            "size-only/json/kustomization.yaml": """
                resources:
                - ../../base
                patches:
                - target:
                    kind: StatefulSet
                    name: cache
                  patch: |-
                    - op: replace
                      path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage
                      value: 20Gi

                """,
        ], expected: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: cache
            spec:
              selector:
                matchLabels:
                  app: cache
              serviceName: cache
              template:
                metadata:
                  labels:
                    app: cache
                spec:
                  containers:
                  - image: redis:7
                    name: cache
              volumeClaimTemplates:
              - metadata:
                  labels:
                    tier: cache
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    limits:
                      storage: 4Gi
                    requests:
                      storage: 20Gi
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              selector:
                matchLabels:
                  app: db
              serviceName: db
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                  - image: postgres:16
                    name: db
                    volumeMounts:
                    - mountPath: /data
                      name: data
                    - mountPath: /wal
                      name: wal
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    requests:
                      storage: 1Gi
                  storageClassName: standard
              - metadata:
                  name: wal
                spec:
                  volumeMode: Filesystem

            """),
        OracleCase(name: "all-fields", files: [
            "all-fields/storage/kustomization.yaml": """
                resources:
                - ../../base
                storage:
                - name: db
                  claim: wal
                  size: 5Gi
                  storageClassName: fast-ssd
                  accessModes: [ReadWriteOnce, ReadOnlyMany]
                - name: db
                  claim: data
                  size: 10Gi
                  storageClassName: ""
                  accessModes: [ReadWriteOncePod]

                """,
            "all-fields/json/kustomization.yaml": """
                resources:
                - ../../base
                patches:
                - target:
                    kind: StatefulSet
                    name: db
                  patch: |-
                    - op: add
                      path: /spec/volumeClaimTemplates/1/spec/resources
                      value: {requests: {storage: 5Gi}}
                    - op: add
                      path: /spec/volumeClaimTemplates/1/spec/storageClassName
                      value: fast-ssd
                    - op: add
                      path: /spec/volumeClaimTemplates/1/spec/accessModes
                      value: [ReadWriteOnce, ReadOnlyMany]
                    - op: replace
                      path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage
                      value: 10Gi
                    - op: replace
                      path: /spec/volumeClaimTemplates/0/spec/storageClassName
                      value: ""
                    - op: replace
                      path: /spec/volumeClaimTemplates/0/spec/accessModes
                      value: [ReadWriteOncePod]

                """,
        ], expected: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: cache
            spec:
              selector:
                matchLabels:
                  app: cache
              serviceName: cache
              template:
                metadata:
                  labels:
                    app: cache
                spec:
                  containers:
                  - image: redis:7
                    name: cache
              volumeClaimTemplates:
              - metadata:
                  labels:
                    tier: cache
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    limits:
                      storage: 4Gi
                    requests:
                      storage: 2Gi
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              selector:
                matchLabels:
                  app: db
              serviceName: db
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                  - image: postgres:16
                    name: db
                    volumeMounts:
                    - mountPath: /data
                      name: data
                    - mountPath: /wal
                      name: wal
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOncePod
                  resources:
                    requests:
                      storage: 10Gi
                  storageClassName: ""
              - metadata:
                  name: wal
                spec:
                  accessModes:
                  - ReadWriteOnce
                  - ReadOnlyMany
                  resources:
                    requests:
                      storage: 5Gi
                  storageClassName: fast-ssd
                  volumeMode: Filesystem

            """),
        OracleCase(name: "every-statefulset", files: [
            "every-statefulset/storage/kustomization.yaml": """
                resources:
                - ../../base
                storage:
                - claim: data
                  size: 50Gi

                """,
            "every-statefulset/json/kustomization.yaml": """
                resources:
                - ../../base
                patches:
                - target:
                    kind: StatefulSet
                  patch: |-
                    - op: replace
                      path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage
                      value: 50Gi

                """,
        ], expected: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: cache
            spec:
              selector:
                matchLabels:
                  app: cache
              serviceName: cache
              template:
                metadata:
                  labels:
                    app: cache
                spec:
                  containers:
                  - image: redis:7
                    name: cache
              volumeClaimTemplates:
              - metadata:
                  labels:
                    tier: cache
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    limits:
                      storage: 4Gi
                    requests:
                      storage: 50Gi
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              selector:
                matchLabels:
                  app: db
              serviceName: db
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                  - image: postgres:16
                    name: db
                    volumeMounts:
                    - mountPath: /data
                      name: data
                    - mountPath: /wal
                      name: wal
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    requests:
                      storage: 50Gi
                  storageClassName: standard
              - metadata:
                  name: wal
                spec:
                  volumeMode: Filesystem

            """),
        OracleCase(name: "prefixed-names", files: [
            "prefixed-names/storage/kustomization.yaml": """
                resources:
                - ../../prefixed
                namespace: prod
                storage:
                - name: app-db
                  claim: data
                  size: 3Gi
                - name: cache
                  size: 4Gi

                """,
            "prefixed-names/json/kustomization.yaml": """
                resources:
                - ../../prefixed
                namespace: prod
                patches:
                - target:
                    kind: StatefulSet
                    name: app-db
                  patch: |-
                    - op: replace
                      path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage
                      value: 3Gi
                - target:
                    kind: StatefulSet
                    name: cache
                  patch: |-
                    - op: replace
                      path: /spec/volumeClaimTemplates/0/spec/resources/requests/storage
                      value: 4Gi

                """,
        ], expected: """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: app-cache
              namespace: prod
            spec:
              selector:
                matchLabels:
                  app: cache
              serviceName: cache
              template:
                metadata:
                  labels:
                    app: cache
                spec:
                  containers:
                  - image: redis:7
                    name: cache
              volumeClaimTemplates:
              - metadata:
                  labels:
                    tier: cache
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    limits:
                      storage: 4Gi
                    requests:
                      storage: 4Gi
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: app-db
              namespace: prod
            spec:
              selector:
                matchLabels:
                  app: db
              serviceName: db
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                  - image: postgres:16
                    name: db
                    volumeMounts:
                    - mountPath: /data
                      name: data
                    - mountPath: /wal
                      name: wal
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    requests:
                      storage: 3Gi
                  storageClassName: standard
              - metadata:
                  name: wal
                spec:
                  volumeMode: Filesystem

            """),
    ]

    private func writeTree(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "storage-oracle-" + UUID().uuidString
        for (path, text) in Self.base.merging(files, uniquingKeysWith: { $1 }) {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        return root
    }

    private func build(_ dir: String) throws -> String {
        String(decoding: try Build().run(dir).yaml(), as: UTF8.self)
    }

    func testStorageRendersWhatKubectlRendersForTheJSONPatches() throws {
        for c in Self.cases {
            let root = try writeTree(c.files)
            XCTAssertEqual(try build(root + "/" + c.name + "/storage"), c.expected, c.name)
        }
    }

    func testOurJSONPatchRenderMatchesKubectlAndOurStorageRender() throws {
        for c in Self.cases {
            let root = try writeTree(c.files)
            let json = try build(root + "/" + c.name + "/json")
            XCTAssertEqual(json, c.expected, c.name)
            XCTAssertEqual(json, try build(root + "/" + c.name + "/storage"), c.name)
        }
    }

    /// Opt-in: the recorded outputs are still what kubectl kustomize prints.
    func testRecordedOutputsAgainstKubectl() throws {
        guard ProcessInfo.processInfo.environment["STORAGE_ORACLE"] != nil else {
            throw XCTSkip("set STORAGE_ORACLE=1 (with kubectl on the PATH) to run")
        }
        for c in Self.cases {
            let root = try writeTree(c.files)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["kubectl", "kustomize", root + "/" + c.name + "/json"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, c.name)
            XCTAssertEqual(String(decoding: data, as: UTF8.self), c.expected, c.name)
        }
    }
}
