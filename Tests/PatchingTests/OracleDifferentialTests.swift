import Foundation
import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// Opt-in: compares the patch engine with `kubectl kustomize` outputs recorded in case folders.
///
/// Set `PATCHING_ORACLE_CASES` to a folder of cases, each a folder with `res.yaml` (resources),
/// `patch.yaml`, `kustomization.yaml` (`resources: [res.yaml]` and one `patches:` entry with
/// `path: patch.yaml`, optional `target:` and `options:`; optional `openapi: {path: …}`), and the oracle's `expected.out` and
/// `expected.rc` (`kubectl kustomize DIR > expected.out; echo $? > expected.rc`). Resources are
/// compared as a sorted set of documents (kustomize sorts resources by kind).
final class OracleDifferentialTests: XCTestCase {
    func testRecordedOracleCases() throws {
        guard let root = ProcessInfo.processInfo.environment["PATCHING_ORACLE_CASES"] else {
            throw XCTSkip("set PATCHING_ORACLE_CASES to run")
        }
        let fm = FileManager.default
        var failures: [String] = []
        var count = 0
        for name in try fm.contentsOfDirectory(atPath: root).sorted() {
            let dir = root + "/" + name
            guard fm.fileExists(atPath: dir + "/expected.rc") else { continue }
            count += 1
            let expectedRC = try String(contentsOfFile: dir + "/expected.rc", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let expected = try String(contentsOfFile: dir + "/expected.out", encoding: .utf8)
            do {
                let out = try Self.run(dir)
                if expectedRC != "0" {
                    failures.append("\(name): expected an error, got output")
                } else if Self.documents(out) != Self.documents(expected) {
                    failures.append("\(name): output differs\n--- expected\n\(expected)--- got\n\(out)")
                }
            } catch {
                if expectedRC == "0" { failures.append("\(name): unexpected error \(error)") }
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) of \(count) cases differ:\n" + failures.joined(separator: "\n"))
    }

    /// The output's documents, sorted: kustomize orders resources by kind, we keep input order.
    static func documents(_ stream: String) -> [String] {
        stream.components(separatedBy: "---\n").sorted()
    }

    static func run(_ dir: String) throws -> String {
        let parser = YAMLParser()
        let resources = try parser.parse(String(contentsOfFile: dir + "/res.yaml", encoding: .utf8), file: "res.yaml")
            .compactMap(\.asMapping).map { Resource(object: $0, origin: "res.yaml") }
        let kustomization = try mapping(String(contentsOfFile: dir + "/kustomization.yaml", encoding: .utf8))
        guard let entry = kustomization.sequence("patches")?.items.first?.asMapping else {
            throw Diagnostic(message: "no patches entry")
        }
        let patchText = try String(contentsOfFile: dir + "/patch.yaml", encoding: .utf8)
        let options = entry.mapping("options")
        var schema = MergeSchema.kubernetes
        if let path = kustomization.mapping("openapi")?.string("path") {
            let text = try String(contentsOfFile: dir + "/" + path, encoding: .utf8)
            schema = try MergeSchema(openAPIDocument: try node(text, file: path), file: path)
        }
        let smp = StrategicMergePatch(schema: schema, options: .init(
            allowNameChange: options?["allowNameChange"]?.goValue == "true",
            allowKindChange: options?["allowKindChange"]?.goValue == "true"))
        let selector = try entry.mapping("target").map { try PatchSelector(from: $0, file: "kustomization.yaml") }
        let docs = try parser.parse(patchText, file: "patch.yaml")
        var deleted = Set<ObjectIdentifier>()
        var objects: [ObjectIdentifier: Mapping] = [:]
        for r in resources { objects[ObjectIdentifier(r)] = r.object }

        if let first = docs.first, first.asSequence != nil {
            let patch = try JSONPatch(document: first, file: "patch.yaml")
            for r in try selector?.select(resources) ?? [] {
                guard let result = try patch.apply(to: .mapping(r.object)).asMapping else {
                    throw Diagnostic(message: "not a mapping")
                }
                r.object = result
            }
        } else {
            for doc in docs {
                guard let p = doc.asMapping else { continue }
                let targets: [Resource]
                if let selector {
                    targets = try selector.select(resources)
                } else {
                    let kind = p.string("kind"), name = p.mapping("metadata")?.string("name")
                    let ns = p.mapping("metadata")?.string("namespace") ?? ""
                    let apiVersion = p.string("apiVersion")
                    targets = resources.filter {
                        $0.kind == kind && $0.name == name && $0.namespace == ns && $0.apiVersion == apiVersion
                    }
                    if targets.isEmpty { throw Diagnostic(message: "no resource matches strategic merge patch") }
                }
                for r in targets where !deleted.contains(ObjectIdentifier(r)) {
                    let (outcome, _) = try smp.apply(p, to: r, patchFile: "patch.yaml")
                    if outcome == .deleteResource { deleted.insert(ObjectIdentifier(r)) }
                }
            }
        }
        return try resources.filter { !deleted.contains(ObjectIdentifier($0)) }
            .map { r in
                // kustomize drops an empty metadata.annotations from every resource on output
                if let a = r.metadata?.mapping("annotations"), a.entries.isEmpty {
                    r.metadata?.removeValue(forKey: "annotations")
                }
                return try YAMLEmitter().emitString(.mapping(r.object))
            }
            .joined(separator: "---\n")
    }
}
