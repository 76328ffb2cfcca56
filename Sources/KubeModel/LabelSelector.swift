import YAML

/// A Kubernetes label selector, the one type for both of its forms:
///
/// - the string form (`labelSelector` / `annotationSelector` of patch targets and
///   replacements), parsed as k8s.io/apimachinery `labels.Parse` does: `a=b`, `a==b`, `a!=b`,
///   `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<3`; commas AND requirements; keys must
///   be qualified names and values label values;
/// - the structured form (`metav1.LabelSelector`: `matchLabels` and `matchExpressions`) of
///   workloads, services' owners and PodDisruptionBudgets, as the API server evaluates it.
///
/// Every requirement must hold; the empty selector matches everything.
public struct LabelSelector: Equatable, Sendable {
    public enum Operator: String, Sendable {
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
        case `in` = "in"
        case notIn = "notin"
        case exists = "exists"
        case doesNotExist = "!"
        case greaterThan = "gt"
        case lessThan = "lt"
    }

    public struct Requirement: Equatable, Sendable, CustomStringConvertible {
        public var key: String
        public var op: Operator
        public var values: [String]

        public init(key: String, op: Operator, values: [String]) {
            self.key = key
            self.op = op
            self.values = values
        }

        /// Kubernetes' selector syntax: `app=db`, `tier in (a,b)`, `!legacy`.
        public var description: String {
            switch op {
            case .equals, .doubleEquals, .in:
                return values.count == 1 ? "\(key)=\(values[0])" : "\(key) in (\(values.joined(separator: ",")))"
            case .notEquals:
                return "\(key)!=\(values.first ?? "")"
            case .notIn:
                return "\(key) notin (\(values.joined(separator: ",")))"
            case .exists: return key
            case .doesNotExist: return "!" + key
            case .greaterThan: return "\(key)>\(values.first ?? "")"
            case .lessThan: return "\(key)<\(values.first ?? "")"
            }
        }

        /// Whether the label value `value` (nil: the label is absent) satisfies this requirement.
        public func matches(value v: String?) -> Bool {
            switch op {
            case .equals, .doubleEquals, .in:
                guard let v else { return false }
                return values.contains(v)
            case .notEquals, .notIn:
                guard let v else { return true }
                return !values.contains(v)
            case .exists:
                return v != nil
            case .doesNotExist:
                return v == nil
            case .greaterThan, .lessThan:
                guard let v, let have = Int64(v), values.count == 1, let want = Int64(values[0]) else { return false }
                return op == .greaterThan ? have > want : have < want
            }
        }
    }

    /// Why a structured selector cannot be read, with the path of the offending part.
    public struct Problem: Error, Sendable {
        public var path: FieldPath
        public var message: String
    }

    /// The selector as written (the string form), or its requirements joined by commas.
    public let text: String
    public let requirements: [Requirement]

    /// No requirements: selects everything (or, for a StatefulSet, is invalid).
    public var isEmpty: Bool { requirements.isEmpty }

    public init(requirements: [Requirement]) {
        self.requirements = requirements
        self.text = requirements.map(\.description).joined(separator: ",")
    }

    /// Parses the string form. Throws a Diagnostic with the parser's message, e.g.
    /// `unable to parse requirement: found '(', expected: identifier`.
    public init(_ text: String) throws {
        self.text = text
        var parser = Parser(tokens: try Lexer.tokens(text))
        requirements = try parser.parse()
    }

    /// Whether `labels` satisfies every requirement. `labels` is a `metadata.labels` (or
    /// `annotations`) mapping; nil means none. A null value counts as the empty string.
    public func matches(_ labels: Mapping?) -> Bool {
        requirements.allSatisfy { $0.matches(value: Self.value(labels, $0.key)) }
    }

    /// Whether a label map satisfies every requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(value: labels[$0.key]) }
    }

    private static func value(_ labels: Mapping?, _ key: String) -> String? {
        guard let labels else { return nil }
        for e in labels.entries where e.key.value == key {
            if case .scalar(let s) = e.value { return s.tag == .null ? "" : s.value }
            return ""
        }
        return nil
    }

    /// Reads the structured form at `path` in a resource; null is the empty selector.
    public init(_ node: Node, path: FieldPath) throws {
        guard let m = node.asMapping else {
            if node.isNull { self.init(requirements: []); return }
            throw Problem(path: path, message: "selector must be a mapping")
        }
        var reqs: [Requirement] = []
        if let ml = m["matchLabels"], !ml.isNull {
            guard let labels = ml.asMapping else {
                throw Problem(path: path.key("matchLabels"), message: "matchLabels must be a mapping of strings")
            }
            for e in labels.entries {
                reqs.append(Requirement(key: e.key.value, op: .in, values: [e.value.stringValue ?? ""]))
            }
        }
        if let me = m["matchExpressions"], !me.isNull {
            guard let exprs = me.asSequence else {
                throw Problem(path: path.key("matchExpressions"), message: "matchExpressions must be a list")
            }
            for (i, item) in exprs.items.enumerated() {
                reqs.append(try Self.expression(item, path: path.key("matchExpressions").index(i)))
            }
        }
        self.init(requirements: reqs)
    }

    private static let structuredOperators: [String: Operator] = [
        "In": .in, "NotIn": .notIn, "Exists": .exists, "DoesNotExist": .doesNotExist,
    ]

    private static func expression(_ node: Node, path: FieldPath) throws -> Requirement {
        guard let m = node.asMapping else {
            throw Problem(path: path, message: "a match expression must be a mapping")
        }
        guard let key = m.string("key"), !key.isEmpty else {
            throw Problem(path: path.key("key"), message: "a match expression needs a key")
        }
        guard let opText = m.string("operator"), let op = structuredOperators[opText] else {
            throw Problem(path: path.key("operator"), message: "operator must be In, NotIn, Exists or DoesNotExist, not \(m.string("operator").map { "'\($0)'" } ?? "missing")")
        }
        var values: [String] = []
        if let v = m["values"], !v.isNull {
            guard let seq = v.asSequence else {
                throw Problem(path: path.key("values"), message: "values must be a list of strings")
            }
            values = seq.items.map { $0.stringValue ?? "" }
        }
        let needsValues = op == .in || op == .notIn
        if needsValues && values.isEmpty {
            throw Problem(path: path.key("values"), message: "values must not be empty for operator \(opText)")
        }
        if !needsValues && !values.isEmpty {
            throw Problem(path: path.key("values"), message: "values must be empty for operator \(opText)")
        }
        return Requirement(key: key, op: op, values: values)
    }

}
