import Foundation
import StsKustomize
import XCTest

/// The shared setup of the `BuildMetadata…Tests` whole-build classes: each test writes its tree
/// into its own temporary directory, removed afterwards (BUILD_METADATA_TESTS_KEEP=1 keeps it).
class BuildMetadataBuildTestCase: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "build-metadata-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // BUILD_METADATA_TESTS_KEEP=1 keeps the trees, to re-check them against kubectl kustomize.
        if ProcessInfo.processInfo.environment["BUILD_METADATA_TESTS_KEEP"] != nil {
            print("kept \(name): \(root)")
            return
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func link(_ path: String, to target: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    func build(_ dir: String, _ options: BuildOptions) throws -> String {
        let result = try Build(options: options).run(root + "/" + dir)
        return String(decoding: try result.yaml(), as: UTF8.self)
    }

    func buildError(_ dir: String, _ options: BuildOptions) -> String {
        do {
            _ = try build(dir, options)
            return "no error"
        } catch {
            return "\(error)"
        }
    }
}
