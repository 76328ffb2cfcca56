import KubeModel
@testable import Manifests
@testable import Overlays
import XCTest
import YAML

/// The pieces of build metadata on their own: Go's path joining, origin marshalling as kyaml
/// does it, reading annotations back, and the end-of-build cleanup.
final class BuildMetadataUnitTests: XCTestCase {
    func testGoPathJoinAndClean() {
        XCTAssertEqual(GoPath.join("", "service.yaml"), "service.yaml")
        XCTAssertEqual(GoPath.join("", "./service.yaml"), "service.yaml")
        XCTAssertEqual(GoPath.join("../base/", "kustomization.yaml"), "../base/kustomization.yaml")
        XCTAssertEqual(GoPath.join("../base", "../comp"), "../comp")
        XCTAssertEqual(GoPath.join("a", "../../x/y.yaml"), "../x/y.yaml")
        XCTAssertEqual(GoPath.join("../base", "/abs/x"), "../base/abs/x")
        XCTAssertEqual(GoPath.join("", "/abs/x"), "/abs/x")
        XCTAssertEqual(GoPath.join("", ""), "")
        XCTAssertEqual(GoPath.join("a", ".."), ".")
        XCTAssertEqual(GoPath.clean("/../a//b/./c/.."), "/a/b")
        XCTAssertEqual(GoPath.relative("/t/base/x.yaml", from: "/t/prod"), "../base/x.yaml")
        XCTAssertEqual(GoPath.relative("/t/prod", from: "/t/prod"), ".")
    }

    func testOriginAnnotationText() throws {
        XCTAssertEqual(try Origin.file("../base/service.yaml").annotationText(), "path: ../base/service.yaml\n")
        XCTAssertEqual(try Origin.builtin("ConfigMapGenerator", configuredIn: "kustomization.yaml").annotationText(), """
            configuredIn: kustomization.yaml
            configuredBy:
              apiVersion: builtin
              kind: ConfigMapGenerator

            """)
        let plugin = Origin(configuredIn: "configmap.yaml",
                            configuredBy: .init(apiVersion: "builtin", kind: "ConfigMapGenerator", name: "true", namespace: "a: b"))
        XCTAssertEqual(try plugin.annotationText(), """
            configuredIn: configmap.yaml
            configuredBy:
              apiVersion: builtin
              kind: ConfigMapGenerator
              name: "true"
              namespace: 'a: b'

            """)
    }

    func testTransformationsListText() throws {
        let list = [Origin.builtin("PrefixTransformer", configuredIn: "../base/kustomization.yaml"),
                    Origin(path: "x y", repo: "r")]
        XCTAssertEqual(try Origin.listText(list), """
            - configuredIn: ../base/kustomization.yaml
              configuredBy:
                apiVersion: builtin
                kind: PrefixTransformer
            - path: x y
              repo: r

            """)
    }

    func testLongValuesAreNotFolded() throws {
        let long = (0..<30).map { "word\($0)" }.joined(separator: " ")
        XCTAssertEqual(try Origin.file(long).annotationText(), "path: \(long)\n")
        XCTAssertEqual(try Origin.file("#" + long).listItemText(), "- path: '#\(long)'\n")
        // A double-quoted fold before a second space: the break, then `\` keeps that space.
        XCTAssertEqual(ScalarField.unfold("k: \"a\n  \\ b\""), "k: \"a  b\"")
    }

    func testReadingAnnotationsBack() throws {
        let list = try Origin.parseList("""
            - configuredIn: "foo"
              extra: 1
              configuredBy: {kind: K, apiVersion: v}
            - path: x y
            """)
        XCTAssertEqual(list, [Origin(configuredIn: "foo", configuredBy: .init(apiVersion: "v", kind: "K")),
                              Origin(path: "x y")])
        XCTAssertEqual(try Origin.parseList(""), [])
        XCTAssertThrowsError(try Origin.parseList("xx")) { error in
            XCTAssertEqual("\(error)", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type resource.Transformations")
        }
        XCTAssertEqual(try Origin.parse("path: a.yaml\nrepo: r\n"), Origin(path: "a.yaml", repo: "r"))
    }

    func testCleanupKeepsWhatWasAskedFor() throws {
        func resource(_ annotations: String) throws -> Resource {
            let docs = try YAMLParser().parse("kind: A\nmetadata:\n  name: a\n  annotations: \(annotations)\n", file: "t")
            guard let m = docs.first?.asMapping else { throw Diagnostic("no mapping") }
            return Resource(object: m, origin: "t")
        }
        let both = try resource("{config.kubernetes.io/origin: o, alpha.config.kubernetes.io/transformations: t, n: null}")
        let empty = try resource("{}")
        BuildAnnotationCleanup(keepOrigin: true, keepTransformations: true).run(ResourceMap([both, empty]))
        XCTAssertEqual(both.annotations().map { $0.0 }, ["config.kubernetes.io/origin", "alpha.config.kubernetes.io/transformations", "n"])
        XCTAssertEqual(both.metadata?.mapping("annotations")?["n"]?.asScalar?.tag, .string)
        // Both kept: kustomize never writes the map back, so an empty one stays.
        XCTAssertNotNil(empty.metadata?["annotations"])

        let onlyOrigin = try resource("{config.kubernetes.io/origin: o, alpha.config.kubernetes.io/transformations: t}")
        let emptyAgain = try resource("{}")
        BuildAnnotationCleanup(keepOrigin: true, keepTransformations: false).run(ResourceMap([onlyOrigin, emptyAgain]))
        XCTAssertEqual(onlyOrigin.annotations().map { $0.0 }, ["config.kubernetes.io/origin"])
        XCTAssertNil(emptyAgain.metadata?["annotations"])

        let neither = try resource("{alpha.config.kubernetes.io/transformations: t}")
        BuildAnnotationCleanup(keepOrigin: false, keepTransformations: false).run(ResourceMap([neither]))
        XCTAssertNil(neither.metadata?["annotations"])
    }

    func testBuiltinKindsOfOurTransformers() {
        var k = Kustomization(file: "/x/kustomization.yaml")
        let labels = KeyValueTransformer(pairs: [], fieldSpecs: [FieldSpec(path: "metadata/labels", create: true)])
        let annotations = KeyValueTransformer(pairs: [], fieldSpecs: [FieldSpec(path: "metadata/annotations", create: true)])
        XCTAssertEqual(BuiltinTransformerKinds.kinds(of: labels, in: k), [])
        XCTAssertEqual(BuiltinTransformerKinds.kinds(of: annotations, in: k), [])
        XCTAssertEqual(BuiltinTransformerKinds.kinds(of: NamespaceTransformer(namespace: "", fieldSpecs: []), in: k), [])
        XCTAssertEqual(BuiltinTransformerKinds.kinds(of: NameAffixTransformer("p-", position: .prefix, fieldSpecs: []), in: k), ["PrefixTransformer"])
        XCTAssertEqual(BuiltinTransformerKinds.kinds(of: NameAffixTransformer("", position: .suffix, fieldSpecs: []), in: k), [])
        k.labels = [Kustomization.Label(pairs: [("a", "b")], includeSelectors: false, includeTemplates: false, fields: [])]
        XCTAssertEqual(BuiltinTransformerKinds.kinds(of: labels, in: k), ["LabelTransformer"])
        let two = [Kustomization.Replica(name: "a", count: 1), Kustomization.Replica(name: "b", count: 2)]
        XCTAssertEqual(BuiltinTransformerKinds.kinds(of: ReplicaTransformer(replicas: two, fieldSpecs: [], file: ""), in: k),
                       ["ReplicaCountTransformer", "ReplicaCountTransformer"])
    }
}
