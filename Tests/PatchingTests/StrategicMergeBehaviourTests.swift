import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// Outcomes, errors, options and warnings of StrategicMergePatch. Expectations marked
/// [case] were recorded with `kubectl kustomize`; the rest test our own additions.
final class StrategicMergeBehaviourTests: XCTestCase {
    /// A top-level `$patch: delete` deletes the resource (the caller removes it). [e1]
    func testTopLevelDeleteDeletesTheResource() throws {
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            $patch: delete
            """
        XCTAssertNil(try mergedYAML(baseDeployment, patch))
    }

    /// kustomize: `wrong node kind: expected MappingNode but got ScalarNode: node contents: foo`. [g1]
    func testScalarWhereTargetHasMapIsAnError() throws {
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template: foo
            """
        XCTAssertThrowsError(try mergedYAML(baseDeployment, patch)) { error in
            let e = error as? Diagnostic
            XCTAssertEqual(e?.file, "patch.yaml")
            XCTAssertEqual(e?.mark, Mark(line: 6, column: 13))
            XCTAssertEqual(e?.message, "wrong node kind at spec.template: expected MappingNode but got ScalarNode: node contents:\nfoo")
        }
    }

    /// kustomize: `expected SequenceNode but got MappingNode`. [g1b]
    func testMapWhereTargetHasListIsAnError() throws {
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                    name: x
            """
        XCTAssertThrowsError(try mergedYAML(baseDeployment, patch)) { error in
            XCTAssertTrue("\(error)".contains("expected SequenceNode but got MappingNode"), "\(error)")
        }
    }

    /// kustomize: `unknown patch strategy 'foo'`. [g2]
    func testUnknownDirectiveIsAnError() throws {
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector:
                $patch: foo
            """
        XCTAssertThrowsError(try mergedYAML(baseDeployment, patch)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "unknown patch strategy 'foo'")
            XCTAssertEqual((error as? Diagnostic)?.mark, Mark(line: 7, column: 13))
        }
    }

    /// The patch's kind, name and namespace do not stick; its apiVersion is the target's. [n1]
    func testKindNameAndNamespaceAreRestored() throws {
        let patch = """
            apiVersion: v1
            kind: Foo
            metadata:
              name: other
              namespace: ns2
              labels:
                q: r
            spec:
              replicas: 7
            """
        let out = try XCTUnwrap(try mergedYAML(baseDeployment, patch))
        XCTAssertTrue(out.hasPrefix("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"), out)
        XCTAssertTrue(out.contains("    q: r\n  name: d\nspec:\n  replicas: 7\n"), out)
        XCTAssertFalse(out.contains("namespace"), out)
    }

    /// `allowNameChange` and `allowKindChange` keep the patch's; the namespace is still restored. [n2]
    func testAllowNameAndKindChange() throws {
        let patch = """
            apiVersion: v1
            kind: Foo
            metadata:
              name: other
              namespace: ns2
            spec:
              replicas: 7
            """
        let out = try XCTUnwrap(try mergedYAML(baseDeployment, patch,
                                               options: .init(allowNameChange: true, allowKindChange: true)))
        XCTAssertTrue(out.hasPrefix("apiVersion: apps/v1\nkind: Foo\nmetadata:\n"), out)
        XCTAssertTrue(out.contains("  name: other\nspec:\n  replicas: 7\n"), out)
        XCTAssertFalse(out.contains("namespace"), out)
    }

    func testPatchIsNotModifiedAndCanBeReused() throws {
        let patch = try mapping("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: b
                    $patch: delete
                  - name: n
                    image: n
            """)
        let before = try emit(patch)
        let smp = StrategicMergePatch()
        let gvk = GVK(group: "apps", version: "v1", kind: "Deployment")
        let first = try mapping(baseDeployment), second = try mapping(baseDeployment)
        _ = try smp.apply(patch, to: first, gvk: gvk)
        _ = try smp.apply(patch, to: second, gvk: gvk)
        XCTAssertEqual(try emit(patch), before)
        XCTAssertEqual(try emit(first), try emit(second))
        // the results share no nodes: editing one leaves the other alone
        first.mapping("spec")?.mapping("template")?.mapping("spec")?.sequence("containers")?.items
            .first?.asMapping?["image"] = .string("changed")
        XCTAssertNotEqual(try emit(first), try emit(second))
    }

    /// A custom `openapi:` document gives a CRD merge keys. [oa_BasicUsage]
    func testCustomOpenAPISchemaMergesCRDContainers() throws {
        let schema = try MergeSchema(openAPIDocument: try node(customSchema), file: "schema.json")
        let resource = """
            apiVersion: example.com/v1alpha1
            kind: MyCRD
            metadata:
              name: service
            spec:
              template:
                spec:
                  containers:
                  - name: server
                    image: server
                    command: example
                    ports:
                    - name: grpc
                      protocol: TCP
                      containerPort: 8080
            """
        let patch = """
            apiVersion: example.com/v1alpha1
            kind: MyCRD
            metadata:
              name: service
            spec:
              template:
                spec:
                  containers:
                  - name: server
                    image: nginx
            """
        XCTAssertEqual(try mergedYAML(resource, patch, schema: schema), """
            apiVersion: example.com/v1alpha1
            kind: MyCRD
            metadata:
              name: service
            spec:
              template:
                spec:
                  containers:
                  - command: example
                    image: nginx
                    name: server
                    ports:
                    - containerPort: 8080
                      name: grpc
                      protocol: TCP

            """)
    }

    /// With a custom schema the built-in one is gone: containers are replaced. [oa_replaces]
    func testCustomOpenAPISchemaReplacesBuiltin() throws {
        let schema = try MergeSchema(openAPIDocument: try node(customSchema), file: "schema.json")
        let resource = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: a
                  - name: b
                    image: b
            """
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: b
                    image: b2
            """
        XCTAssertEqual(try mergedYAML(resource, patch, schema: schema), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - image: b2
                    name: b

            """)
    }

    // MARK: warnings

    /// Output as kustomize's [h6]; the warnings name the resource, the watched list, the item
    /// and the losses (the engine knows no kinds: the caller names the list to watch).
    func testWatchedListReplacementReportsLosses() throws {
        let resource = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              namespace: prod
            spec:
              volumeClaimTemplates:
              - metadata:
                  name: data
                  labels: {tier: db}
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: fast
                  resources:
                    requests:
                      storage: 1Gi
              - metadata:
                  name: logs
                spec:
                  accessModes: [ReadWriteOnce]
            """
        let patch = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  resources:
                    requests:
                      storage: 10Gi
            """
        XCTAssertEqual(try mergedYAMLAndWarnings(resource, patch).1, [], "an unwatched list is not reported")
        let (out, warnings) = try mergedYAMLAndWarnings(resource, patch, options: Self.watchingClaims)
        XCTAssertEqual(out, """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              namespace: prod
            spec:
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  resources:
                    requests:
                      storage: 10Gi

            """)
        XCTAssertEqual(warnings.count, 2)
        XCTAssertEqual(warnings.map(\.kind), [.listItemsLost, .listItemsLost])
        XCTAssertEqual(warnings.first?.path, "spec.volumeClaimTemplates")
        XCTAssertEqual(warnings.first?.item, "data")
        XCTAssertEqual(warnings.first?.lostFields, ["metadata.labels", "spec.accessModes", "spec.storageClassName"])
        XCTAssertEqual(warnings.first?.resource, "StatefulSet web (namespace prod)")
        XCTAssertEqual(warnings.last?.item, "logs")
        XCTAssertEqual(warnings.last?.lostFields, [])
        XCTAssertTrue(warnings.last?.message.contains("dropped item \"logs\"") ?? false)
    }

    static let watchingClaims = StrategicMergePatch.Options(watchedLists: [StatefulSetView.claimTemplatesSpec])

    func testClaimTemplatePatchThatKeepsEverythingDoesNotWarn() throws {
        let resource = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """
        let patch = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              replicas: 3
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteMany]
                  resources: {requests: {storage: 5Gi}}
            """
        XCTAssertEqual(try mergedYAMLAndWarnings(resource, patch, options: Self.watchingClaims).1, [])
        let untouched = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              replicas: 3
            """
        XCTAssertEqual(try mergedYAMLAndWarnings(resource, untouched, options: Self.watchingClaims).1, [])
    }

    func testUninterpretedDirectivesAreReported() throws {
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              strategy:
                $retainKeys: [type]
                type: Recreate
            """
        let warnings = try mergedYAMLAndWarnings(baseDeployment, patch).1
        XCTAssertEqual(warnings.map(\.kind), [.directiveNotApplied])
        XCTAssertTrue(warnings[0].message.contains("$retainKeys at spec.strategy"), warnings[0].message)
    }

    // MARK: opt-in Kubernetes directives (not kustomize's behaviour)

    func testInterpretedDirectives() throws {
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              $deleteFromPrimitiveList/finalizers: [f1]
            spec:
              selector:
                $retainKeys: [matchExpressions]
                matchExpressions: []
              template:
                spec:
                  $setElementOrder/containers:
                  - name: c
                  - name: a
                  containers:
                  - name: a
                    image: a3
            """
        let out = try XCTUnwrap(try mergedYAML(baseDeployment, patch, options: .init(interpretKubernetesDirectives: true)))
        XCTAssertFalse(out.contains("$"), out)
        XCTAssertTrue(out.contains("  finalizers:\n  - f2\n"), out)
        XCTAssertTrue(out.contains("  selector:\n    matchExpressions: []\n"), out)
        let names = out.components(separatedBy: "\n").filter { $0.hasPrefix("        name: ") }
        XCTAssertEqual(names, ["        name: c", "        name: a", "        name: b"])
    }
}
