import StatefulSetChecks
import XCTest

final class ManifestDiffTests: XCTestCase {
    private let fix = CheckFixture.self

    func testIdenticalInputsHaveNoChanges() throws {
        let diff = try ManifestDiff(old: fix.resources(fix.valid), new: fix.resources(fix.valid))
        XCTAssertTrue(diff.resources.isEmpty)
        XCTAssertEqual(DiffRenderer.text(diff), "no changes\n")
    }

    func testResourcesMatchByKindNamespaceAndNameInSortedOrder() throws {
        let new = fix.replacing("metadata: {name: db, namespace: prod}\nspec:\n  clusterIP", with: "metadata: {name: db2, namespace: prod}\nspec:\n  clusterIP")
            + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: prod}\ndata: {a: b}\n"
        let diff = try ManifestDiff(old: fix.resources(fix.valid), new: fix.resources(new))
        XCTAssertEqual(diff.resources.map { "\($0.status.rawValue) \($0.resource)" }, [
            "added ConfigMap prod/cfg",
            "removed Service prod/db",
            "added Service prod/db2",
        ])
    }

    func testRenderedDiff() throws {
        var new = fix.replacing("storage: 10Gi", with: "storage: 20Gi")
        new = fix.replacing("image: postgres\n", with: "image: postgres:17\n", in: new)
        new = fix.replacing("maxUnavailable: 1", with: "minAvailable: 2", in: new)
        let diff = try ManifestDiff(old: fix.resources(fix.valid), new: fix.resources(new))
        XCTAssertEqual(diff.forbiddenCount, 1)
        XCTAssertEqual(DiffRenderer.text(diff), """
            changed PodDisruptionBudget prod/db
              - spec.maxUnavailable: 1
              + spec.minAvailable: 2
            changed StatefulSet prod/db
              ~ spec.template.spec.containers[name=db].image: postgres -> postgres:17
              ~ spec.volumeClaimTemplates[name=data].spec.resources.requests.storage: 10Gi -> 20Gi
            forbidden: StatefulSet prod/db: spec.volumeClaimTemplates[name=data].spec.resources.requests.storage: 10Gi -> 20Gi (\(StatefulSetUpdateRule.explanation))
            2 changed, 0 added, 0 removed; 1 forbidden StatefulSet change

            """)
    }

    func testDuplicateResourcesAreAnError() throws {
        let twice = fix.valid + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: prod}\n"
        XCTAssertThrowsError(try ManifestDiff(old: fix.resources(twice), new: fix.resources(fix.valid))) { error in
            XCTAssertEqual("\(error)", "in.yaml: Service prod/db appears more than once")
        }
    }
}
