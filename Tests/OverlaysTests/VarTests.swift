import KubeModel
import Manifests
@testable import Overlays
import XCTest
import YAML

/// `vars:` and `$(VAR)` substitution; expectations checked with `kubectl kustomize`
/// (kustomize v5.5.0).
final class VarTests: XCTestCase {
    let input = """
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
      labels: {l: $(SVC), p: $(PORT)}
      annotations: {a: $(PORT), b: $(SVC)-$(PORT)}
    spec:
      clusterIP: None
      ports:
      - {port: 80, targetPort: $(PORT), protocol: TCP}
      flag: true
      ratio: 1.50
      sel: {a: b}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: dep}
    spec:
      template:
        metadata:
          annotations: {x: $(PORT)}
        spec:
          containers:
          - name: c
            image: img
            command: ["$(SVC)", "$$(SVC)", "$(NOPE)", "a$(SVC", "$(FLAG)", "x$(FLAG)", "$(RATIO)", "$(RATIO)x", "$(SEL)", "$$", "$(PORT)$(PORT)"]
            env:
            - {name: A, value: $(PORT)}
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: cj}
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              volumes:
              - {name: v, nfs: {server: $(SVC)}}
            volumes:
            - {name: v, nfs: {server: $(SVC)}}
    """

    let vars = """
    - name: SVC
      objref: {kind: Service, name: svc, apiVersion: v1}
    - name: PORT
      objref: {kind: Service, name: svc, apiVersion: v1}
      fieldref: {fieldpath: "spec.ports[0].port"}
    - name: FLAG
      objref: {kind: Service, name: svc, apiVersion: v1}
      fieldref: {fieldpath: spec.flag}
    - name: RATIO
      objref: {kind: Service, name: svc, apiVersion: v1}
      fieldref: {fieldpath: spec.ratio}
    - name: SEL
      objref: {kind: Service, name: svc, version: v1}
      fieldref: {fieldpath: spec.sel}
    """

    private func resources(_ text: String) throws -> ResourceMap {
        let docs = try YAMLParser().parse(text, file: "in.yaml")
        return ResourceMap(try ManifestLoader.resources(from: docs, file: "in.yaml"))
    }

    private func declarations(_ text: String, bindingIn map: ResourceMap? = nil) throws -> [VarDeclaration] {
        let items = try YAMLParser().parse(text, file: "kustomization.yaml").first?.asSequence?.items ?? []
        if let map { return try VarDeclaration.decodeAll(items, file: "kustomization.yaml", resources: map) }
        return try items.map { try VarDeclaration.decode($0, file: "kustomization.yaml") }
    }

    private func scalar(_ r: Resource, _ path: String) throws -> Scalar? {
        try FieldLookup.lookup(.mapping(r.object), KustomizeFieldPath.split(path))?.asScalar
    }

    func testExpansionRules() {
        let values: [String: VarValue] = ["A": .string("x"), "N": .int(8), "M": .structured]
        let f: (String) -> VarValue? = { values[$0] }
        XCTAssertEqual(VarExpansion.expand("$(A)", f), Scalar("x", tag: .string))
        XCTAssertEqual(VarExpansion.expand("$(N)", f), Scalar("8", tag: .int))
        XCTAssertEqual(VarExpansion.expand("$(N)$(N)", f), Scalar("88", tag: .string))
        XCTAssertEqual(VarExpansion.expand("$$(A)", f).value, "$(A)")
        XCTAssertEqual(VarExpansion.expand("$$", f).value, "$")
        XCTAssertEqual(VarExpansion.expand("a$(A", f).value, "a$(A")
        XCTAssertEqual(VarExpansion.expand("$(B)-$(A)", f).value, "$(B)-x")
        XCTAssertEqual(VarExpansion.expand("$(M)x", f).value, "$(M)x")
        XCTAssertEqual(VarExpansion.expand("cost $", f).value, "cost $")
        XCTAssertEqual(VarExpansion.expand("$x$(A)", f).value, "$xx")
    }

    func testSubstitutesInVarReferenceFieldsWithTypes() throws {
        let map = try resources(input)
        let decls = try declarations(vars, bindingIn: map)
        try VarResolver(vars: decls, fieldSpecs: BuiltinVarReference.fieldSpecs).transform(map)
        let svc = map.resources[0], dep = map.resources[1], cj = map.resources[2]
        XCTAssertEqual(try scalar(svc, "spec.ports.0.targetPort"), Scalar("80", tag: .int))
        XCTAssertEqual(try scalar(svc, "metadata.labels.l"), Scalar("svc", tag: .string))
        XCTAssertEqual(try scalar(svc, "metadata.labels.p"), Scalar("80", tag: .int))
        // Top-level annotations stay strings.
        XCTAssertEqual(try scalar(svc, "metadata.annotations.a"), Scalar("80", tag: .string))
        XCTAssertEqual(try scalar(svc, "metadata.annotations.b"), Scalar("svc-80", tag: .string))
        XCTAssertEqual(try scalar(dep, "spec.template.metadata.annotations.x"), Scalar("80", tag: .int))
        let command = try XCTUnwrap(FieldLookup.lookup(.mapping(dep.object), KustomizeFieldPath.split("spec.template.spec.containers.0.command"))?.asSequence)
        XCTAssertEqual(command.items.compactMap { $0.asScalar }, [
            Scalar("svc", tag: .string), Scalar("$(SVC)", tag: .string), Scalar("$(NOPE)", tag: .string),
            Scalar("a$(SVC", tag: .string), Scalar("true", tag: .bool), Scalar("xtrue", tag: .string),
            Scalar("1.5", tag: .float), Scalar("1.5x", tag: .string), Scalar("$(SEL)", tag: .string),
            Scalar("$", tag: .string), Scalar("8080", tag: .string),
        ])
        XCTAssertEqual(try scalar(dep, "spec.template.spec.containers.0.env.0.value"), Scalar("80", tag: .int))
        // kustomize's table names CronJob's spec/jobTemplate/spec/template/volumes, not .../spec/volumes.
        XCTAssertEqual(try scalar(cj, "spec.jobTemplate.spec.template.spec.volumes.0.nfs.server")?.value, "$(SVC)")
        XCTAssertEqual(try scalar(cj, "spec.jobTemplate.spec.template.volumes.0.nfs.server")?.value, "svc")
    }

    func testObjrefNeedsTheExactGroupAndVersion() throws {
        let map = try resources(input)
        let decls = try declarations("- name: SVC\n  objref: {kind: Service, name: svc}", bindingIn: map)
        XCTAssertNil(decls[0].target)
        XCTAssertThrowsError(try VarResolver(vars: decls, fieldSpecs: BuiltinVarReference.fieldSpecs).transform(map)) { error in
            XCTAssertTrue("\(error)".hasSuffix("var '{SVC Service.[noVer].[noGrp] {metadata.name}}' cannot be mapped to a field in the set of known resources"), "\(error)")
        }
    }

    func testMissingFieldAndNonStringListItemsFail() throws {
        let map = try resources(input)
        let decls = try declarations("- name: X\n  objref: {kind: Service, name: svc, apiVersion: v1}\n  fieldref: {fieldpath: spec.nope}", bindingIn: map)
        XCTAssertThrowsError(try VarResolver(vars: decls, fieldSpecs: BuiltinVarReference.fieldSpecs).transform(map)) { error in
            XCTAssertTrue("\(error)".contains("field specified in var '{X Service.v1.[noGrp] {spec.nope}}' not found in corresponding resource"), "\(error)")
        }
        let pod = try resources("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, args: [1, \"$(P)\"]}\n")
        let p = try declarations("- name: P\n  objref: {kind: Pod, name: p, apiVersion: v1}", bindingIn: pod)
        XCTAssertThrowsError(try VarResolver(vars: p, fieldSpecs: BuiltinVarReference.fieldSpecs).transform(pod)) { error in
            XCTAssertTrue("\(error)".contains("invalid value type expect a string"), "\(error)")
        }
    }

    func testBindingUsesOriginalNamesAndRefusesAmbiguity() throws {
        let map = try resources(input + "\n---\napiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: other}\n")
        XCTAssertThrowsError(try declarations("- name: S\n  objref: {kind: Service, name: svc, apiVersion: v1}", bindingIn: map)) { error in
            XCTAssertTrue("\(error)".hasSuffix("found 2 resId matches for var {S Service.v1.[noGrp] {}} (unable to disambiguate)"), "\(error)")
        }
        let ns = try declarations("- name: S\n  objref: {kind: Service, name: svc, apiVersion: v1, namespace: other}", bindingIn: map)
        XCTAssertTrue(ns[0].target === map.resources[3])

        let renamed = try resources(input)
        try NameAffixTransformer("p-", position: .prefix, fieldSpecs: BuiltinFieldSpecs.nameAffix).transform(renamed)
        let byOriginal = try declarations("- name: SVC\n  objref: {kind: Service, name: svc, apiVersion: v1}", bindingIn: renamed)
        try VarResolver(vars: byOriginal, fieldSpecs: BuiltinVarReference.fieldSpecs).transform(renamed)
        XCTAssertEqual(try scalar(renamed.resources[0], "metadata.labels.l")?.value, "p-svc")
        XCTAssertEqual(try scalar(renamed.resources[1], "spec.template.spec.containers.0.command.0")?.value, "p-svc")
        let byCurrent = try declarations("- name: S\n  objref: {kind: Service, name: p-svc, apiVersion: v1}", bindingIn: renamed)
        XCTAssertNil(byCurrent[0].target)
    }

    func testDecodingIsStrictAndSplitsApiVersion() throws {
        let d = try declarations("- name: X\n  objref: {kind: Deployment, name: d, apiVersion: apps/v1}\n  fieldref: {fieldPath: spec.replicas}")
        XCTAssertEqual(d[0].gvk, GVK(group: "apps", version: "v1", kind: "Deployment"))
        XCTAssertEqual(d[0].fieldPath, "spec.replicas")
        XCTAssertThrowsError(try declarations("- name: X\n  objref: {kind: Deployment, name: d}\n  fieldref: {path: x}"))
        XCTAssertThrowsError(try declarations("- name: X\n  objrf: {kind: Deployment, name: d}"))
    }

    func testBuiltinVarReferenceTableSize() {
        XCTAssertEqual(BuiltinVarReference.fieldSpecs.count, 72)
        XCTAssertEqual(VarResolver(vars: [], fieldSpecs: BuiltinVarReference.fieldSpecs).fieldSpecs.count, 72)
    }
}
