import KubeModel
import Manifests
@testable import Overlays
import XCTest
import YAML

/// Each transformer on small YAML; expectations confirmed with `kubectl kustomize`.
final class TransformerTests: XCTestCase {
    private func resources(_ text: String) throws -> ResourceMap {
        let docs = try YAMLParser().parse(text, file: "in.yaml")
        return ResourceMap(try ManifestLoader.resources(from: docs, file: "in.yaml"))
    }

    private func yaml(_ map: ResourceMap) throws -> String {
        try map.resources.map { try YAMLEmitter().emitString(.mapping($0.object)) }.joined(separator: "---\n")
    }

    let statefulSet = """
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db-headless
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          containers:
          - {name: main, image: "postgres:15"}
      volumeClaimTemplates:
      - metadata: {name: data}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: db-headless}
    spec: {clusterIP: None, selector: {app: db}}
    """

    func testPrefixRenamesAndNameReferencesFollow() throws {
        let map = try resources(statefulSet)
        try NameAffixTransformer("dev-", position: .prefix, fieldSpecs: BuiltinFieldSpecs.nameAffix).transform(map)
        try NameReferenceTransformer(backReferences: NameReferenceTable.builtin).transform(map)
        XCTAssertEqual(map.resources.map(\.name), ["dev-db", "dev-db-headless"])
        XCTAssertEqual(map.resources[0].object.mapping("spec")?.string("serviceName"), "dev-db-headless")
        XCTAssertEqual(map.resources[0].originalID.name, "db")
    }

    func testNamespaceSkipsClusterScopedKinds() throws {
        let map = try resources(statefulSet + "\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n")
        try NamespaceTransformer(namespace: "prod", fieldSpecs: BuiltinFieldSpecs.namespace).transform(map)
        XCTAssertEqual(map.resources.map(\.namespace), ["prod", "prod", ""])
    }

    func testCommonLabelsReachSelectorsAndClaimTemplates() throws {
        let map = try resources(statefulSet)
        try KeyValueTransformer(pairs: [("team", "a")], fieldSpecs: BuiltinFieldSpecs.commonLabels).transform(map)
        let sts = map.resources[0].object
        XCTAssertEqual(sts.mapping("spec")?.mapping("selector")?.mapping("matchLabels")?.string("team"), "a")
        XCTAssertEqual(sts.mapping("spec")?.sequence("volumeClaimTemplates")?.items.first?.asMapping?.mapping("metadata")?.mapping("labels")?.string("team"), "a")
        XCTAssertEqual(map.resources[1].object.mapping("spec")?.mapping("selector")?.string("team"), "a")
    }

    func testLabelValuesThatLookLikeNumbersStayStrings() throws {
        let map = try resources("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")
        try KeyValueTransformer(pairs: [("version", "1")], fieldSpecs: BuiltinFieldSpecs.commonLabels).transform(map)
        XCTAssertEqual(try yaml(map), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    version: \"1\"\n  name: c\n")
    }

    func testReplicasMatchOriginalOrCurrentName() throws {
        let map = try resources(statefulSet)
        try NameAffixTransformer("dev-", position: .prefix, fieldSpecs: BuiltinFieldSpecs.nameAffix).transform(map)
        let r = Kustomization.Replica(name: "db", count: 5, mark: .none)
        try ReplicaTransformer(replicas: [r], fieldSpecs: BuiltinFieldSpecs.replicas, file: "k").transform(map)
        XCTAssertEqual(map.resources[0].object.mapping("spec")?["replicas"]?.asScalar, Scalar("5", tag: .int))
        let missing = Kustomization.Replica(name: "nope", count: 1, mark: .none)
        XCTAssertThrowsError(try ReplicaTransformer(replicas: [missing], fieldSpecs: BuiltinFieldSpecs.replicas, file: "k").transform(map))
    }

    func testImagesChangeNameTagAndDigest() throws {
        func update(_ image: Kustomization.Image, _ value: String) throws -> String? {
            try ImageTransformer(image: image, fieldSpecs: [], file: "k").update(value)
        }
        let tag = Kustomization.Image(name: "postgres", newTag: "16", mark: .none)
        XCTAssertEqual(try update(tag, "postgres:15"), "postgres:16")
        XCTAssertEqual(try update(tag, "postgres"), "postgres:16")
        XCTAssertNil(try update(tag, "postgres-exporter:1"))
        let moved = Kustomization.Image(name: "postgres", newName: "reg.io/pg", digest: "sha256:ab", mark: .none)
        XCTAssertEqual(try update(moved, "postgres:15"), "reg.io/pg@sha256:ab")
        XCTAssertEqual(ImageReference.split("host:5000/a/b:1.0").name, "host:5000/a/b")
        XCTAssertEqual(ImageReference.split("host:5000/a/b:1.0").tag, "1.0")
    }

    func testLegacySortPutsKindsInKustomizeOrder() throws {
        let map = try resources("""
        {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: a}}
        ---
        {apiVersion: v1, kind: Service, metadata: {name: b}}
        ---
        {apiVersion: v1, kind: Namespace, metadata: {name: c}}
        ---
        {apiVersion: example.com/v1, kind: Widget, metadata: {name: d}}
        ---
        {apiVersion: admissionregistration.k8s.io/v1, kind: ValidatingWebhookConfiguration, metadata: {name: e}}
        """)
        try LegacySortTransformer().transform(map)
        XCTAssertEqual(map.resources.map(\.kind), ["Namespace", "Service", "StatefulSet", "Widget", "ValidatingWebhookConfiguration"])
    }
}
