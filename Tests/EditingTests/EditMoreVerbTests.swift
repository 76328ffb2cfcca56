import Editing
import Manifests
import XCTest
import YAML

/// The remaining edit verbs against kustomize v5.5.0's expectations (addpatch, setlabel,
/// removemetadata, addbase, addtransformer, buildmetadata tests).
final class EditMoreVerbTests: XCTestCase {
    private func edit(_ e: KustomizationEdit, _ kustomization: String = EditVerbTests.standard,
                      files: [String: String] = [:]) throws -> (text: String, outcome: KustomizationEdit.Outcome) {
        var tree = MemoryFileSystem(files.reduce(into: [:]) { $0["/k/" + $1.key] = $1.value })
        tree.write("/k/kustomization.yaml", kustomization)
        try e.validate()
        var file = try KustomizationFile(in: "/k", fileSystem: tree)
        let outcome = try e.apply(to: &file, directory: "/k", fileSystem: tree)
        return (String(decoding: try file.serialized(), as: UTF8.self), outcome)
    }

    private func error(_ e: KustomizationEdit, _ kustomization: String = EditVerbTests.standard, files: [String: String] = [:]) -> String {
        do { _ = try edit(e, kustomization, files: files); return "no error" } catch { return "\(error)" }
    }

    func testAddPatchWritesSortedTargetAndSkipsDuplicates() throws {
        let p = PatchEntry(path: "myWonderfulPatch.yaml", group: "myGroup", version: "myVersion", kind: "myKind", name: "myName",
                           namespace: "myNamespace", labelSelector: "myLabelSelector", annotationSelector: "myAnnotationSelector")
        let (text, _) = try edit(.addPatch(p))
        XCTAssertTrue(text.hasSuffix("""
            patches:
            - path: myWonderfulPatch.yaml
              target:
                annotationSelector: myAnnotationSelector
                group: myGroup
                kind: myKind
                labelSelector: myLabelSelector
                name: myName
                namespace: myNamespace
                version: myVersion

            """), text)
        let (_, again) = try edit(.addPatch(p), text)
        XCTAssertFalse(again.write, "a duplicate is logged and the file left as it is")
        XCTAssertEqual(again.messages.count, 1)
        let inline = try edit(.addPatch(PatchEntry(patch: "- op: replace\n  path: /spec/replicas\n  value: 3\n", kind: "Deployment"))).text
        XCTAssertTrue(inline.contains("patches:\n- patch: |\n    - op: replace\n      path: /spec/replicas\n      value: 3\n  target:\n    kind: Deployment\n"), inline)
        XCTAssertEqual(error(.addPatch(PatchEntry())), "must provide either patch or path")
        XCTAssertEqual(error(.addPatch(PatchEntry(path: "a", patch: "b"))), "patch and path can't be set at the same time")
    }

    func testRemovePatchRemovesEqualEntriesOnly() throws {
        let k = "patches:\n- path: a.yaml\n  target: {kind: Deployment}\n- path: a.yaml\n- path: b.yaml\n"
        XCTAssertTrue(try edit(.removePatch(PatchEntry(path: "a.yaml", kind: "Deployment")), k).text.hasPrefix("patches:\n- path: a.yaml\n- path: b.yaml\n"))
        XCTAssertFalse(try edit(.removePatch(PatchEntry(path: "c.yaml")), k).outcome.write)
    }

    func testSetLabelAndAnnotationOverwrite() throws {
        XCTAssertTrue(try edit(.setLabel(["app:other", "key:v1:v2"])).text.contains("commonLabels:\n  app: other\n  key: v1:v2\n"))
        XCTAssertTrue(try edit(.setAnnotation(["note:changed"])).text.contains("commonAnnotations:\n  note: changed\n"))
        XCTAssertEqual(error(.setLabel([":nokey"])), "invalid label: ':nokey' (need k:v pair where v may be quoted)")
        XCTAssertTrue(error(.setAnnotation([String(repeating: "a", count: 64) + ":v"])).hasPrefix("invalid annotation key"))
        XCTAssertEqual(error(.setAnnotation(["internal.config.kubernetes.io/options:x"])), "no error")
    }

    /// removemetadata_test.go, including kustomize's "label" wording for annotations.
    func testRemoveLabelAndAnnotation() throws {
        XCTAssertFalse(try edit(.removeLabel(["app"], ignoreMissing: false)).text.contains("commonLabels"), "the last key removes the field")
        XCTAssertEqual(error(.removeLabel(["nope"], ignoreMissing: false)), "label nope is not defined in kustomization file")
        XCTAssertEqual(error(.removeAnnotation(["nope"], ignoreMissing: false)), "annotation nope is not defined in kustomization file")
        XCTAssertEqual(error(.removeAnnotation(["nope"], ignoreMissing: true)), "no error")
        XCTAssertEqual(error(.removeAnnotation([], ignoreMissing: false)), "must specify label")
        XCTAssertEqual(error(.removeAnnotation(["a", "b"], ignoreMissing: false)), "labels must be comma-separated, with no spaces")
        XCTAssertEqual(error(.removeLabel(["a,,b"], ignoreMissing: false)), "invalid label: '' (name is empty)")
        XCTAssertEqual(error(.removeLabel(["a"], ignoreMissing: false), "resources: []\n"), "commonLabels is not defined in kustomization file")
    }

    func testAddBase() throws {
        XCTAssertTrue(try edit(.addBase(["../base"]), "resources: [a.yaml]\n", files: ["../base/kustomization.yaml": ""]).text
            .hasPrefix("resources:\n- a.yaml\n- ../base\n"))
        XCTAssertEqual(error(.addBase(["missing"])), "missing does not exist")
        XCTAssertEqual(error(.addBase(["a.yaml"]), "resources: [a.yaml]\n", files: ["a.yaml": ""]), "base a.yaml already in kustomization file")
        XCTAssertEqual(error(.addBase([])), "must specify a base directory")
    }

    func testTransformersAndGenerators() throws {
        let (text, outcome) = try edit(.addTransformer(["t*.yaml", "none*.yaml"]), files: ["t1.yaml": "", "t2.yaml": ""])
        XCTAssertTrue(text.contains("transformers:\n- t1.yaml\n- t2.yaml\n"), text)
        XCTAssertEqual(outcome.messages, ["none*.yaml has no match"])
        XCTAssertFalse(try edit(.addGenerator(["none.yaml"])).outcome.write, "nothing matched: nothing written")
        XCTAssertEqual(error(.addTransformer([])), "must specify a yaml file which contains a transformer plugin resource")
        XCTAssertTrue(try edit(.removeTransformer(["t1*"]), "transformers: [t1.yaml, t2.yaml]\n").text.hasPrefix("transformers:\n- t2.yaml\n"))
    }

    func testBuildMetadata() throws {
        XCTAssertTrue(try edit(.setBuildMetadata(["originAnnotations,transformerAnnotations"])).text.contains("buildMetadata:\n- originAnnotations\n- transformerAnnotations\n"))
        XCTAssertEqual(error(.setBuildMetadata(["invalid_option"])), "invalid buildMetadata option: invalid_option")
        XCTAssertEqual(error(.setBuildMetadata(["option1", "option2"])),
                       "too many arguments: [option1 option2]; to provide multiple buildMetadata options, please separate options by comma")
        XCTAssertEqual(error(.addBuildMetadata(["originAnnotations"]), "buildMetadata: [originAnnotations]\n"),
                       "buildMetadata option originAnnotations already in kustomization file")
        XCTAssertFalse(try edit(.removeBuildMetadata(["originAnnotations"]), "buildMetadata: [originAnnotations]\n").text.contains("buildMetadata"))
    }
}
