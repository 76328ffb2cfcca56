import Foundation
import KubeModel
import StatefulSetChecks
import XCTest

final class FindingsRendererTests: XCTestCase {
    private func brokenReport() throws -> CheckReport {
        var text = CheckFixture.replacing("restartPolicy: Always", with: "restartPolicy: Never")
        text = CheckFixture.replacing("- metadata: {name: data}", with: "- metadata: {name: data, labels: {team: a}}", in: text)
        return try CheckFixture.report(text)
    }

    func testTextNamesFileResourcePathAndCheck() throws {
        let text = FindingsRenderer.text(try brokenReport())
        XCTAssertEqual(text, """
            in.yaml:18:22: error: StatefulSet prod/db: spec.template.spec.restartPolicy: template restartPolicy is 'Never'; a StatefulSet's pods must use Always [restart-policy]
            in.yaml:33:36: warning: StatefulSet prod/db: spec.volumeClaimTemplates[0].metadata.labels: claim template 'data' has labels (team); claim templates cannot be changed once the StatefulSet exists, so changing these labels later will be rejected [claim-template-labels]
            1 StatefulSet checked: 1 error, 1 warning

            """)
    }

    func testJSONIsParseableAndComplete() throws {
        let json = FindingsRenderer.json(try brokenReport())
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
        XCTAssertEqual(object["warnings"] as? Int, 1)
        XCTAssertEqual(object["statefulSets"] as? Int, 1)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 2)
        XCTAssertEqual(findings[0]["severity"] as? String, "error")
        XCTAssertEqual(findings[0]["check"] as? String, "restart-policy")
        XCTAssertEqual(findings[0]["path"] as? String, "spec.template.spec.restartPolicy")
        XCTAssertEqual(findings[0]["file"] as? String, "in.yaml")
        XCTAssertEqual(findings[0]["line"] as? Int, 18)
        let resource = try XCTUnwrap(findings[0]["resource"] as? [String: String])
        XCTAssertEqual(resource, ["apiVersion": "apps/v1", "kind": "StatefulSet", "namespace": "prod", "name": "db"])
    }

    func testEmptyReport() throws {
        let report = try CheckFixture.report(CheckFixture.valid)
        XCTAssertEqual(FindingsRenderer.text(report), "1 StatefulSet checked: 0 errors, 0 warnings\n")
        XCTAssertTrue(FindingsRenderer.json(report).contains("\"findings\" : [\n\n  ]"), FindingsRenderer.json(report))
    }

    func testKeysWithDotsAreBracketed() {
        XCTAssertEqual(FieldPath("metadata", "labels", "app.kubernetes.io/name").description, "metadata.labels[app.kubernetes.io/name]")
        XCTAssertEqual(FieldPath("spec", "containers").named("db").key("image").description, "spec.containers[name=db].image")
        XCTAssertEqual(FieldPath("spec").index(2).description, "spec[2]")
    }
}
