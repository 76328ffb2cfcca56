import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

final class MergeSchemaTests: XCTestCase {
    let deployment = GVK(group: "apps", version: "v1", kind: "Deployment")
    let statefulSet = GVK(group: "apps", version: "v1", kind: "StatefulSet")

    func testContainersMergeByName() {
        let info = MergeSchema.kubernetes.patchInfo(for: deployment, path: ["spec", "template", "spec", "containers"])
        XCTAssertEqual(info, FieldPatchInfo(isList: true, patchStrategy: "merge", mergeKeys: ["name"], listType: "", mergesByKey: true))
    }

    func testVolumesHaveRetainKeysAndStillMerge() {
        // kyaml treats "merge,retainKeys" as merge (oracle: volumes merged by name, run t1)
        let info = MergeSchema.kubernetes.patchInfo(for: deployment, path: ["spec", "template", "spec", "volumes"])
        XCTAssertEqual(info?.patchStrategy, "merge,retainKeys")
        XCTAssertEqual(info?.mergesByKey, true)
    }

    func testContainerPortsUseListMapKeys() {
        let info = MergeSchema.kubernetes.patchInfo(
            for: deployment, path: ["spec", "template", "spec", "containers", "[]", "ports"])
        XCTAssertEqual(info?.mergeKeys, ["containerPort", "protocol"])
        XCTAssertEqual(info?.listType, "map")
    }

    func testServicePortsAndFinalizers() {
        let service = GVK(version: "v1", kind: "Service")
        XCTAssertEqual(MergeSchema.kubernetes.patchInfo(for: service, path: ["spec", "ports"])?.mergeKeys, ["port", "protocol"])
        let finalizers = MergeSchema.kubernetes.patchInfo(for: service, path: ["metadata", "finalizers"])
        XCTAssertEqual(finalizers?.patchStrategy, "merge")
        XCTAssertEqual(finalizers?.mergeKeys, [])
    }

    func testVolumeClaimTemplatesHaveNoMergeKey() {
        let info = MergeSchema.kubernetes.patchInfo(for: statefulSet, path: ["spec", "volumeClaimTemplates"])
        XCTAssertEqual(info?.isList, true)
        XCTAssertEqual(info?.mergesByKey, false)
    }

    func testArgsAreAtomicNotMerged() {
        let info = MergeSchema.kubernetes.patchInfo(
            for: deployment, path: ["spec", "template", "spec", "containers", "[]", "args"])
        XCTAssertNil(info, "plain scalar lists without metadata are not kept in the table")
    }

    func testUnknownKindsHaveNoSchema() {
        XCTAssertFalse(MergeSchema.kubernetes.hasType(GVK(group: "example.com", version: "v1", kind: "Foo")))
        XCTAssertTrue(MergeSchema.kubernetes.hasType(statefulSet))
    }

    /// The shape of kustomize's openapicustomschema test: a CRD whose spec refers to definitions
    /// in the same document, one of them with two GVKs.
    func testCustomDocumentReplacesBuiltin() throws {
        let doc = try node(customSchema, file: "schema.yaml")
        let schema = try MergeSchema(openAPIDocument: doc, file: "schema.yaml")
        let crd = GVK(group: "example.com", version: "v1alpha1", kind: "MyCRD")
        XCTAssertEqual(schema.patchInfo(for: crd, path: ["spec", "template", "spec", "containers"])?.mergeKeys, ["name"])
        XCTAssertEqual(schema.patchInfo(for: GVK(version: "v1alpha1", kind: "MyCRD"),
                                        path: ["spec", "template", "spec", "containers"])?.mergeKeys, ["name"])
        // replaced, not extended (oracle run oa: a Deployment's containers are then replaced)
        XCTAssertFalse(schema.hasType(deployment))
    }

    func testAddingExtendsAndOverridesByName() throws {
        let doc = try node(customSchema, file: "schema.yaml")
        let schema = try MergeSchema.kubernetes.adding(openAPIDocument: doc, file: "schema.yaml")
        XCTAssertTrue(schema.hasType(deployment))
        XCTAssertTrue(schema.hasType(GVK(group: "example.com", version: "v1alpha1", kind: "MyCRD")))
        // the document's PodSpec replaced the built-in one: no `volumes` merge key any more
        XCTAssertNil(schema.patchInfo(for: deployment, path: ["spec", "template", "spec", "volumes"]))
        XCTAssertEqual(schema.patchInfo(for: deployment, path: ["spec", "template", "spec", "containers"])?.mergeKeys, ["name"])
    }

    func testCustomResourceDefinitionOptIn() throws {
        let crd = try node("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: foos.example.com
            spec:
              group: example.com
              names: {kind: Foo, plural: foos}
              versions:
              - name: v1
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          items:
                            type: array
                            x-kubernetes-patch-strategy: merge
                            x-kubernetes-patch-merge-key: name
                            items: {type: object}
            """)
        let schema = try MergeSchema.kubernetes.adding(customResourceDefinition: crd, file: "crd.yaml")
        let info = schema.patchInfo(for: GVK(group: "example.com", version: "v1", kind: "Foo"), path: ["spec", "items"])
        XCTAssertEqual(info?.mergeKeys, ["name"])
        XCTAssertEqual(info?.mergesByKey, true)
    }
}

let customSchema = """
{
  "definitions": {
    "v1alpha1.MyCRD": {
      "properties": {
        "apiVersion": {"type": "string"},
        "kind": {"type": "string"},
        "metadata": {"type": "object"},
        "spec": {"properties": {"template": {"$ref": "#/definitions/io.k8s.api.core.v1.PodTemplateSpec"}}, "type": "object"}
      },
      "type": "object",
      "x-kubernetes-group-version-kind": [
        {"group": "example.com", "kind": "MyCRD", "version": "v1alpha1"},
        {"group": "", "kind": "MyCRD", "version": "v1alpha1"}
      ]
    },
    "io.k8s.api.core.v1.PodTemplateSpec": {
      "properties": {"spec": {"$ref": "#/definitions/io.k8s.api.core.v1.PodSpec"}},
      "type": "object"
    },
    "io.k8s.api.core.v1.PodSpec": {
      "properties": {
        "containers": {
          "items": {"$ref": "#/definitions/io.k8s.api.core.v1.Container"},
          "type": "array",
          "x-kubernetes-patch-merge-key": "name",
          "x-kubernetes-patch-strategy": "merge"
        }
      },
      "type": "object"
    },
    "io.k8s.api.core.v1.Container": {
      "properties": {
        "name": {"type": "string"},
        "ports": {
          "items": {"$ref": "#/definitions/io.k8s.api.core.v1.ContainerPort"},
          "type": "array",
          "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
          "x-kubernetes-list-type": "map",
          "x-kubernetes-patch-merge-key": "containerPort",
          "x-kubernetes-patch-strategy": "merge"
        }
      },
      "type": "object"
    },
    "io.k8s.api.core.v1.ContainerPort": {
      "properties": {"containerPort": {"type": "integer"}, "protocol": {"type": "string"}},
      "type": "object"
    }
  }
}
"""
