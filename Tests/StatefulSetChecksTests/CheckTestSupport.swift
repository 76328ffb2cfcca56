import KubeModel
import Manifests
import StatefulSetChecks
import XCTest
import YAML

/// A StatefulSet with its headless Service and budget that passes every check; tests break
/// one thing in it at a time.
enum CheckFixture {
    static let valid = """
    apiVersion: v1
    kind: Service
    metadata: {name: db, namespace: prod}
    spec:
      clusterIP: None
      selector: {app: db}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db, namespace: prod}
    spec:
      serviceName: db
      podManagementPolicy: OrderedReady
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db, tier: data}}
        spec:
          restartPolicy: Always
          initContainers:
          - name: init
            image: busybox
            volumeMounts: [{name: data, mountPath: /data}]
          containers:
          - name: db
            image: postgres
            volumeMounts:
            - {name: data, mountPath: /data}
            - {name: config, mountPath: /etc/db}
          volumes:
          - name: config
            configMap: {name: db}
      volumeClaimTemplates:
      - metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 10Gi}}
    ---
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: db, namespace: prod}
    spec:
      maxUnavailable: 1
      selector: {matchLabels: {app: db}}
    """

    /// `text` with `old` replaced by `new`; fails the test when `old` is not there.
    static func replacing(_ old: String, with new: String, in text: String = valid,
                          file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertTrue(text.contains(old), "fixture has no '\(old)'", file: file, line: line)
        return text.replacingOccurrences(of: old, with: new)
    }

    static func resources(_ text: String) throws -> [Resource] {
        try ManifestLoader().resources(bytes: Array(text.utf8), file: "in.yaml")
    }

    static func report(_ text: String) throws -> CheckReport {
        StatefulSetChecker().check(try resources(text), positionsAreExact: true)
    }

    /// `severity check path` of every finding, the compact form tests compare.
    static func summary(_ text: String) throws -> [String] {
        try report(text).findings.map { "\($0.severity.rawValue) \($0.check) \($0.resource.kind)/\($0.resource.name) \($0.path)" }
    }
}
