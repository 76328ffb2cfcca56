import YAML

/// A node as one short line of flow YAML, for diff lines: `1Gi`, `"true"`, `[ReadWriteOnce]`,
/// `{cpu: "2", memory: 8Gi}`. Long values are cut, with their full length noted.
public enum ValueText {
    public static let limit = 160

    public static func render(_ node: Node?) -> String {
        guard let node else { return "(none)" }
        let full = flow(node)
        let chars = Array(full)
        guard chars.count > limit else { return full }
        return String(chars[0..<limit]) + "… (\(chars.count) characters)"
    }

    static func flow(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            return scalar(s)
        case .sequence(let seq):
            return "[" + seq.items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let m):
            let sorted = m.entries.sorted { NaturalKeyOrder.less($0.key.value, $1.key.value) }
            return "{" + sorted.map { scalar(.string($0.key.value)) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Strings that would read back as something else, or break the line, are JSON-quoted.
    static func scalar(_ s: Scalar) -> String {
        guard s.tag == .string else { return s.value }
        let v = s.value
        let plainSafe = !v.isEmpty
            && ScalarResolver.resolveInput(v) == .string
            && !ScalarResolver.needsQuotingOnOutput(v)
            && v.first.map { !"{}[],&*#?|<>=!%@`'\"- ".contains($0) } ?? false
            && v.last != " "
            && !v.contains(": ") && !v.contains(" #") && !v.contains(", ")
            && !v.contains(where: { $0.isNewline || $0 == "\t" })
        return plainSafe ? v : quoted(v)
    }

    /// `v` as a JSON string literal (also what the CLI's JSON records use).
    public static func quoted(_ v: String) -> String {
        var out = "\""
        for u in v.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
