/// YAML scalar resolution as kustomize's two YAML libraries do it:
/// input is read the go-yaml v3 way (YAML 1.2 booleans, 1.1 octals, timestamps),
/// output quoting follows go-yaml v2 (YAML 1.1: `yes`, `on`, `y` … are booleans there).
public enum ScalarResolver {
    private enum Hint { case none, sign, digit, map, dot }

    @inline(__always)
    private static func hint(_ b: UInt8) -> Hint {
        switch b {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return .sign
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return .map
        case UInt8(ascii: "."): return .dot
        default: return .none
        }
    }

    /// The tag of a word with a fixed meaning (`true`, `~`, `.inf`, and with `yaml11` the
    /// YAML 1.1 booleans `yes`, `off`, …); nil for any other text. The bytes (at most five)
    /// are packed into one integer with their count, so the test is one switch, not a
    /// string comparison per word.
    private static func wordTag(_ b: UnsafeBufferPointer<UInt8>, yaml11: Bool) -> ScalarTag? {
        guard b.count <= 5 else { return nil }
        var packed = UInt64(b.count) << 56
        for (i, c) in b.enumerated() { packed |= UInt64(c) << UInt64(8 * i) }
        switch packed {
        case 0x400000065757274, 0x400000065757254, 0x400000045555254, 0x5000065736C6166, 0x5000065736C6146, 0x5000045534C4146: return .bool  // true True TRUE false False FALSE
        case 0x10000000000007E, 0x40000006C6C756E, 0x40000006C6C754E, 0x40000004C4C554E: return .null  // ~ null Null NULL
        case 0x40000006E616E2E, 0x40000004E614E2E, 0x40000004E414E2E, 0x4000000666E692E, 0x4000000666E492E, 0x4000000464E492E, 0x50000666E692E2B, 0x50000666E492E2B, 0x50000464E492E2B, 0x50000666E692E2D, 0x50000666E492E2D, 0x50000464E492E2D: return .float  // .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF
        case 0x100000000000079, 0x100000000000059, 0x300000000736579, 0x300000000736559, 0x300000000534559, 0x200000000006E6F, 0x200000000006E4F, 0x200000000004E4F, 0x10000000000006E, 0x10000000000004E, 0x200000000006F6E, 0x200000000006F4E, 0x200000000004F4E, 0x30000000066666F, 0x30000000066664F, 0x30000000046464F: return yaml11 ? .bool : nil  // y Y yes Yes YES on On ON n N no No NO off Off OFF
        default: return nil
        }
    }

    /// Type of an untagged plain scalar as kustomize's reader (go-yaml v3) sees it.
    public static func resolveInput(_ s: String) -> ScalarTag {
        var s = s
        return s.withUTF8 { resolve($0, yaml11: false) }
    }

    /// Type of an untagged plain scalar as go-yaml v2 (YAML 1.1 booleans) reads it.
    public static func resolveYAML11(_ s: String) -> ScalarTag {
        var s = s
        return s.withUTF8 { resolve($0, yaml11: true) }
    }

    /// Whether go-yaml v2 would read this string as something other than a string,
    /// which is when it must be double-quoted on output.
    public static func needsQuotingOnOutput(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { buf in
            resolve(buf, yaml11: true) != .string || isBase60Float(buf)
        }
    }

    /// Whether a key written plain reads back as a string (`<<` would be a merge key).
    public static func readsBackAsString(_ key: String) -> Bool {
        // Only these can start a number, boolean, null, timestamp or merge key.
        guard let first = key.utf8.first else { return resolveInput(key) == .string }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"),
             UInt8(ascii: "<"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "n"), UInt8(ascii: "N"):
            return key != "<<" && resolveInput(key) == .string
        default:
            return true
        }
    }

    /// kyaml's `IsYaml1_1NonString`, which decides when it double-quotes a string it sets:
    /// whether go-yaml v2, reading the text as a whole document, gets anything but a string —
    /// a number, boolean or null, but also a map or list (`a: b`, `{"x": 1}`, `- x`) or nothing
    /// at all (`# note`). Multi-line text, and text v2 cannot parse, count as strings; so do
    /// timestamps, which v2 hands to an `interface{}` as strings.
    public static func isYAML11NonString(_ text: String) -> Bool {
        if text.isEmpty || text.utf8.contains(10) { return false }
        if isPlainWord(text) {
            let tag = resolveYAML11(text)
            return tag != .string && tag != .timestamp
        }
        return isYAML11NonStringParsed(text)
    }

    /// `isYAML11NonString` the long way: the text read as a whole document.
    static func isYAML11NonStringParsed(_ text: String) -> Bool {
        var parser = YAMLParser(concurrentThreshold: .max)
        parser.goYAMLv2 = true
        let parsed: Node?
        do {
            parsed = try parser.parseFirstDocument(bytes: Array(text.utf8), file: "")
        } catch {
            return false
        }
        guard case .scalar(let scalar)? = parsed else { return true }
        return scalar.tag != .string && scalar.tag != .timestamp
    }

    /// Text whose YAML reading is its plain-scalar resolution: no character that can start
    /// or end structure, quoting, a tag, an anchor or a comment. Inside the text (not first,
    /// not last) a `-`, `@`, `,` or `%` is plain too, as are a space and a `:` that are not
    /// followed by a space (`a: b` is a map, `a #b` a comment).
    private static func isPlainWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            if b.count >= 3 && b[0] == UInt8(ascii: ".") && b[1] == UInt8(ascii: ".") && b[2] == UInt8(ascii: ".") { return false }
            for (i, c) in b.enumerated() {
                switch c {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"),
                     UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"):
                    continue
                case UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: "%"):
                    if i == 0 || i == b.count - 1 { return false }
                case UInt8(ascii: " "), UInt8(ascii: ":"):
                    if i == 0 || i == b.count - 1 { return false }
                    let next = b[i + 1]
                    if next == UInt8(ascii: " ") || next == UInt8(ascii: "#") || next == UInt8(ascii: ":") { return false }
                default:
                    return false
                }
            }
            return true
        }
    }

    static func resolve(_ b: UnsafeBufferPointer<UInt8>, yaml11: Bool) -> ScalarTag {
        if b.isEmpty { return .null }
        let h = hint(b[0])
        if h == .none { return .string }
        if b.count <= 5 && h != .digit {
            if let t = wordTag(b, yaml11: yaml11) { return t }
        }
        switch h {
        case .map, .none:
            return .string
        case .dot:
            return isDotFloat(b) ? .float : .string
        case .sign, .digit:
            if isTimestamp(b) { return .timestamp }
            // Underscores are ignored in numbers by both libraries.
            var plain = [UInt8]()
            plain.reserveCapacity(b.count)
            for c in b where c != UInt8(ascii: "_") { plain.append(c) }
            return plain.withUnsafeBufferPointer { p in
                if GoNumber.parseInt(p) != nil { return .int }
                if isYAMLStyleFloat(p) { return GoNumber.parseFloat(p) != nil ? .float : .string }
                return .string
            }
        }
    }

    /// `^\.[0-9]+([eE][-+]?[0-9]+)?$`, what Go's ParseFloat accepts after a leading dot.
    private static func isDotFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        isYAMLStyleFloat(b)
    }

    /// go-yaml's `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < n && isDigit(b[i]) { i += 1 }
            if i == start { return false }
        } else {
            let start = i
            while i < n && isDigit(b[i]) { i += 1 }
            if i == start { return false }
            if i < n && b[i] == UInt8(ascii: ".") {
                i += 1
                while i < n && isDigit(b[i]) { i += 1 }
            }
        }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            let start = i
            while i < n && isDigit(b[i]) { i += 1 }
            if i == start { return false }
        }
        return i == n
    }

    /// go-yaml v2's `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
    static func isBase60Float(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n > 0 else { return false }
        let c0 = b[0]
        guard c0 == UInt8(ascii: "+") || c0 == UInt8(ascii: "-") || (c0 >= 48 && c0 <= 57) else { return false }
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(b[i]) else { return false }
        i += 1
        while i < n && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
        var groups = 0
        while i < n && b[i] == UInt8(ascii: ":") {
            i += 1
            guard i < n, isDigit(b[i]) else { return false }
            if b[i] <= UInt8(ascii: "5"), i + 1 < n, isDigit(b[i + 1]) { i += 2 } else { i += 1 }
            groups += 1
        }
        if groups == 0 { return false }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
        }
        return i == n
    }

    /// Whether the text parses as one of go-yaml's timestamp layouts.
    static func isTimestamp(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        Timestamp.parse(b) != nil
    }
}
