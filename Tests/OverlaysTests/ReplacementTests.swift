import Foundation
import KubeModel
import Manifests
@testable import Overlays
import XCTest
import YAML

/// `replacements:` on small YAML; every expectation was checked with `kubectl kustomize`
/// (kustomize v5.5.0).
final class ReplacementTests: XCTestCase {
    let input = """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cm
      labels: {app: x}
    data:
      img: "nginx:1.2"
      num: "42"
      path: a/b/c
      flag: "true"
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: dep
      annotations: {a.b/c: old}
    spec:
      replicas: 3
      template:
        spec:
          containers:
          - name: main
            image: busybox
            args: ["--x", "y"]
            env:
            - {name: FOO, value: bar}
          - name: sidecar
            image: "side:1"
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: svc}
    spec:
      ports:
      - {port: 80, targetPort: 8080, name: http}
    """

    private func resources(_ text: String) throws -> ResourceMap {
        let docs = try YAMLParser().parse(text, file: "in.yaml")
        return ResourceMap(try ManifestLoader.resources(from: docs, file: "in.yaml"))
    }

    private func run(_ replacements: String, on map: ResourceMap, root: String = "/nonexistent") throws {
        let docs = try YAMLParser().parse(replacements, file: "kustomization.yaml")
        let entries = docs.first?.asSequence?.items ?? []
        let t = try ReplacementTransformer(replacements: entries, kustomization: Kustomization(file: "kustomization.yaml"),
                                           root: root, loader: ManifestLoader())
        try t.transform(map)
    }

    private func node(_ map: ResourceMap, _ name: String, _ path: String) throws -> Node? {
        let r = try XCTUnwrap(map.resources.first { $0.name == name })
        return try FieldLookup.lookup(.mapping(r.object), KustomizeFieldPath.split(path))
    }

    private func scalar(_ map: ResourceMap, _ name: String, _ path: String) throws -> Scalar? {
        try node(map, name, path)?.asScalar
    }

    private func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testCopiesIntoListEntriesAndDottedKeys() throws {
        let map = try resources(input)
        try run("""
        - source: {kind: ConfigMap, name: cm, fieldPath: data.img}
          targets:
          - select: {kind: Deployment}
            fieldPaths:
            - spec.template.spec.containers.[name=main].image
            - metadata.annotations.[a.b/c]
        """, on: map)
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.image")?.value, "nginx:1.2")
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.1.image")?.value, "side:1")
        XCTAssertEqual(map.resources[1].metadata?.mapping("annotations")?.string("a.b/c"), "nginx:1.2")
    }

    func testScalarTargetKeepsItsTypeAndCreatedFieldResolves() throws {
        let map = try resources(input)
        try run("""
        - source: {kind: Deployment, fieldPath: spec.replicas}
          targets:
          - select: {kind: ConfigMap}
            fieldPaths: [data.num, data.newint, metadata.annotations.n]
            options: {create: true}
        - source: {kind: ConfigMap, fieldPath: data.num}
          targets:
          - select: {kind: Service}
            fieldPaths: [spec.ports.0.port]
        """, on: map)
        // An existing string stays a string; a created field takes the type of its text.
        XCTAssertEqual(try scalar(map, "cm", "data.num"), Scalar("3", tag: .string))
        XCTAssertEqual(try scalar(map, "cm", "data.newint"), Scalar("3", tag: .int))
        // An annotation holds the number until kustomize next rewrites the annotations as
        // strings (a JSON patch in an overlay still reads `1_000` as 1000; the output is text).
        XCTAssertEqual(try scalar(map, "cm", "metadata.annotations.n"), Scalar("3", tag: .int))
        // An int field stays an int when given "3".
        XCTAssertEqual(try scalar(map, "svc", "spec.ports.0.port"), Scalar("3", tag: .int))
    }

    func testDelimitersOnSourceAndTarget() throws {
        let map = try resources(input)
        try run("""
        - source: {kind: ConfigMap, fieldPath: data.path, options: {delimiter: /, index: 1}}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [spec.template.spec.containers.*.image]
            options: {delimiter: ":", index: 1}
        - source: {kind: ConfigMap, fieldPath: data.img}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [spec.template.spec.containers.0.args.1]
            options: {delimiter: "-", index: -1}
          - select: {kind: Deployment}
            fieldPaths: [spec.template.spec.containers.0.args.0]
            options: {delimiter: "-", index: 7}
          - select: {kind: Deployment}
            fieldPaths: [spec.template.spec.containers.0.env.0.value]
            options: {delimiter: "a", index: 0}
        """, on: map)
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.image")?.value, "busybox:b")
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.1.image")?.value, "side:b")
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.args.0")?.value, "--x-nginx:1.2")
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.args.1")?.value, "nginx:1.2-y")
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.env.0.value")?.value, "nginx:1.2ar")
    }

    func testCreateAppendsListElementsAndFields() throws {
        let map = try resources(input)
        try run("""
        - source: {kind: ConfigMap, fieldPath: data.num}
          targets:
          - select: {kind: Deployment}
            fieldPaths:
            - spec.template.spec.containers.0.args.2
            - spec.template.spec.newlist.0
            - spec.template.spec.containers.[name=main].env.[name=NEW].value
            - spec.template.spec.newlist2.[=foo]
            - spec.template.spec.containers.*.newf
            options: {create: true}
        """, on: map)
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.args.2"), Scalar("42", tag: .int))
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.newlist.0"), Scalar("42", tag: .int))
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.env.[name=NEW].value"), Scalar("42", tag: .int))
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.newlist2.0"), Scalar("42", tag: .int))
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.1.newf"), Scalar("42", tag: .int))
    }

    func testListMatchIsAnUnanchoredRegex() throws {
        let map = try resources(input)
        try run("""
        - source: {kind: ConfigMap, fieldPath: data.img}
          targets:
          - select: {kind: Deployment}
            fieldPaths:
            - spec.template.spec.containers.[name=ma].image
            - spec.template.spec.containers.[image=side.*].name
        """, on: map)
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.image")?.value, "nginx:1.2")
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.1.name")?.value, "nginx:1.2")
    }

    func testMappingValuesReplaceContainersAndBlankScalars() throws {
        let map = try resources(input)
        try run("""
        - source: {kind: ConfigMap, fieldPath: metadata.labels}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [spec.template.spec.containers.0.image, metadata.annotations]
        """, on: map)
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.image"), Scalar("", tag: .string))
        XCTAssertEqual(map.resources[1].metadata?.mapping("annotations")?.keys, ["app"])
    }

    func testSelectsByEarlierNamesAndRejectsByAnyName() throws {
        let map = try resources(input)
        try NameAffixTransformer("p-", position: .prefix, fieldSpecs: BuiltinFieldSpecs.nameAffix).transform(map)
        try run("""
        - source: {kind: ConfigMap, name: cm}
          targets:
          - select: {name: dep}
            fieldPaths: [spec.template.spec.containers.0.env.0.value]
          - select: {name: de.*}
            fieldPaths: [spec.template.spec.containers.1.image]
          - select: {kind: Service}
            reject: [{name: svc}]
          - select: {labelSelector: app=x}
            fieldPaths: [data.sel]
            options: {create: true}
        """, on: map)
        XCTAssertEqual(try scalar(map, "p-dep", "spec.template.spec.containers.0.env.0.value")?.value, "p-cm")
        // Names are not patterns in v5.5.0.
        XCTAssertEqual(try scalar(map, "p-dep", "spec.template.spec.containers.1.image")?.value, "side:1")
        XCTAssertEqual(map.resources[2].name, "p-svc")
        XCTAssertEqual(try scalar(map, "p-cm", "data.sel")?.value, "p-cm")
    }

    func testErrorsKustomizeGives() throws {
        func err(_ r: String) throws -> String {
            let map = try resources(input)
            // a mistyped value fails when kustomize next reads the resources (here: the output)
            return message {
                try run(r, on: map)
                for resource in map.resources { try OutputCheck.check(resource) }
            }
        }
        XCTAssertTrue(try err("- source: {fieldPath: data.img}\n  targets: [{select: {kind: Deployment}}]")
            .hasSuffix("multiple matches for selector [noKind].[noVer].[noGrp]/[noName].[noNs]:data.img"))
        XCTAssertTrue(try err("- source: {kind: Nope}\n  targets: [{select: {kind: Deployment}}]")
            .hasSuffix("nothing selected by Nope.[noVer].[noGrp]/[noName].[noNs]"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.missing}\n  targets: [{select: {kind: Deployment}}]")
            .hasSuffix("fieldPath `data.missing` is missing for replacement source ConfigMap.[noVer].[noGrp]/[noName].[noNs]"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.img}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.template.spec.foo.bar]}]")
            .hasSuffix("unable to find field \"spec.template.spec.foo.bar\" in replacement target"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.img}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.replicas.x]}]")
            .contains("wrong node kind: expected MappingNode but got ScalarNode"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.num}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.template.spec.containers.0.args.5], options: {create: true}}]")
            .hasSuffix("unable to find or create field \"spec.template.spec.containers.0.args.5\" in replacement target: index 5 specified but only 2 elements found"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.img, options: {delimiter: ':', index: 2}}\n  targets: [{select: {kind: Deployment}}]")
            .hasSuffix("options.index 2 is out of bounds for value nginx:1.2"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.img}")
            .hasSuffix("replacements must specify a source and at least one target"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.img}\n  targets: []")
            .hasSuffix("replacements must specify a source and at least one target"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.img}\n  targets: [{fieldPaths: [metadata.name]}]")
            .hasSuffix("target must specify resources to select"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data.img}\n  sourc: 1\n  targets: [{select: {kind: Deployment}}]")
            .contains("unknown field 'sourc'"))
        XCTAssertTrue(try err("- source: {kind: ConfigMap}\n  targets: [{select: {kind: Deployment, apiVersion: apps/v1}}]")
            .contains("unknown field 'apiVersion'"))
        // A tagged target must still decode as its type afterwards.
        XCTAssertTrue(try err("- source: {kind: ConfigMap, fieldPath: data}\n  targets: [{select: {kind: Deployment}, fieldPaths: [spec.replicas]}]")
            .hasSuffix("yaml: cannot decode !!null `` as a !!int"))
    }

    func testNullTargetCannotTakeAValue() throws {
        let map = try resources("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\ndata: {s: x, n: ~}\n")
        let m = message {
            try run("- source: {name: t, fieldPath: data.s}\n  targets: [{select: {name: t}, fieldPaths: [data.n]}]", on: map)
            for resource in map.resources { try OutputCheck.check(resource) }
        }
        XCTAssertTrue(m.hasSuffix("yaml: cannot decode !!str `x` as a !!null"), m)
    }

    func testPathEntriesLoadOneOrManyReplacementsLeniently() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("repl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        source: {kind: ConfigMap, fieldPath: data.img}
        unknown: 3
        targets:
        - select: {kind: Deployment}
          fieldPaths: [spec.template.spec.containers.0.image]
        """.write(toFile: dir + "/one.yaml", atomically: true, encoding: .utf8)
        try """
        - source: {kind: ConfigMap, fieldPath: data.num}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [spec.replicas]
            extra: 1
        """.write(toFile: dir + "/many.yaml", atomically: true, encoding: .utf8)
        let map = try resources(input)
        try run("- path: one.yaml\n- path: many.yaml", on: map, root: dir)
        XCTAssertEqual(try scalar(map, "dep", "spec.template.spec.containers.0.image")?.value, "nginx:1.2")
        XCTAssertEqual(try scalar(map, "dep", "spec.replicas"), Scalar("42", tag: .int))
        let both = message { try run("- path: one.yaml\n  source: {kind: ConfigMap}", on: try resources(input), root: dir) }
        XCTAssertTrue(both.hasSuffix("cannot specify both path and inline replacement"), both)
    }

    func testBuiltinPluginConfigCreatesMappingsAlongThePath() throws {
        let map = try resources("""
        apiVersion: v1
        kind: Pod
        metadata: {name: buildup}
        spec:
          containers:
          - {name: app, image: nginx}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: buildup}
        """)
        let config = try XCTUnwrap(YAMLParser().parse("""
        apiVersion: builtin
        kind: ReplacementTransformer
        metadata: {name: buildup}
        replacements:
        - source: {kind: Pod, fieldPath: spec}
          targets:
          - select: {kind: Deployment}
            fieldPaths: [spec.template.spec]
            options: {create: true}
        """, file: "replacement.yaml").first)
        try ReplacementTransformer(pluginConfig: config, file: "replacement.yaml", kustomizationFile: "kustomization.yaml",
                                   root: "/nonexistent", loader: ManifestLoader()).transform(map)
        let dep = try XCTUnwrap(map.resources.last)
        XCTAssertEqual(try FieldLookup.lookup(.mapping(dep.object), KustomizeFieldPath.split("spec.template.spec.containers.0.image"))?.asScalar?.value, "nginx")
    }

    func testFieldPathSplitting() {
        XCTAssertEqual(KustomizeFieldPath.split("spec.template.spec.containers.[name=main].image"),
                       ["spec", "template", "spec", "containers", "[name=main]", "image"])
        XCTAssertEqual(KustomizeFieldPath.split("metadata.annotations.[a.b/c]"), ["metadata", "annotations", "a.b/c"])
        XCTAssertEqual(KustomizeFieldPath.split("a.[name=x.y].b"), ["a", "[name=x.y]", "b"])
        XCTAssertEqual(KustomizeFieldPath.split("a\\.b.c"), ["a.b", "c"])
        XCTAssertEqual(KustomizeFieldPath.splitVarPath("spec.ports[0].port"), ["spec", "ports", "0", "port"])
        XCTAssertEqual(KustomizeFieldPath.splitVarPath("a.[x]"), ["a", "[x]"])
    }
}
