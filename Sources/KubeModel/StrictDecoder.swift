import YAML

/// Reads a mapping field by field and rejects any key nobody asked for, so a typo in a
/// kustomization is an error with its position rather than silently ignored.
public struct StrictDecoder {
    public let mapping: Mapping
    public let file: String
    public let context: String
    private var consumed: Set<String> = []
    private var loweredKeys: [String]?

    public init(_ node: Node, file: String, context: String) throws {
        guard let m = node.asMapping else {
            throw Diagnostic("\(context) must be a mapping", file: file, mark: node.mark)
        }
        self.mapping = m
        self.file = file
        self.context = context
    }

    /// Go's JSON decoding matches field names exactly first, then ignoring case.
    public mutating func optional(_ key: String) throws -> Node? {
        var found: Node?
        if let v = mapping[key] {
            consumed.insert(key)
            found = v
        } else {
            // the mapping's keys are lowered once, not once per field asked for
            let lowered = loweredKeys ?? mapping.entries.map { $0.key.value.lowercased() }
            loweredKeys = lowered
            let lower = key.lowercased()
            let entries = mapping.entries
            for (i, l) in lowered.enumerated() where l == lower && i < entries.count {
                consumed.insert(entries[i].key.value)
                found = entries[i].value
            }
        }
        guard let v = found, !v.isNull else { return nil }
        return v
    }

    public mutating func string(_ key: String) throws -> String? {
        guard let v = try optional(key) else { return nil }
        guard case .scalar(let s) = v else {
            throw Diagnostic("\(context): '\(key)' must be a string", file: file, mark: v.mark)
        }
        guard s.tag == .string || s.tag == .timestamp else {
            throw Diagnostic("\(context): '\(key)' must be a string, not \(s.value)", file: file, mark: v.mark)
        }
        return s.value
    }

    public mutating func requiredString(_ key: String) throws -> String {
        guard let s = try string(key) else {
            throw Diagnostic("\(context): missing '\(key)'", file: file, mark: mapping.mark)
        }
        return s
    }

    public mutating func bool(_ key: String) throws -> Bool? {
        guard let v = try optional(key) else { return nil }
        guard case .scalar(let s) = v, let b = s.boolValue else {
            throw Diagnostic("\(context): '\(key)' must be true or false", file: file, mark: v.mark)
        }
        return b
    }

    public mutating func int(_ key: String) throws -> Int? {
        guard let v = try optional(key) else { return nil }
        // Through JSON any integral number fits an int64 field (`1e3`, `3.0`).
        if case .scalar(let s) = v {
            if s.tag == .int, case .signed(let i)? = GoNumber.parseInt(s.value) { return Int(i) }
            if s.tag == .float, let d = GoNumber.parseFloat(s.value), d == d.rounded(), abs(d) < 9.2e18 { return Int(d) }
        }
        throw Diagnostic("\(context): '\(key)' must be an integer", file: file, mark: v.mark)
    }

    public mutating func stringList(_ key: String) throws -> [String]? {
        guard let v = try optional(key) else { return nil }
        guard case .sequence(let seq) = v else {
            throw Diagnostic("\(context): '\(key)' must be a list of strings", file: file, mark: v.mark)
        }
        return try seq.items.map { item in
            guard case .scalar(let s) = item, s.tag == .string || s.tag == .timestamp else {
                throw Diagnostic("\(context): '\(key)' must be a list of strings", file: file, mark: item.mark)
            }
            return s.value
        }
    }

    /// A string-to-string map in source order. Non-string values are rejected, as
    /// kustomize's JSON decoding rejects them.
    public mutating func stringMap(_ key: String) throws -> [(String, String)]? {
        guard let v = try optional(key) else { return nil }
        guard case .mapping(let m) = v else {
            throw Diagnostic("\(context): '\(key)' must be a map of strings", file: file, mark: v.mark)
        }
        return try m.entries.map { e in
            guard case .scalar(let s) = e.value else {
                throw Diagnostic("\(context): value of '\(e.key.value)' in '\(key)' must be a string", file: file, mark: e.value.mark)
            }
            switch s.tag {
            case .string, .timestamp: return (e.key.value, s.value)
            case .null: return (e.key.value, "")
            default:
                throw Diagnostic("\(context): value of '\(e.key.value)' in '\(key)' must be a string, not \(s.value) (quote it)", file: file, mark: e.value.mark)
            }
        }
    }

    public mutating func list(_ key: String) throws -> [Node]? {
        guard let v = try optional(key) else { return nil }
        guard case .sequence(let seq) = v else {
            throw Diagnostic("\(context): '\(key)' must be a list", file: file, mark: v.mark)
        }
        return seq.items
    }

    /// Fails on the first key no decode call asked for.
    public func finish() throws {
        for e in mapping.entries where !consumed.contains(e.key.value) {
            throw Diagnostic("\(context): unknown field '\(e.key.value)'", file: file, mark: e.key.mark)
        }
    }
}
