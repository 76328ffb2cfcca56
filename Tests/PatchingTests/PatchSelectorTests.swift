import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// Patch targets; selections recorded with `kubectl kustomize` where marked [case].
final class PatchSelectorTests: XCTestCase {
    func resources(_ text: String) throws -> [Resource] {
        try YAMLParser().parse(text, file: "res.yaml").compactMap(\.asMapping).map { Resource(object: $0, origin: "res.yaml") }
    }

    func selected(_ target: String, _ res: [Resource]) throws -> [String] {
        try PatchSelector(from: mapping(target), file: "kustomization.yaml").select(res).map(\.name)
    }

    /// Names are anchored regexes; `namespace: default` selects resources without a namespace;
    /// cluster-scoped kinds have no namespace at all. [h9]
    func testNameRegexAndEffectiveNamespace() throws {
        let res = try resources("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web-1}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web-2, namespace: default}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: other}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: web-3}
            """)
        XCTAssertEqual(try selected("{name: web-.*, namespace: default}", res), ["web-1", "web-2"])
        XCTAssertEqual(try selected("{name: web}", res), [])
        XCTAssertEqual(try selected("{name: web-1|api}", res), ["web-1", "api"])
    }

    /// annotationSelector, kind and group alternations. [h10]
    func testAnnotationSelectorAndGVKRegexes() throws {
        let res = try resources("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web-1, annotations: {team: blue, cost: "10"}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web-2, annotations: {team: red}}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: web-3, annotations: {team: blue}}
            """)
        let target = """
            annotationSelector: team=blue,cost
            kind: Deploy.*|Cluster(Role|RoleBinding)
            group: "apps|rbac.authorization.k8s.io"
            """
        XCTAssertEqual(try selected(target, res), ["web-1"])
        XCTAssertEqual(try selected("{version: v1}", res), ["web-1", "web-2", "web-3"])
        XCTAssertEqual(try selected("{group: \"\"}", res), ["web-1", "web-2", "web-3"], "empty matches anything")
        XCTAssertEqual(try selected("{kind: Service, version: v1}", res), ["web-2"])
    }

    /// labelSelector with `in` and `!=`; a selector with no GVK matches all kinds. [h8]
    func testLabelSelector() throws {
        let res = try resources("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a, labels: {app: x}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: b, labels: {app: "y"}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: c, namespace: prod, labels: {app: x, tier: web}}
            """)
        XCTAssertEqual(try selected(#"{labelSelector: "app in (x, z),tier!=db"}"#, res), ["a", "c"])
    }

    /// A renamed resource is still selected by its original name, and by its new one.
    func testOriginalAndCurrentNamesBothMatch() throws {
        let r = try XCTUnwrap(resources("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: a}\n").first)
        r.rememberCurrentID()
        r.name = "prefix-cm"
        r.namespace = "b"
        XCTAssertEqual(try selected("{name: cm}", [r]), ["prefix-cm"])
        XCTAssertEqual(try selected("{name: prefix-cm}", [r]), ["prefix-cm"])
        XCTAssertEqual(try selected("{name: other}", [r]), [])
        XCTAssertEqual(try selected("{namespace: a}", [r]), ["prefix-cm"])
        XCTAssertEqual(try selected("{namespace: b}", [r]), ["prefix-cm"])
        XCTAssertEqual(try selected("{namespace: default}", [r]), [])
    }

    /// kustomize: `invalid Kustomization: json: unknown field "apiVersion"` [s1];
    /// `error parsing regexp: missing closing ]` [s4].
    func testInvalidTargets() throws {
        XCTAssertThrowsError(try PatchSelector(from: mapping("{kind: Deployment, apiVersion: v1}"), file: "k.yaml")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "unknown field \"apiVersion\" in patch target")
        }
        XCTAssertThrowsError(try PatchSelector(from: mapping("{kind: \"[a\"}"), file: "k.yaml")) { error in
            XCTAssertTrue("\(error)".contains("error parsing regexp"), "\(error)")
            XCTAssertEqual((error as? Diagnostic)?.file, "k.yaml")
        }
    }

    /// A malformed labelSelector only fails once a resource reaches it: with `kind: Deploy`
    /// nothing does, and kustomize builds fine [s2].
    func testMalformedLabelSelectorFailsOnlyWhenReached() throws {
        let res = try resources("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n")
        XCTAssertEqual(try selected(#"{kind: Deploy, labelSelector: "a in (b,"}"#, res), [])
        XCTAssertThrowsError(try selected(#"{kind: Deployment, labelSelector: "a in (b,"}"#, res))
    }

    func testLiteralPatternsDoNotUseRegexes() throws {
        let s = try PatchSelector(kind: "StatefulSet", name: "web-17")
        let res = try resources("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web-17}\n")
        XCTAssertTrue(try s.matches(res[0]))
        if case .literal = try AnchoredPattern("web-17", field: "name").matcher {} else { XCTFail("expected a literal") }
        if case .regex = try AnchoredPattern("web-1.", field: "name").matcher {} else { XCTFail("expected a regex") }
        // anchored at both ends, including before a trailing newline
        XCTAssertFalse(try AnchoredPattern("web", field: "name").matches("web\n"))
        XCTAssertFalse(try AnchoredPattern("w.b", field: "name").matches("web\n"))
        XCTAssertTrue(try AnchoredPattern("w.b|x", field: "name").matches("web"))
        XCTAssertFalse(try AnchoredPattern("w.b|x", field: "name").matches("webx"))
    }
}

final class PatchDocumentTests: XCTestCase {
    func testExactNameAndKind() throws {
        let s = try PatchSelector(kind: "StatefulSet", name: "web-17")
        XCTAssertEqual(s.exactName, "web-17")
        XCTAssertEqual(s.exactKind, "StatefulSet")
        XCTAssertNil(try PatchSelector(name: "web-.*").exactName)
        XCTAssertNil(try PatchSelector().exactName)
    }
}
