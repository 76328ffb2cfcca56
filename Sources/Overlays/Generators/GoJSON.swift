import YAML

/// A value as Go's `encoding/json` sees it after decoding into `interface{}`: objects,
/// arrays, strings, float64 numbers, booleans and null.
indirect enum GoJSONValue {
    case object([(String, GoJSONValue)])
    case array([GoJSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// The value kustomize's hasher gets for a YAML node (YAML → JSON → `interface{}`).
    init(_ node: Node) throws {
        switch node {
        case .mapping(let m):
            self = .object(try m.entries.map { ($0.key.value, try GoJSONValue($0.value)) })
        case .sequence(let s):
            self = .array(try s.items.map { try GoJSONValue($0) })
        case .scalar(let s):
            switch s.tag {
            case .string, .timestamp:
                self = .string(s.value)
            case .null:
                self = .null
            case .bool:
                self = .bool(["true", "yes", "on", "y"].contains(s.value.lowercased()))
            case .int:
                guard let integer = GoNumber.parseInt(s.value) else {
                    throw GoJSONError("'\(s.value)' is not a number JSON can hold")
                }
                switch integer {
                case .signed(let v): self = .number(Double(v))
                case .unsigned(let v): self = .number(Double(v))
                }
            case .float:
                guard let f = GoNumber.parseFloat(s.value), f.isFinite else {
                    throw GoJSONError("'\(s.value)' is not a number JSON can hold")
                }
                self = .number(f)
            }
        }
    }

    /// `json.Marshal`: object keys sorted by their bytes, no spaces, Go's string escaping
    /// and float formatting.
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        append(to: &out)
        return out
    }

    private func append(to out: inout [UInt8]) {
        switch self {
        case .object(let entries):
            out.append(UInt8(ascii: "{"))
            let sorted = entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (i, (key, value)) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                GoJSON.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.append(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.append(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let s):
            GoJSON.appendString(s, to: &out)
        case .number(let d):
            out.append(contentsOf: GoJSON.formatFloat(d).utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null:
            out.append(contentsOf: "null".utf8)
        }
    }
}

enum GoJSON {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Go's string encoding with HTML escaping on (json.Marshal's default).
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])          // \"
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])          // \\
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                appendUnicodeEscape(scalar.value, to: &out)
            default:
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// Go's float64 encoding: shortest digits, `%f` style for 1e-6 ≤ |f| < 1e21, otherwise
    /// `%e` style with at least two exponent digits except that `e-0N` becomes `e-N`.
    static func formatFloat(_ f: Double) -> String {
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        let (digits, decimalPoint) = shortestDigits(abs(f))
        var out = f < 0 ? "-" : ""
        let magnitude = abs(f)
        if magnitude < 1e-6 || magnitude >= 1e21 {
            out.append(digits[digits.startIndex])
            if digits.count > 1 {
                out.append(".")
                out.append(contentsOf: digits.dropFirst())
            }
            let exponent = decimalPoint - 1
            out.append("e")
            out.append(exponent < 0 ? "-" : "+")
            let e = abs(exponent)
            // Go writes two digits at least, then json trims `e-0N` (but keeps `e+0N`).
            if e < 10 && exponent > 0 { out.append("0") }
            out.append(String(e))
            return out
        }
        if decimalPoint <= 0 {
            out.append("0.")
            out.append(String(repeating: "0", count: -decimalPoint))
            out.append(digits)
        } else if decimalPoint >= digits.count {
            out.append(digits)
            out.append(String(repeating: "0", count: decimalPoint - digits.count))
        } else {
            let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
            out.append(contentsOf: digits[..<split])
            out.append(".")
            out.append(contentsOf: digits[split...])
        }
        return out
    }

    /// Shortest round-trip decimal digits of a positive finite `f` and where the decimal
    /// point goes (value = 0.DIGITS × 10^decimalPoint), taken from Swift's own shortest
    /// printing.
    static func shortestDigits(_ f: Double) -> (String, Int) {
        let text = f.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + String(fractionPart)
        var decimalPoint = integerPart.count + exponent
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        return (digits, decimalPoint)
    }
}

struct GoJSONError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
