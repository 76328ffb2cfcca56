import StatefulSetChecks
import XCTest

/// Each finding on the fixture with one thing broken.
final class StatefulSetCheckTests: XCTestCase {
    private let fix = CheckFixture.self

    func testValidFixtureHasNoFindings() throws {
        XCTAssertEqual(try fix.summary(fix.valid), [])
    }

    // MARK: errors

    func testEmptyServiceName() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("serviceName: db", with: "serviceName: \"\"")),
                       ["error service-name StatefulSet/db spec.serviceName"])
        XCTAssertEqual(try fix.summary(fix.replacing("  serviceName: db\n", with: "")),
                       ["error service-name StatefulSet/db spec.serviceName"])
    }

    func testServiceNameNamingNoService() throws {
        let report = try fix.report(fix.replacing("serviceName: db", with: "serviceName: db-headless"))
        XCTAssertEqual(report.findings.map(\.check), ["service-name"])
        XCTAssertEqual(report.findings.first?.message, "serviceName 'db-headless' names no Service in namespace prod in the output")
    }

    func testServiceInAnotherNamespaceDoesNotCount() throws {
        let text = fix.replacing("metadata: {name: db, namespace: prod}\nspec:\n  clusterIP", with: "metadata: {name: db, namespace: dev}\nspec:\n  clusterIP")
        XCTAssertEqual(try fix.summary(text), ["error service-name StatefulSet/db spec.serviceName"])
    }

    func testServiceNotHeadless() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("clusterIP: None", with: "clusterIP: 10.0.0.10")),
                       ["error headless-service Service/db spec.clusterIP"])
        let report = try fix.report(fix.replacing("  clusterIP: None\n", with: ""))
        XCTAssertEqual(report.findings.map(\.check), ["headless-service"])
        XCTAssertTrue(report.findings[0].message.contains("it has no clusterIP"), report.findings[0].message)
    }

    func testEmptySelector() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("selector: {matchLabels: {app: db}}\n  template", with: "selector: {}\n  template")),
                       ["error selector StatefulSet/db spec.selector"])
        XCTAssertEqual(try fix.summary(fix.replacing("  selector: {matchLabels: {app: db}}\n  template", with: "  template")),
                       ["error selector StatefulSet/db spec.selector"])
    }

    func testSelectorNotMatchingTemplateLabels() throws {
        let report = try fix.report(fix.replacing("selector: {matchLabels: {app: db}}\n  template",
                                                  with: "selector: {matchLabels: {app: database}}\n  template"))
        XCTAssertEqual(report.findings.map(\.check), ["selector"])
        XCTAssertEqual(report.findings.first?.message, "selector does not match the template labels (app=db, tier=data): app=database fails")
        let expressions = fix.replacing("selector: {matchLabels: {app: db}}\n  template",
                                        with: "selector: {matchExpressions: [{key: tier, operator: NotIn, values: [data]}]}\n  template")
        XCTAssertEqual(try fix.summary(expressions), ["error selector StatefulSet/db spec.selector"])
    }

    func testInvalidSelectorOperator() throws {
        let text = fix.replacing("selector: {matchLabels: {app: db}}\n  template",
                                 with: "selector: {matchExpressions: [{key: app, operator: Is, values: [db]}]}\n  template")
        XCTAssertEqual(try fix.summary(text), ["error selector StatefulSet/db spec.selector.matchExpressions[0].operator"])
    }

    func testVolumeMountNamingNothing() throws {
        let text = fix.replacing("- {name: config, mountPath: /etc/db}", with: "- {name: conf, mountPath: /etc/db}")
        let report = try fix.report(text)
        XCTAssertEqual(report.findings.map { "\($0.check) \($0.path)" }, ["volume-mounts spec.template.spec.containers[0].volumeMounts[1].name"])
        XCTAssertEqual(report.findings.first?.message,
                       "volumeMounts entry 'conf' of container 'db' names neither a volume (spec.template.spec.volumes) nor a claim template (spec.volumeClaimTemplates)")
    }

    func testInitContainerVolumeMountNamingNothing() throws {
        let text = fix.replacing("volumeMounts: [{name: data, mountPath: /data}]", with: "volumeMounts: [{name: scratch, mountPath: /data}]")
        XCTAssertEqual(try fix.summary(text), ["error volume-mounts StatefulSet/db spec.template.spec.initContainers[0].volumeMounts[0].name"])
    }

    func testVolumeDevicesAndUnnamedMounts() throws {
        let text = fix.replacing("image: postgres\n", with: "image: postgres\n        volumeDevices: [{name: raw, devicePath: /dev/xvda}, {devicePath: /dev/x}]\n")
        XCTAssertEqual(try fix.summary(text), [
            "error volume-mounts StatefulSet/db spec.template.spec.containers[0].volumeDevices[0].name",
            "error volume-mounts StatefulSet/db spec.template.spec.containers[0].volumeDevices[1].name",
        ])
    }

    func testClaimTemplateWithoutAccessModes() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("      accessModes: [ReadWriteOnce]\n", with: "")),
                       ["error claim-template StatefulSet/db spec.volumeClaimTemplates[0].spec.accessModes"])
        XCTAssertEqual(try fix.summary(fix.replacing("accessModes: [ReadWriteOnce]", with: "accessModes: []")),
                       ["error claim-template StatefulSet/db spec.volumeClaimTemplates[0].spec.accessModes"])
    }

    func testClaimTemplateWithoutStorageRequest() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("resources: {requests: {storage: 10Gi}}", with: "resources: {limits: {storage: 10Gi}}")),
                       ["error claim-template StatefulSet/db spec.volumeClaimTemplates[0].spec.resources.requests.storage"])
        XCTAssertEqual(try fix.summary(fix.replacing("      resources: {requests: {storage: 10Gi}}\n", with: "")),
                       ["error claim-template StatefulSet/db spec.volumeClaimTemplates[0].spec.resources.requests.storage"])
    }

    func testStorageSizeNotAQuantity() throws {
        let report = try fix.report(fix.replacing("storage: 10Gi", with: "storage: 10GB"))
        XCTAssertEqual(report.findings.map { "\($0.check) \($0.path)" }, ["storage-size spec.volumeClaimTemplates[0].spec.resources.requests.storage"])
        XCTAssertEqual(report.findings.first?.message, "storage size '10GB' of claim template 'data' is not a Kubernetes quantity (e.g. 10Gi, 500Mi, 1e9)")
        XCTAssertEqual(try fix.summary(fix.replacing("resources: {requests: {storage: 10Gi}}", with: "resources: {requests: {storage: 10Gi}, limits: {storage: lots}}")),
                       ["error storage-size StatefulSet/db spec.volumeClaimTemplates[0].spec.resources.limits.storage"])
        XCTAssertEqual(try fix.summary(fix.replacing("storage: 10Gi", with: "storage: {size: 10Gi}")),
                       ["error storage-size StatefulSet/db spec.volumeClaimTemplates[0].spec.resources.requests.storage"])
    }

    func testStorageSizeMustBePositive() throws {
        let report = try fix.report(fix.replacing("storage: 10Gi", with: "storage: 0Gi"))
        XCTAssertEqual(report.findings.map(\.message), ["storage size '0Gi' of claim template 'data' must be greater than zero"])
        XCTAssertEqual(try fix.summary(fix.replacing("storage: 10Gi", with: "storage: -1Gi")).count, 1)
        XCTAssertEqual(try fix.summary(fix.replacing("storage: 10Gi", with: "storage: 10737418240")), [])
    }

    func testPodManagementPolicy() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("podManagementPolicy: OrderedReady", with: "podManagementPolicy: Parallel")), [])
        XCTAssertEqual(try fix.summary(fix.replacing("  podManagementPolicy: OrderedReady\n", with: "")), [])
        XCTAssertEqual(try fix.summary(fix.replacing("podManagementPolicy: OrderedReady", with: "podManagementPolicy: parallel")),
                       ["error pod-management-policy StatefulSet/db spec.podManagementPolicy"])
        XCTAssertEqual(try fix.summary(fix.replacing("podManagementPolicy: OrderedReady", with: "podManagementPolicy: [Parallel]")),
                       ["error pod-management-policy StatefulSet/db spec.podManagementPolicy"])
    }

    func testRestartPolicy() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("      restartPolicy: Always\n", with: "")), [])
        for policy in ["OnFailure", "Never"] {
            XCTAssertEqual(try fix.summary(fix.replacing("restartPolicy: Always", with: "restartPolicy: \(policy)")),
                           ["error restart-policy StatefulSet/db spec.template.spec.restartPolicy"])
        }
    }

    // MARK: warnings

    func testHeadlessServiceSelectorNotSelectingThePods() throws {
        let report = try fix.report(fix.replacing("selector: {app: db}", with: "selector: {app: db, role: primary}"))
        XCTAssertEqual(report.findings.map { "\($0.severity.rawValue) \($0.check) \($0.resource.kind) \($0.path)" },
                       ["warning service-selector Service spec.selector"])
        XCTAssertEqual(report.findings.first?.message,
                       "Service db does not select the pods of StatefulSet db: the pods lack role=primary (pod labels: app=db, tier=data)")
        XCTAssertEqual(try fix.summary(fix.replacing("  selector: {app: db}\n", with: "")), ["warning service-selector Service/db spec.selector"])
    }

    func testBudgetSelectingNoneOfThePods() throws {
        let report = try fix.report(fix.replacing("selector: {matchLabels: {app: db}}\n---", with: "selector: {matchLabels: {app: postgres}}\n---", in: fix.valid + "\n---\n"))
        XCTAssertEqual(report.findings.map { "\($0.severity.rawValue) \($0.check) \($0.resource.kind) \($0.path)" },
                       ["warning pdb-selector PodDisruptionBudget spec.selector"])
        XCTAssertEqual(report.findings.first?.message, "PodDisruptionBudget db selects none of the pods of StatefulSet db (app=db, tier=data)")
    }

    func testBudgetWithMatchExpressions() throws {
        let selecting = fix.replacing("maxUnavailable: 1\n  selector: {matchLabels: {app: db}}",
                                      with: "maxUnavailable: 1\n  selector: {matchExpressions: [{key: tier, operator: In, values: [data]}]}")
        XCTAssertEqual(try fix.summary(selecting), [])
        let missing = fix.replacing("maxUnavailable: 1\n  selector: {matchLabels: {app: db}}",
                                    with: "maxUnavailable: 1\n  selector: {matchExpressions: [{key: tier, operator: NotIn, values: [data]}]}")
        XCTAssertEqual(try fix.summary(missing), ["warning pdb-selector PodDisruptionBudget/db spec.selector"])
    }

    func testBudgetWithoutSelectorOrWithAnInvalidOne() throws {
        XCTAssertEqual(try fix.summary(fix.replacing("  maxUnavailable: 1\n  selector: {matchLabels: {app: db}}", with: "  maxUnavailable: 1")),
                       ["warning pdb-selector PodDisruptionBudget/db spec.selector"])
        XCTAssertEqual(try fix.summary(fix.replacing("maxUnavailable: 1\n  selector: {matchLabels: {app: db}}",
                                                     with: "maxUnavailable: 1\n  selector: {matchExpressions: [{key: app, operator: Equals}]}")),
                       ["warning pdb-selector PodDisruptionBudget/db spec.selector.matchExpressions[0].operator"])
    }

    func testEmptyBudgetSelectorSelectsEverythingInPolicyV1Only() throws {
        let empty = fix.replacing("maxUnavailable: 1\n  selector: {matchLabels: {app: db}}", with: "maxUnavailable: 1\n  selector: {}")
        XCTAssertEqual(try fix.summary(empty), [])
        XCTAssertEqual(try fix.summary(fix.replacing("apiVersion: policy/v1", with: "apiVersion: policy/v1beta1", in: empty)),
                       ["warning pdb-selector PodDisruptionBudget/db spec.selector"])
    }

    func testBudgetForAnotherWorkloadOrNamespaceIsLeftAlone() throws {
        let deployment = """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: prod}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web, namespace: prod}
            spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: other, namespace: staging}
            spec: {minAvailable: 1, selector: {matchLabels: {app: nothing}}}
            """
        XCTAssertEqual(try fix.summary(fix.valid + "\n" + deployment), [])
    }

    func testClaimTemplateLabels() throws {
        let report = try fix.report(fix.replacing("- metadata: {name: data}", with: "- metadata: {name: data, labels: {team: a, app: db}}"))
        XCTAssertEqual(report.findings.map { "\($0.severity.rawValue) \($0.check) \($0.path)" },
                       ["warning claim-template-labels spec.volumeClaimTemplates[0].metadata.labels"])
        XCTAssertEqual(report.findings.first?.message,
                       "claim template 'data' has labels (app, team); claim templates cannot be changed once the StatefulSet exists, so changing these labels later will be rejected")
    }

    // MARK: reporting

    func testStrictCountsWarnings() throws {
        let report = try fix.report(fix.replacing("- metadata: {name: data}", with: "- metadata: {name: data, labels: {team: a}}"))
        XCTAssertEqual(report.errorCount, 0)
        XCTAssertEqual(report.warningCount, 1)
        XCTAssertFalse(report.fails(strict: false))
        XCTAssertTrue(report.fails(strict: true))
        XCTAssertTrue(try fix.report(fix.replacing("restartPolicy: Always", with: "restartPolicy: Never")).fails(strict: false))
    }

    func testFindingsCarryFilePositionsOfRenderedYAML() throws {
        let report = try fix.report(fix.replacing("storage: 10Gi", with: "storage: ten"))
        let finding = try XCTUnwrap(report.findings.first)
        XCTAssertEqual(finding.location, "in.yaml:36:39")
        XCTAssertEqual(finding.resource.file, "in.yaml")
        let unpositioned = StatefulSetChecker().check(try fix.resources(fix.replacing("storage: 10Gi", with: "storage: ten")), positionsAreExact: false)
        XCTAssertEqual(unpositioned.findings.first?.location, "in.yaml")
    }

    func testOtherGroupsStatefulSetsAreNotChecked() throws {
        let kruise = "apiVersion: apps.kruise.io/v1beta1\nkind: StatefulSet\nmetadata: {name: x}\nspec: {}\n"
        let report = try fix.report(kruise)
        XCTAssertEqual(report.findings.count, 0)
        XCTAssertEqual(report.statefulSetCount, 0)
    }
}
