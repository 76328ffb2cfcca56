import KubeModel
@testable import Overlays
import XCTest

/// Where kustomize merges and sorts its field-spec tables decides which specs survive: a
/// custom spec that sorts before a general builtin one on its path displaces it whenever the
/// tables are merged into an empty accumulator (a kustomization without bases, the parent of
/// any base, a component's caller). Found by `scripts/difftest/focused/field_specs.py`; every
/// expected output was printed by `kubectl kustomize` for the same tree.
final class FieldSpecMergeTests: XCTestCase {
    private let tree = PluginTestTree("fieldspecs")

    override func tearDown() {
        tree.remove(testName: name)
    }

    private let twoResources = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n"

    private func names(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("  name: ") }.map { String($0.dropFirst(8)) }
    }

    /// A Deployment spec sorts before the general `metadata/name` one (Deployment is one of the
    /// kinds kustomize orders first), a ValidatingWebhookConfiguration spec after it (ordered last).
    func testACustomSpecDisplacesTheGeneralOneOnlyWhenItSortsFirst() throws {
        try tree.write("r.yaml", twoResources)
        try tree.write("kustomization.yaml", "resources: [r.yaml]\nconfigurations: [c.yaml]\nnamePrefix: p-\n")
        try tree.write("c.yaml", "namePrefix:\n- path: metadata/name\n  kind: Deployment\n")
        XCTAssertEqual(names(try tree.build()), ["a", "b"])
        try tree.write("c.yaml", "namePrefix:\n- path: metadata/name\n  kind: ValidatingWebhookConfiguration\n")
        XCTAssertEqual(names(try tree.build()), ["p-a", "p-b"])
    }

    /// With a base, the kustomization's own tables are merged into the base's, which already hold
    /// the general spec: it stays. The kustomization above merges them into an empty accumulator
    /// again, and there the custom spec displaces it.
    func testTheDisplacementHappensOneLevelUpWhenThereIsABase() throws {
        try tree.write("base/r.yaml", twoResources)
        try tree.write("base/kustomization.yaml", "resources: [r.yaml]\n")
        try tree.write("ov/kustomization.yaml", "namePrefix: p-\nconfigurations: [cfg.yaml]\nresources: [../base]\n")
        try tree.write("ov/cfg.yaml", "namePrefix:\n- path: metadata/name\n  kind: Deployment\n")
        try tree.write("top/kustomization.yaml", "namePrefix: t-\nresources: [../ov]\n")
        XCTAssertEqual(names(try tree.build("ov")), ["p-a", "p-b"])
        XCTAssertEqual(names(try tree.build("top")), ["p-a", "p-b"])
    }

    /// A component's accumulation is handed to a new, empty accumulator: its specs are merged
    /// from nothing, so the component's custom spec displaces the general one for its caller.
    func testAComponentsSpecsAreMergedAgainFromNothing() throws {
        try tree.write("base/r.yaml", twoResources)
        try tree.write("base/kustomization.yaml", "resources: [r.yaml]\n")
        try tree.write("comp/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nconfigurations: [c.yaml]\n")
        try tree.write("comp/c.yaml", "namePrefix:\n- path: metadata/name\n  kind: Deployment\n")
        try tree.write("top/kustomization.yaml", "resources: [../base]\ncomponents: [../comp]\nnamePrefix: x-\n")
        XCTAssertEqual(names(try tree.build("top")), ["a", "b"])
    }

    /// `labels:` entries take the configuration's `labels` specs, then the template table, then
    /// `metadata/labels` by MergeOne, which a displacing custom spec on that path absorbs.
    func testLabelEntriesMergeTheirSpecsAsKustomizesConfiguratorDoes() throws {
        try tree.write("r.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n")
        try tree.write("c.yaml", "templateLabels:\n- path: metadata/labels\n  kind: Service\n  create: true\n")
        try tree.write("kustomization.yaml", "resources: [r.yaml]\nconfigurations: [c.yaml]\nlabels:\n- pairs: {tt: v}\n  includeTemplates: true\n- pairs: {mm: v}\n")
        XCTAssertEqual(try tree.build(), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                mm: v
              name: a
            ---
            apiVersion: v1
            kind: Service
            metadata:
              labels:
                mm: v
                tt: v
              name: s

            """)
    }

    /// The prefix filter creates its field with `create`, affixes a null's text like any other,
    /// and refuses a map or a list.
    func testNamePrefixFieldsAreCreatedAndNullsAffixed() throws {
        try tree.write("c.yaml", "namePrefix:\n- path: spec/ref\n  kind: Secret\n  create: true\n")
        try tree.write("kustomization.yaml", "resources: [r.yaml]\nconfigurations: [c.yaml]\nnamePrefix: p-\n")
        let cases = ["spec: {}": "p-", "spec: {ref: ~}": "p-~", "spec: {ref: }": "p-", "spec: {ref: null}": "p-null",
                     "spec: {ref: 12}": "p-12", "spec: {ref: 'q'}": "p-q"]
        for (spec, expected) in cases {
            try tree.write("r.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: b}\n\(spec)\n")
            XCTAssertEqual(try tree.build(), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: p-b\nspec:\n  ref: \(expected)\n", spec)
        }
        try tree.write("r.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: b}\nspec: {ref: {a: 1}}\n")
        XCTAssertTrue(tree.buildError().contains("considering field 'spec/ref' of object Secret.v1.[noGrp]/b.[noNs]: wrong node kind: expected ScalarNode but got MappingNode"),
                      tree.buildError())
        try tree.write("c.yaml", "namePrefix:\n- path: spec/ref\n  kind: Secret\n")
        try tree.write("r.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: b}\nspec: {}\n")
        XCTAssertEqual(try tree.build(), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: p-b\nspec: {}\n")
    }

    /// kustomize's commonAnnotations table names StatefulSet without a group (its commonLabels
    /// table says `apps`), so a StatefulSet of any group gets template annotations.
    func testTemplateAnnotationsReachAStatefulSetOfAnyGroup() throws {
        try tree.write("r.yaml", "apiVersion: example.com/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec: {}\n")
        try tree.write("kustomization.yaml", "resources: [r.yaml]\ncommonAnnotations: {a: b}\ncommonLabels: {l: m}\n")
        XCTAssertEqual(try tree.build(), """
            apiVersion: example.com/v1
            kind: StatefulSet
            metadata:
              annotations:
                a: b
              labels:
                l: m
              name: s
            spec:
              template:
                metadata:
                  annotations:
                    a: b

            """)
    }

    /// The builtin configuration is its own merge from nothing and with itself, which is what
    /// lets merges of default-only configurations be skipped.
    func testTheBuiltinTablesAreStableUnderMerging() throws {
        let unmarked = TransformerConfig.builtin
        let fromNothing = try TransformerConfig.empty.mergingTables(unmarked)
        let withItself = try unmarked.mergingTables(unmarked)
        for merged in [fromNothing, withItself] {
            XCTAssertFalse(merged.isBuiltin)
            for (a, b) in [(merged.commonLabels, unmarked.commonLabels), (merged.templateLabels, unmarked.templateLabels),
                           (merged.commonAnnotations, unmarked.commonAnnotations), (merged.namespace, unmarked.namespace),
                           (merged.varReference, unmarked.varReference), (merged.images, unmarked.images),
                           (merged.replicas, unmarked.replicas), (merged.namePrefix, unmarked.namePrefix)] {
                XCTAssertEqual(a, b)
            }
            XCTAssertEqual(merged.nameReference.map(\.target), unmarked.nameReference.map(\.target))
            XCTAssertEqual(merged.nameReference.map(\.referrers), unmarked.nameReference.map(\.referrers))
        }
    }

    /// Go's unstable sort puts Deployment's `spec/template/metadata/labels` spec before its
    /// `spec/selector/matchLabels` one (a stable sort keeps the table's order, selector first).
    /// commonLabels restyles its shared node at each field in that order, so the plain selector
    /// label, set last, leaves it plain and the patched `1` stays a number; in table order the
    /// single-quoted template label would be last and make it the string "1". (Of 144 such
    /// trees, four told the orders apart; all 144 agree with kubectl.)
    func testCommonLabelsSetsTiedFieldsInGoSortOrder() throws {
        try tree.write("base/res.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: proxy
            spec:
              selector:
                matchLabels:
                  tier: old
              template:
                metadata:
                  labels:
                    tier: 'old'

            """)
        try tree.write("base/kustomization.yaml", "resources:\n- res.yaml\ncommonLabels:\n  tier: A1\n")
        try tree.write("top/kustomization.yaml", """
            resources:
            - ../base
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: proxy
                  labels:
                    tier: 1

            """)
        let output = try tree.build("top")
        XCTAssertTrue(output.hasPrefix("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    tier: 1\n  name: proxy\n"), output)
    }

    /// Go's `sort.Sort` port orders any input (ties in any order), on lengths around its
    /// insertion-sort, ninther and heap-sort thresholds.
    func testGoSortSorts() {
        var rng = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 7, 8, 12, 13, 49, 50, 51, 200, 1000] {
            for keys in [3, 1000] {
                var a = (0..<length).map { (Int.random(in: 0..<keys, using: &rng), $0) }
                let before = a
                a.goSort { $0.0 < $1.0 }
                XCTAssertEqual(a.map(\.0), before.map(\.0).sorted())
                XCTAssertEqual(Set(a.map(\.1)), Set(before.map(\.1)))
            }
            var descending = Array((0..<length).reversed())
            descending.goSort(by: <)
            XCTAssertEqual(descending, Array(0..<length))
        }
    }

    /// An already sorted slice is left exactly as it is, ties included: kustomize sorts its
    /// tables after every merge, and that must not reorder specs of one GVK.
    func testGoSortLeavesASortedSliceAlone() {
        for length in [5, 13, 60, 500] {
            var a = (0..<length).map { ($0 / 4, $0) }
            a.goSort { $0.0 < $1.0 }
            XCTAssertEqual(a.map(\.1), Array(0..<length))
        }
    }
}
