import KubeModel
import Overlays
import StatefulSetChecks

/// The StatefulSet checks (`sts-kustomize check`) on a rendered or renderable source.
///
///     let outcome = try Check().run(.directory("overlays/prod"))
///     if outcome.report.fails(strict: false) { … }
public struct Check: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    /// The findings, and the build's warnings when the source is a directory.
    public struct Outcome {
        public var report: CheckReport
        public var warnings: [BuildWarning]
    }

    /// Reads (or renders) `source` and checks its StatefulSets. `displayPath` rewrites each
    /// resource's file name for the findings (the CLI makes them relative to the working
    /// directory). Throws a `Diagnostic` when the source cannot be read or rendered.
    public func run(_ source: ManifestSource, displayPath: (String) -> String = { $0 }) throws -> Outcome {
        let loaded = try source.load(options: options)
        return Outcome(report: report(on: loaded.resources, positionsAreExact: loaded.positionsAreExact, displayPath: displayPath),
                       warnings: loaded.warnings)
    }

    /// The checks on resources already in hand (`build --check` on its own result).
    public func report(on resources: [Resource], positionsAreExact: Bool, displayPath: (String) -> String = { $0 }) -> CheckReport {
        for r in resources { r.origin = displayPath(r.origin) }
        return StatefulSetChecker().check(resources, positionsAreExact: positionsAreExact)
    }
}
