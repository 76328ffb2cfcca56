import Foundation
import XCTest

/// Rendered YAML for the `check` and `diff` tests: a StatefulSet with its headless Service
/// and budget that passes every check. Tests break one thing at a time.
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
      replicas: 1
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
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

    static func replacing(_ old: String, with new: String, in text: String = valid,
                          file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertTrue(text.contains(old), "fixture has no '\(old)'", file: file, line: line)
        return text.replacingOccurrences(of: old, with: new)
    }

    /// Runs the binary with `input` on its standard input.
    static func run(_ arguments: [String], stdin input: String, cwd: URL? = nil) throws -> BinaryRunner.Result {
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent("sts-kustomize")
        process.arguments = arguments
        process.currentDirectoryURL = cwd ?? BinaryRunner.packageRoot
        let inPipe = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = err
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BinaryRunner.Result(status: process.terminationStatus,
                                   stdout: String(decoding: outData, as: UTF8.self),
                                   stderr: String(decoding: errData, as: UTF8.self))
    }
}
