@testable import StsKustomize
import XCTest

/// `render` accumulates each base and overlay once and hands every build its own copy: the
/// outputs and warnings are those of separate builds, whatever the order directories render in.
final class RenderCacheTests: XCTestCase {
    private let statefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          template:
            spec:
              containers:
              - name: db
                image: postgres:15
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {resources: {requests: {storage: 1Gi}}}
          - metadata: {name: logs}
            spec: {resources: {requests: {storage: 1Gi}}}

        """

    private func tree() -> MemoryFileSystem {
        MemoryFileSystem([
            "/r/base/kustomization.yaml": "resources: [db.yaml, cm.yaml]\n",
            "/r/base/db.yaml": statefulSet,
            "/r/base/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {k: v}\n",
            // a patch that drops a claim template: a warning each build must report
            "/r/dev/kustomization.yaml": """
                resources: [../base]
                namePrefix: dev-
                configMapGenerator: [{name: gen, literals: [a=b]}]
                patches:
                - patch: |
                    apiVersion: apps/v1
                    kind: StatefulSet
                    metadata: {name: db}
                    spec:
                      volumeClaimTemplates:
                      - metadata: {name: data}
                        spec: {resources: {requests: {storage: 5Gi}}}

                """,
            "/r/prod/kustomization.yaml": "resources: [../base]\nnamePrefix: prod-\nimages: [{name: postgres, newTag: \"16\"}]\n",
            "/r/cluster/kustomization.yaml": "resources: [../dev, ../prod]\nnamespace: apps\ncommonLabels: {team: data}\n",
            "/r/vars/kustomization.yaml": """
                resources: [../dev]
                vars:
                - name: CM
                  objref: {kind: ConfigMap, name: dev-cfg, apiVersion: v1}

                """,
            "/r/outer/kustomization.yaml": "resources: [../vars, ../prod]\n",
            "/r/loop-a/kustomization.yaml": "resources: [../loop-b]\n",
            // a Component built on its own is cached; listed as a resource it is still an error
            "/r/comp/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [../base]\n",
            "/r/uses-comp/kustomization.yaml": "resources: [../comp]\n",
            "/r/loop-b/kustomization.yaml": "resources: [../loop-a]\n",
        ])
    }

    func testOutputsAndWarningsAreThoseOfSeparateBuilds() throws {
        let fs = tree()
        let dirs = ["/r/base", "/r/dev", "/r/prod", "/r/cluster", "/r/vars", "/r/outer", "/r/loop-a", "/r/loop-b", "/r/comp", "/r/uses-comp"]
        var separate: [String: (String, [BuildWarning])] = [:]
        for dir in dirs {
            do {
                let result = try Build(options: BuildOptions(fileSystem: fs)).run(dir)
                separate[dir] = (String(decoding: try result.yaml(), as: UTF8.self), result.warnings)
            } catch let e as Diagnostic {
                separate[dir] = ("error: " + e.message, [])
            }
        }
        XCTAssertTrue(separate["/r/loop-a"]?.0.contains("cycle detected") == true, "\(String(describing: separate["/r/loop-a"]))")
        XCTAssertFalse(separate["/r/dev"]?.1.isEmpty ?? true, "the dev patch warns")
        XCTAssertTrue(separate["/r/uses-comp"]?.0.contains("expected kind != 'Component'") == true, "\(String(describing: separate["/r/uses-comp"]))")

        // Both orders: overlays cached before the cluster uses them, and the other way round.
        for order in [dirs, dirs.reversed()] {
            var options = BuildOptions(fileSystem: fs)
            let cache = AccumulationCache()
            options.accumulationCache = cache
            for entry in Render(options: options, jobs: 1).run(order) {
                let rendered = entry.output.map { String(decoding: $0, as: UTF8.self) } ?? "error: " + (entry.error?.message ?? "")
                XCTAssertEqual(rendered, separate[entry.directory]?.0, entry.directory)
                XCTAssertEqual(entry.warnings, separate[entry.directory]?.1, entry.directory)
            }
            // Each entry leaves with its last expected use. What stays: comp (its only user
            // fails on its kind), and dev and base, accumulated again for `outer` (which goes
            // through `vars`, never cached) after their expected uses were over.
            XCTAssertEqual(cache.count, 3)
        }
    }

    /// Told how often each accumulation will be used, the cache keeps none that nobody else
    /// uses (the cluster's), hands the stored tree to its last user, and ends empty.
    func testAccumulationsLeaveWithTheirLastUse() throws {
        let dirs = ["/r/base", "/r/dev", "/r/prod", "/r/cluster"]
        for order in [dirs, dirs.reversed()] {
            var options = BuildOptions(fileSystem: tree())
            for jobs in [1, 2] {
                let cache = AccumulationCache()
                options.accumulationCache = cache
                for entry in Render(options: options, jobs: jobs).run(order) {
                    let separate = try Build(options: BuildOptions(fileSystem: tree())).run(entry.directory)
                    XCTAssertEqual(entry.output, try separate.yaml(), entry.directory)
                }
                // (side by side, two workers may both make base before either stored it; the
                // spare copy then waits for a use that does not come: memory, not output)
                if jobs == 1 { XCTAssertEqual(cache.count, 0, "\(order)") }
            }
        }
        let plan = RenderOrder.plan(dirs, options: BuildOptions(fileSystem: tree()))
        XCTAssertEqual(plan.expectedUses["/r/base"], 2)  // dev and prod; base's own build makes it
        XCTAssertEqual(plan.expectedUses["/r/dev"], 1)   // cluster
        XCTAssertEqual(plan.expectedUses["/r/cluster"], 0)
    }

    func testIncludedDirectoriesStartFirst() {
        var options = BuildOptions(fileSystem: tree())
        options.sharedCache = SharedParseCache()
        let dirs = ["/r/base", "/r/dev", "/r/prod", "/r/cluster", "/r/loop-a"]
        // cluster reaches itself, dev, prod and base twice (5); the loop counts each side once
        let order = RenderOrder.plan(dirs, options: options).order.map { dirs[$0] }
        XCTAssertEqual(order, ["/r/base", "/r/dev", "/r/prod", "/r/loop-a", "/r/cluster"])
        let reversed = Array(dirs.reversed())
        XCTAssertEqual(RenderOrder.plan(reversed, options: options).order.map { reversed[$0] },
                       ["/r/base", "/r/prod", "/r/dev", "/r/loop-a", "/r/cluster"])
    }

    func testHookSeesEachEntryOnItsWorkerAndResultsKeepTheInputOrder() throws {
        let dirs = ["/r/base", "/r/dev", "/r/prod", "/r/cluster", "/r/loop-a"]
        let entries = Render(options: BuildOptions(fileSystem: tree()), jobs: 2).run(dirs, each: { entry in
            // what `render -o` does: write the bytes away and keep only their count
            if entry.output != nil { entry.output = nil } else { entry.resourceCount = -1 }
        })
        XCTAssertEqual(entries.map(\.directory), dirs)
        for e in entries where e.directory != "/r/loop-a" {
            XCTAssertNil(e.error, e.directory)
            XCTAssertNil(e.output, e.directory)
            XCTAssertGreaterThan(e.byteCount, 100, e.directory)
        }
        XCTAssertEqual(entries.last?.resourceCount, -1, "a failed entry reaches the hook too")
        XCTAssertNotNil(entries.last?.error)
    }
}
