import FoundationEssentials

/// Prints a check report as text (one line per finding, like a compiler) or as JSON.
public enum FindingsRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case text, json
    }

    public static func render(_ report: CheckReport, format: Format) -> String {
        switch format {
        case .text: return text(report)
        case .json: return json(report)
        }
    }

    /// `FILE[:LINE:COL]: SEVERITY: RESOURCE: PATH: MESSAGE [check]`, then a summary line.
    public static func text(_ report: CheckReport) -> String {
        var out = ""
        for f in report.findings {
            out += "\(f.location): \(f.severity.rawValue): \(f.resource): \(f.path): \(f.message) [\(f.check)]\n"
        }
        out += summary(report) + "\n"
        return out
    }

    /// `1 StatefulSet checked: 0 errors, 1 warning`.
    public static func summary(_ report: CheckReport) -> String {
        "\(plural(report.statefulSetCount, "StatefulSet")) checked: \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))"
    }

    private static func plural(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }

    private struct JSONReport: Encodable {
        var statefulSets: Int
        var errors: Int
        var warnings: Int
        var findings: [JSONFinding]
    }

    private struct JSONFinding: Encodable {
        var severity: String
        var check: String
        var resource: JSONResource
        var file: String
        var line: Int?
        var column: Int?
        var path: String
        var message: String
    }

    private struct JSONResource: Encodable {
        var apiVersion: String
        var kind: String
        var namespace: String
        var name: String
    }

    public static func json(_ report: CheckReport) -> String {
        let body = JSONReport(
            statefulSets: report.statefulSetCount,
            errors: report.errorCount,
            warnings: report.warningCount,
            findings: report.findings.map { f in
                let positioned = f.mark.flatMap { $0 == .none ? nil : $0 }
                return JSONFinding(severity: f.severity.rawValue, check: f.check,
                                   resource: JSONResource(apiVersion: f.resource.apiVersion, kind: f.resource.kind,
                                                          namespace: f.resource.namespace, name: f.resource.name),
                                   file: f.resource.file, line: positioned.map { Int($0.line) }, column: positioned.map { Int($0.column) },
                                   path: f.path.description, message: f.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail; an empty object keeps the output JSON regardless.
        guard let data = try? encoder.encode(body) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
