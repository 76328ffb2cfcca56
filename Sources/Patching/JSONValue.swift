import YAML

/// Equality of nodes as JSON values, as a JSON patch `test` sees them after kustomize's
/// YAML-to-JSON conversion: numbers by value (1 == 1.0), strings never equal numbers,
/// maps by key set, lists in order; a null entry equals a null entry.
enum JSONValue {
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch (a, b) {
        case (.mapping(let x), .mapping(let y)):
            guard x.entries.count == y.entries.count else { return false }
            for e in x.entries {
                guard let other = y[e.key.value] else { return false }
                if !equal(e.value, other) { return false }
            }
            return true
        case (.sequence(let x), .sequence(let y)):
            guard x.items.count == y.items.count else { return false }
            for i in x.items.indices where !equal(x.items[i], y.items[i]) { return false }
            return true
        case (.scalar(let x), .scalar(let y)):
            return equal(x, y)
        default:
            return false
        }
    }

    private enum Kind { case null, bool, number, string }

    private static func kind(_ s: Scalar) -> Kind {
        switch s.tag {
        case .null: return .null
        case .bool: return .bool
        case .int, .float: return .number
        case .string, .timestamp: return .string
        }
    }

    private static func equal(_ x: Scalar, _ y: Scalar) -> Bool {
        let kx = kind(x), ky = kind(y)
        guard kx == ky else { return false }
        switch kx {
        case .null:
            return true
        case .bool:
            return boolValue(x) == boolValue(y)
        case .string:
            return x.value == y.value
        case .number:
            if x.tag == .int, y.tag == .int, let a = GoNumber.parseInt(x.value), let b = GoNumber.parseInt(y.value) {
                return a == b
            }
            if let a = number(x), let b = number(y) { return a == b }
            return x.value == y.value
        }
    }

    private static func boolValue(_ s: Scalar) -> Bool {
        switch s.value.lowercased() {
        case "true", "yes", "on", "y": return true
        default: return false
        }
    }

    private static func number(_ s: Scalar) -> Double? {
        if let f = GoNumber.parseFloat(s.value) { return f }
        if let i = GoNumber.parseInt(s.value) {
            switch i {
            case .signed(let v): return Double(v)
            case .unsigned(let v): return Double(v)
            }
        }
        return nil
    }
}
