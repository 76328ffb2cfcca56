import KubeModel
@testable import Manifests
import XCTest
import YAML

final class KustomizationDecodingTests: XCTestCase {
    private func decode(_ text: String) throws -> Kustomization {
        let docs = try YAMLParser(duplicateKeys: .lastWins).parse(text, file: "kustomization.yaml")
        return try Kustomization.decode(docs[0], file: "kustomization.yaml")
    }

    func testFieldsDecode() throws {
        let k = try decode("""
        namePrefix: p-
        namespace: ns
        bases: [../base]
        resources: [a.yaml]
        commonLabels: {app: x}
        replicas: [{name: web, count: 3}]
        images: [{name: nginx, newTag: "1.2"}]
        imageTags: [{name: redis, digest: sha256:abc}]
        sortOptions: {order: fifo}
        """)
        XCTAssertEqual(k.namePrefix, "p-")
        XCTAssertEqual(k.namespace, "ns")
        XCTAssertEqual(k.resources, ["a.yaml", "../base"])
        XCTAssertEqual(k.commonLabels.map { $0.0 + "=" + $0.1 }, ["app=x"])
        XCTAssertEqual(k.replicas.first?.count, 3)
        XCTAssertEqual(k.images.map(\.name), ["nginx", "redis"])
        XCTAssertEqual(k.sortOptions?.order, .fifo)
    }

    func testUnknownFieldIsAnErrorWithPosition() {
        XCTAssertThrowsError(try decode("resources: []\nnamPrefix: x\n")) { error in
            XCTAssertEqual("\(error)", "kustomization.yaml:2:1: kustomization: unknown field 'namPrefix'")
        }
    }

    func testFieldNamesMatchIgnoringCaseLikeGoJSON() throws {
        XCTAssertEqual(try decode("nameprefix: a-\n").namePrefix, "a-")
    }

    func testNonStringLabelValueIsRejected() {
        XCTAssertThrowsError(try decode("commonLabels:\n  tier: 1\n"))
    }

    func testUnknownFieldInsideALabelsEntry() {
        XCTAssertThrowsError(try decode("labels:\n- pairs: {a: b}\n  includeVolumeClaimTemplates: true\n")) { error in
            XCTAssertTrue("\(error)".contains("includeVolumeClaimTemplates"))
        }
    }

    func testWrongKindAndApiVersion() {
        XCTAssertThrowsError(try decode("kind: Deployment\n"))
        XCTAssertThrowsError(try decode("apiVersion: v1\nkind: Kustomization\n"))
        XCTAssertNoThrow(try decode("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"))
    }

    func testFieldSpecPathsKeepEscapedSlashes() {
        let spec = FieldSpec(path: "metadata/annotations/example.com\\/key")
        XCTAssertEqual(spec.path, ["metadata", "annotations", "example.com/key"])
        XCTAssertEqual(FieldSpec(path: "spec/volumeClaimTemplates[]/metadata/labels").path.count, 4)
    }

    func testLoadRestrictor() {
        XCTAssertNoThrow(try LoadRestrictor.rootOnly.check(file: "/r/a/b.yaml", root: "/r/a", requestedAs: "b.yaml", kustomizationFile: "k"))
        XCTAssertThrowsError(try LoadRestrictor.rootOnly.check(file: "/r/ab/b.yaml", root: "/r/a", requestedAs: "../ab/b.yaml", kustomizationFile: "k"))
        XCTAssertNoThrow(try LoadRestrictor.none.check(file: "/elsewhere/b.yaml", root: "/r/a", requestedAs: "x", kustomizationFile: "k"))
    }

    func testListKindsExpandIntoItems() throws {
        let docs = try YAMLParser().parse("""
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
        """, file: "list.yaml")
        let resources = try ManifestLoader.resources(from: docs, file: "list.yaml")
        XCTAssertEqual(resources.map(\.name), ["a", "b"])
    }
}
