
/// A Kubernetes resource quantity (`resource.Quantity`), read with the grammar its parser
/// documents:
///
///     quantity  ::= sign? number suffix
///     number    ::= digits | digits "." digits? | "." digits
///     suffix    ::= "" | binarySI | decimalSI | ("e" | "E") sign? digits
///     binarySI  ::= Ki | Mi | Gi | Ti | Pi | Ei
///     decimalSI ::= m | k | M | G | T | P | E
///
/// The parser reads the exponent of `1e3` as an integer, so `1e1.5` is not a quantity.
public struct Quantity: Equatable, Sendable {
    public enum Suffix: Equatable, Sendable {
        case none
        /// Ki, Mi, …: a power of 1024.
        case binary(power: Int)
        /// m, k, M, …: a power of ten that is a multiple of three.
        case decimal(exponent: Int)
        /// e3, E-2: any power of ten.
        case exponent(Int)
    }

    public var text: String
    public var isNegative: Bool
    public var integerDigits: String
    public var fractionDigits: String
    public var suffix: Suffix

    private static let binarySuffixes: [String: Int] = ["Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6]
    private static let decimalSuffixes: [String: Int] = ["m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]

    /// The quantity `text` spells, or nil when it is not one.
    public init?(_ text: String) {
        let chars = Array(text.unicodeScalars)
        var i = 0
        var negative = false
        if i < chars.count, chars[i] == "+" || chars[i] == "-" {
            negative = chars[i] == "-"
            i += 1
        }
        let integer = Self.digits(chars, from: &i)
        var fraction = ""
        if i < chars.count, chars[i] == "." {
            i += 1
            fraction = Self.digits(chars, from: &i)
        }
        // `1.` and `.5` are numbers, `.` and a bare suffix are not.
        if integer.isEmpty && fraction.isEmpty { return nil }
        guard let suffix = Self.suffix(String(String.UnicodeScalarView(chars[i...]))) else { return nil }
        self.text = text
        self.isNegative = negative
        self.integerDigits = integer
        self.fractionDigits = fraction
        self.suffix = suffix
    }

    public static func isValid(_ text: String) -> Bool { Quantity(text) != nil }

    /// Whether the amount is above zero (storage requests must be).
    public var isPositive: Bool {
        !isNegative && (integerDigits + fractionDigits).contains { $0 != "0" }
    }

    /// The amount written out in plain decimal, exactly: sign, integer digits without leading
    /// zeros, and fraction digits without trailing zeros (`1Gi` and `1024Mi` both give
    /// `1073741824`). Nil when the exponent is beyond ±1000, too large to write out.
    public var exactDecimal: String? {
        var digits = Array((integerDigits + fractionDigits).utf8).map { Int($0) - 48 }
        // `digits` × 10^(exponent): the point sits `fractionDigits.count` from the right.
        var exponent = -fractionDigits.utf8.count
        switch suffix {
        case .none:
            break
        case .binary(let power):
            for _ in 0..<power { Self.multiply(&digits, by: 1024) }
        case .decimal(let e), .exponent(let e):
            guard abs(e) <= 1000 else { return nil }
            exponent += e
        }
        if exponent > 0 { digits += [Int](repeating: 0, count: exponent); exponent = 0 }
        let pointAt = digits.count + exponent
        var whole = pointAt > 0 ? Array(digits[..<pointAt]) : []
        var fraction = pointAt < 0 ? [Int](repeating: 0, count: -pointAt) + digits : Array(digits[max(0, pointAt)...])
        while whole.first == 0 { whole.removeFirst() }
        while fraction.last == 0 { fraction.removeLast() }
        if whole.isEmpty && fraction.isEmpty { return "0" }
        var text = isNegative ? "-" : ""
        text += whole.isEmpty ? "0" : String(decoding: whole.map { UInt8($0 + 48) }, as: UTF8.self)
        if !fraction.isEmpty { text += "." + String(decoding: fraction.map { UInt8($0 + 48) }, as: UTF8.self) }
        return text
    }

    /// Multiplies a big-endian decimal digit array by a small factor, in place.
    private static func multiply(_ digits: inout [Int], by factor: Int) {
        var carry = 0
        for i in digits.indices.reversed() {
            let v = digits[i] * factor + carry
            digits[i] = v % 10
            carry = v / 10
        }
        while carry > 0 {
            digits.insert(carry % 10, at: 0)
            carry /= 10
        }
    }

    /// Whether two quantities are the same amount (`1Gi` and `1024Mi` are); texts that are
    /// not quantities, or too large to compare, are the same only when spelt the same.
    public static func sameAmount(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let qa = Quantity(a)?.exactDecimal, let qb = Quantity(b)?.exactDecimal else { return false }
        return qa == qb
    }

    private static func digits(_ chars: [Unicode.Scalar], from i: inout Int) -> String {
        var out = ""
        while i < chars.count, ("0"..."9").contains(chars[i]) {
            out.unicodeScalars.append(chars[i])
            i += 1
        }
        return out
    }

    private static func suffix(_ s: String) -> Suffix? {
        if s.isEmpty { return Suffix.none }
        if let power = binarySuffixes[s] { return .binary(power: power) }
        if let exponent = decimalSuffixes[s] { return .decimal(exponent: exponent) }
        guard let first = s.unicodeScalars.first, first == "e" || first == "E" else { return nil }
        var rest = Substring(s.dropFirst())
        var negative = false
        if let sign = rest.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        // The parser keeps the exponent in 32 bits.
        guard !rest.isEmpty, rest.allSatisfy({ ("0"..."9").contains($0) }), let magnitude = Int32(rest) else { return nil }
        return .exponent(negative ? -Int(magnitude) : Int(magnitude))
    }
}
