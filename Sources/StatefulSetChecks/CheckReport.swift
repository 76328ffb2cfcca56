/// The findings of one `check` run, and what they mean for its exit status.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    public var statefulSetCount: Int

    public init(findings: [Finding], statefulSetCount: Int) {
        self.findings = findings
        self.statefulSetCount = statefulSetCount
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// Whether the run fails: on errors, and with `strict` on warnings too.
    public func fails(strict: Bool) -> Bool {
        errorCount > 0 || (strict && warningCount > 0)
    }
}
