import YAML

/// A `metav1.LabelSelector` (`matchLabels` and `matchExpressions`) as the API server
/// evaluates it: every requirement must hold.
public struct LabelSelector: Sendable {
    public struct Requirement: Sendable, Equatable, CustomStringConvertible {
        public enum Operator: String, Sendable {
            case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
        }

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
            case .in: return values.count == 1 ? "\(key)=\(values[0])" : "\(key) in (\(values.joined(separator: ",")))"
            case .notIn: return "\(key) notin (\(values.joined(separator: ",")))"
            case .exists: return key
            case .doesNotExist: return "!" + key
            }
        }

        public func matches(_ labels: [String: String]) -> Bool {
            switch op {
            case .in:
                guard let v = labels[key] else { return false }
                return values.contains(v)
            case .notIn:
                guard let v = labels[key] else { return true }
                return !values.contains(v)
            case .exists:
                return labels[key] != nil
            case .doesNotExist:
                return labels[key] == nil
            }
        }
    }

    /// Why a selector cannot be read, with the path of the offending part.
    public struct Problem: Error, Sendable {
        public var path: FieldPath
        public var message: String
    }

    public var requirements: [Requirement]

    /// No requirements: selects everything (or, for a StatefulSet, is invalid).
    public var isEmpty: Bool { requirements.isEmpty }

    public init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// Reads the selector at `path` in a resource.
    public init(_ node: Node, path: FieldPath) throws {
        guard let m = node.asMapping else {
            if node.isNull { requirements = []; return }
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
                reqs.append(try Self.requirement(item, path: path.key("matchExpressions").index(i)))
            }
        }
        requirements = reqs
    }

    private static func requirement(_ node: Node, path: FieldPath) throws -> Requirement {
        guard let m = node.asMapping else {
            throw Problem(path: path, message: "a match expression must be a mapping")
        }
        guard let key = m.string("key"), !key.isEmpty else {
            throw Problem(path: path.key("key"), message: "a match expression needs a key")
        }
        guard let opText = m.string("operator"), let op = Requirement.Operator(rawValue: opText) else {
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
            throw Problem(path: path.key("values"), message: "values must not be empty for operator \(op.rawValue)")
        }
        if !needsValues && !values.isEmpty {
            throw Problem(path: path.key("values"), message: "values must be empty for operator \(op.rawValue)")
        }
        return Requirement(key: key, op: op, values: values)
    }
}
