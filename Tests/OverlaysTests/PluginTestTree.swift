import Foundation
import StsKustomize

/// A throwaway directory tree for whole-build tests of plugin configs and `crds:`.
/// PLUGIN_TESTS_KEEP=1 keeps the trees, to re-check them against `kubectl kustomize`.
final class PluginTestTree {
    let root: String

    /// The directory is made by the first `write`.
    init(_ label: String) {
        root = NSTemporaryDirectory() + "plugin-tests-" + label + "-" + UUID().uuidString
    }

    func remove(testName: String) {
        if ProcessInfo.processInfo.environment["PLUGIN_TESTS_KEEP"] != nil {
            print("kept \(testName): \(root)")
            return
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func build(_ dir: String = ".") throws -> String {
        let result = try Build().run(root + "/" + dir)
        return String(decoding: try result.yaml(), as: UTF8.self)
    }

    /// The error of a build expected to fail ("no error" when it succeeds).
    func buildError(_ dir: String = ".") -> String {
        do {
            _ = try build(dir)
            return "no error"
        } catch {
            return "\(error)"
        }
    }
}
