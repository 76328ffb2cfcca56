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

    /// The value kustomize's hasher gets for a YAML node (written by go-yaml, read back, then
    /// JSON → `interface{}`): a folded string has go-yaml's folding quirks unless it sits in
    /// a flow collection (`inFlow`).
    init(_ node: Node, inFlow: Bool = false) throws {
        switch node {
        case .mapping(let m):
            let flow = inFlow || m.flow
            self = .object(try m.entries.map { ($0.key.value, try GoJSONValue($0.value, inFlow: flow)) })
        case .sequence(let s):
            let flow = inFlow || s.flow
            self = .array(try s.items.map { try GoJSONValue($0, inFlow: flow) })
        case .scalar(let s):
            switch s.tag {
            case .string:
                self = .string(s.marshalledValue(inFlow: inFlow))
            case .timestamp:
                // kustomize has been through JSON by then: the time in RFC 3339, as printed
                self = .string(Timestamp.parse(s.value)?.rfc3339 ?? s.value)
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
            out.append(contentsOf: GoNumber.formatJSON(d).utf8)
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
        var s = s
        s.withUTF8 { b in
            out.reserveCapacity(out.count + b.count + 2)
            var i = 0
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<end])) }
            }
            while i < b.count {
                let c = b[i]
                let escape: [UInt8]?
                var width = 1
                switch c {
                case 0x22: escape = [0x5C, 0x22]                        // \"
                case 0x5C: escape = [0x5C, 0x5C]                        // \\
                case 0x08: escape = [0x5C, UInt8(ascii: "b")]
                case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                case 0x00..<0x20, 0x3C, 0x3E, 0x26: escape = unicodeEscape(UInt32(c))
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    // U+2028 and U+2029
                    escape = unicodeEscape(b[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default: escape = nil
                }
                if let escape {
                    flush(i)
                    out.append(contentsOf: escape)
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            flush(b.count)
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        var out: [UInt8] = [0x5C, UInt8(ascii: "u")]
        appendHex(value, to: &out)
        return out
    }

    private static func appendHex(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}

struct GoJSONError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
