/// Number parsing and printing the way Go's strconv, encoding/json and go-yaml do it,
/// so numbers come out as kustomize prints them.
public enum GoNumber {
    public enum Integer: Equatable {
        case signed(Int64)
        case unsigned(UInt64)
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`, falling back to `ParseUint(s, 0, 64)`.
    public static func parseInt(_ b: UnsafeBufferPointer<UInt8>) -> Integer? {
        var i = 0
        let n = b.count
        guard n > 0 else { return nil }
        var negative = false
        var signed = false
        if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") {
            negative = b[0] == UInt8(ascii: "-")
            signed = true
            i = 1
        }
        guard i < n else { return nil }
        var base: UInt64 = 10
        if b[i] == UInt8(ascii: "0") && i + 1 < n {
            switch b[i + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): base = 16; i += 2
            case UInt8(ascii: "b"), UInt8(ascii: "B"): base = 2; i += 2
            case UInt8(ascii: "o"), UInt8(ascii: "O"): base = 8; i += 2
            default: base = 8; i += 1
            }
            guard i < n else { return nil }
        }
        var magnitude: UInt64 = 0
        while i < n {
            let c = b[i]
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c - 48)
            case 97...102: d = UInt64(c - 87)
            case 65...70: d = UInt64(c - 55)
            default: return nil
            }
            guard d < base else { return nil }
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: base)
            let (m2, o2) = m1.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            magnitude = m2
            i += 1
        }
        if negative {
            if magnitude <= UInt64(Int64.max) { return .signed(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .signed(Int64.min) }
            return nil
        }
        if magnitude <= UInt64(Int64.max) { return .signed(Int64(magnitude)) }
        return signed ? nil : .unsigned(magnitude)
    }

    public static func parseInt(_ s: String) -> Integer? {
        var s = s
        return s.withUTF8 { buf in
            if buf.contains(UInt8(ascii: "_")) {
                let plain = buf.filter { $0 != UInt8(ascii: "_") }
                return plain.withUnsafeBufferPointer { parseInt($0) }
            }
            return parseInt(buf)
        }
    }

    /// Go's ParseFloat for go-yaml's float syntax; nil when out of range.
    public static func parseFloat(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let text = String(decoding: b, as: UTF8.self)
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }

    public static func parseFloat(_ s: String) -> Double? {
        let plain = s.contains("_") ? s.replacingAll("_", with: "") : s
        switch plain {
        case ".nan", ".NaN", ".NAN": return .nan
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        default: break
        }
        guard let d = Double(plain), d.isFinite else { return nil }
        return d
    }

    public static func format(_ i: Integer) -> String {
        switch i {
        case .signed(let v): return String(v)
        case .unsigned(let v): return String(v)
        }
    }

    /// How a float comes out of kustomize: encoding/json writes it, go-yaml v2 reads that
    /// text back (integral values become integers) and prints floats with `%g`.
    public static func formatFloatForOutput(_ f: Double) -> String {
        if f.isNaN { return ".nan" }
        if f.isInfinite { return f < 0 ? "-.inf" : "+.inf" }
        if f == f.rounded(), abs(f) < 1e21 {
            if abs(f) < 9007199254740992.0 { return String(Int64(f)) }
            // encoding/json writes the shortest digits padded with zeros (9223372036854776000),
            // which go-yaml reads back as an integer when it fits 64 bits.
            let (digits, decimalPoint) = shortestDigits(description: f.magnitude.description)
            let text = fixedNotation(digits: digits, decimalPoint: decimalPoint, negative: f < 0)
            if Int64(text) != nil || UInt64(text) != nil { return text }
        }
        return formatG(f)
    }

    /// Go's float64 encoding: shortest digits, `%f` style for 1e-6 ≤ |f| < 1e21, otherwise
    /// `%e` style with at least two exponent digits except that `e-0N` becomes `e-N`.
    public static func formatJSON(_ f: Double) -> String {
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        let (digits, decimalPoint) = shortestDigits(description: f.magnitude.description)
        let magnitude = f.magnitude
        if magnitude < 1e-6 || magnitude >= 1e21 {
            var out = exponentNotation(digits: digits, decimalPoint: decimalPoint, negative: f < 0)
            // encoding/json trims `e-0N` to `e-N` (but keeps `e+0N`).
            if let r = out.firstRange(of: "e-0") { out.replaceSubrange(r, with: "e-") }
            return out
        }
        return fixedNotation(digits: digits, decimalPoint: decimalPoint, negative: f < 0)
    }

    /// Go's `strconv.FormatFloat(f, 'g', -1, 64)`.
    public static func formatG(_ f: Double) -> String {
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        let (digits, decimalPoint) = shortestDigits(description: f.magnitude.description)
        return formatG(digits: digits, decimalPoint: decimalPoint, negative: f.sign == .minus)
    }

    /// `%g` with shortest digits: `%e` when the exponent is below -4 or at least 6 (Go uses
    /// precision 6 for this choice when printing shortest), else `%f`.
    public static func formatG(digits: String, decimalPoint: Int, negative: Bool) -> String {
        let exp = decimalPoint - 1
        if exp < -4 || exp >= 6 {
            return exponentNotation(digits: digits, decimalPoint: decimalPoint, negative: negative)
        }
        return fixedNotation(digits: digits, decimalPoint: decimalPoint, negative: negative)
    }

    /// `d.ddde±XX`: all digits, at least two exponent digits.
    public static func exponentNotation(digits: String, decimalPoint: Int, negative: Bool) -> String {
        var out = negative ? "-" : ""
        out.append(digits[digits.startIndex])
        if digits.count > 1 {
            out.append(".")
            out.append(contentsOf: digits.dropFirst())
        }
        let exp = decimalPoint - 1
        out.append(exp < 0 ? "e-" : "e+")
        if abs(exp) < 10 { out.append("0") }
        out.append(String(abs(exp)))
        return out
    }

    /// `ddd.ddd` with exactly the given digits.
    public static func fixedNotation(digits: String, decimalPoint: Int, negative: Bool) -> String {
        var out = negative ? "-" : ""
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

    /// Shortest round-trip digits of a positive finite float, read from its Swift
    /// `description` (which prints the shortest digits, for Float and Double alike):
    /// value = 0.DIGITS × 10^decimalPoint.
    public static func shortestDigits(description text: String) -> (digits: String, decimalPoint: Int) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(intPart) + String(fracPart)
        var decimalPoint = intPart.count + exponent
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        return (digits, decimalPoint)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if c == target { out.append(replacement) } else { out.append(c) }
        }
        return out
    }
}
