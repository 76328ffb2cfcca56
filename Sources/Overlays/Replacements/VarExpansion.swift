import YAML

/// The value of a var, typed as kustomize reads it from its field.
public enum VarValue: Equatable {
    case string(String)
    case int(Int64)
    case float(Double)
    case bool(Bool)
    /// A mapping or list: never substituted (`$(VAR)` is left as written).
    case structured

    /// Go's `%v` of the value, used when `$(VAR)` is part of a longer string.
    var text: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let f): return GoNumber.formatG(f)
        case .bool(let b): return b ? "true" : "false"
        case .structured: return nil
        }
    }

    /// The scalar that replaces a string that is exactly `$(VAR)`: the var's own type.
    var scalar: Scalar? {
        switch self {
        case .string(let s): return Scalar(s, tag: .string)
        case .int(let i): return Scalar(String(i), tag: .int)
        case .float(let f): return Scalar(GoNumber.formatG(f), tag: .float)
        case .bool(let b): return Scalar(b ? "true" : "false", tag: .bool)
        case .structured: return nil
        }
    }
}

/// Kubernetes' `$(VAR)` expansion as kustomize uses it: `$$` is a literal `$`, an
/// unknown or unterminated reference stays as written, and a string that is exactly one
/// reference takes the var's type.
public enum VarExpansion {
    /// The scalar that replaces the string `input` (a string unless `input` is exactly
    /// one reference to a var).
    public static func expand(_ input: String, _ lookup: (String) -> VarValue?) -> Scalar {
        let bytes = Array(input.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var checkpoint = 0
        var cursor = 0
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "$"), cursor + 1 < bytes.count {
                out.append(contentsOf: bytes[checkpoint..<cursor])
                let rest = bytes[(cursor + 1)...]
                let first = rest[rest.startIndex]
                var advance = 1
                if first == UInt8(ascii: "$") {
                    out.append(UInt8(ascii: "$"))
                } else if first == UInt8(ascii: "(") {
                    if let close = rest.dropFirst().firstIndex(of: UInt8(ascii: ")")) {
                        let name = String(decoding: bytes[(rest.startIndex + 1)..<close], as: UTF8.self)
                        advance = close - rest.startIndex + 1
                        let value = lookup(name)
                        if bytes.count == name.utf8.count + 3 {
                            // The whole string is this one reference.
                            if let value, let s = value.scalar { return s }
                            return Scalar(input, tag: .string)
                        }
                        if let text = value?.text {
                            out.append(contentsOf: Array(text.utf8))
                        } else {
                            out.append(contentsOf: Array("$(\(name))".utf8))
                        }
                    } else {
                        out.append(contentsOf: [UInt8(ascii: "$"), UInt8(ascii: "(")])
                    }
                } else {
                    // Go writes the operator and the next byte as a rune.
                    out.append(UInt8(ascii: "$"))
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(first))).utf8))
                }
                cursor += advance
                checkpoint = cursor + 1
            }
            cursor += 1
        }
        if checkpoint < bytes.count { out.append(contentsOf: bytes[checkpoint...]) }
        return Scalar(String(decoding: out, as: UTF8.self), tag: .string)
    }
}
