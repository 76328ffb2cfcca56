/// Whether bytes are one JSON value (RFC 8259) and nothing else but white space: the check
/// Go's `encoding/json` makes before kustomize decodes a patch that starts with `[`. YAML's
/// looser forms (`on`, `0777`, `.5`, unquoted keys) are not JSON.
enum StrictJSON {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var i = 0
        skipSpace(bytes, &i)
        guard value(bytes, &i, depth: 0) else { return false }
        skipSpace(bytes, &i)
        return i == bytes.count
    }

    private static let maxDepth = 10_000

    private static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    private static func value(_ b: [UInt8], _ i: inout Int, depth: Int) -> Bool {
        guard i < b.count, depth < maxDepth else { return false }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return true }
            while true {
                guard i < b.count, b[i] == UInt8(ascii: "\""), string(b, &i) else { return false }
                skipSpace(b, &i)
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace(b, &i)
                guard value(b, &i, depth: depth + 1) else { return false }
                skipSpace(b, &i)
                guard i < b.count else { return false }
                if b[i] == UInt8(ascii: "}") { i += 1; return true }
                guard b[i] == UInt8(ascii: ",") else { return false }
                i += 1
                skipSpace(b, &i)
            }
        case UInt8(ascii: "["):
            i += 1
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return true }
            while true {
                guard value(b, &i, depth: depth + 1) else { return false }
                skipSpace(b, &i)
                guard i < b.count else { return false }
                if b[i] == UInt8(ascii: "]") { i += 1; return true }
                guard b[i] == UInt8(ascii: ",") else { return false }
                i += 1
                skipSpace(b, &i)
            }
        case UInt8(ascii: "\""):
            return string(b, &i)
        case UInt8(ascii: "t"): return literal(b, &i, "true")
        case UInt8(ascii: "f"): return literal(b, &i, "false")
        case UInt8(ascii: "n"): return literal(b, &i, "null")
        default:
            return number(b, &i)
        }
    }

    private static func literal(_ b: [UInt8], _ i: inout Int, _ word: String) -> Bool {
        let w = word.utf8
        guard i + w.count <= b.count, b[i..<(i + w.count)].elementsEqual(w) else { return false }
        i += w.count
        return true
    }

    private static func string(_ b: [UInt8], _ i: inout Int) -> Bool {
        i += 1  // the opening quote
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return true }
            if c < 0x20 { return false }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < b.count else { return false }
                switch b[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 1
                case UInt8(ascii: "u"):
                    guard i + 4 < b.count, b[(i + 1)...(i + 4)].allSatisfy(isHexDigit) else { return false }
                    i += 5
                default:
                    return false
                }
                continue
            }
            i += 1
        }
        return false
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private static func number(_ b: [UInt8], _ i: inout Int) -> Bool {
        func digits(_ i: inout Int) -> Int {
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { return false }
        if b[i] == 0x30 { i += 1 } else { _ = digits(&i) }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&i) > 0 else { return false }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&i) > 0 else { return false }
        }
        return true
    }
}
