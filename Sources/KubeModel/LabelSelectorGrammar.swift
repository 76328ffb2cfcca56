import YAML

/// The string grammar of label selectors, as apimachinery `labels.Parse` reads it.
extension LabelSelector {
    // MARK: lexer

    enum Token: Equatable {
        case identifier(String)
        case `in`, notIn
        case doesNotExist, equals, doubleEquals, notEquals, greaterThan, lessThan
        case openParen, closeParen, comma
        case end

        var literal: String {
            switch self {
            case .identifier(let s): return s
            case .in: return "in"
            case .notIn: return "notin"
            case .doesNotExist: return "!"
            case .equals: return "="
            case .doubleEquals: return "=="
            case .notEquals: return "!="
            case .greaterThan: return ">"
            case .lessThan: return "<"
            case .openParen: return "("
            case .closeParen: return ")"
            case .comma: return ","
            case .end: return ""
            }
        }
    }

    enum Lexer {
        static let symbols: [String: Token] = [
            ")": .closeParen, ",": .comma, "!": .doesNotExist, "==": .doubleEquals, "=": .equals,
            ">": .greaterThan, "<": .lessThan, "!=": .notEquals, "(": .openParen,
        ]

        static func isSpecial(_ c: UInt8) -> Bool {
            switch c {
            case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: ","), UInt8(ascii: ">"), UInt8(ascii: "<"):
                return true
            default:
                return false
            }
        }

        static func isSpace(_ c: UInt8) -> Bool {
            c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n")
        }

        static func tokens(_ text: String) throws -> [Token] {
            let b = Array(text.utf8)
            var i = 0
            var out: [Token] = []
            while true {
                while i < b.count, isSpace(b[i]) { i += 1 }
                guard i < b.count else { break }
                if isSpecial(b[i]) {
                    // longest run of symbol characters that is still a token
                    var buffer: [UInt8] = []
                    var last: Token? = nil
                    var lastEnd = i
                    var j = i
                    while j < b.count, isSpecial(b[j]) {
                        buffer.append(b[j])
                        if let t = symbols[String(decoding: buffer, as: UTF8.self)] {
                            last = t
                            lastEnd = j + 1
                        } else if last != nil {
                            break
                        }
                        j += 1
                    }
                    guard let token = last else {
                        throw Diagnostic(message: "error expected: keyword found '\(String(decoding: buffer, as: UTF8.self))'")
                    }
                    out.append(token)
                    i = lastEnd
                } else {
                    let start = i
                    while i < b.count, !isSpace(b[i]), !isSpecial(b[i]) { i += 1 }
                    let word = String(decoding: b[start..<i], as: UTF8.self)
                    out.append(word == "in" ? .in : word == "notin" ? .notIn : .identifier(word))
                }
            }
            out.append(.end)
            return out
        }
    }

    // MARK: parser

    struct Parser {
        var tokens: [Token]
        var position = 0

        /// In value position `in` and `notin` are plain identifiers.
        private func peek(values: Bool = true) -> Token {
            let t = tokens[min(position, tokens.count - 1)]
            if values, t == .in || t == .notIn { return .identifier(t.literal) }
            return t
        }

        private mutating func next(values: Bool = true) -> Token {
            let t = peek(values: values)
            position += 1
            return t
        }

        mutating func parse() throws -> [Requirement] {
            var result: [Requirement] = []
            while true {
                switch peek() {
                case .identifier, .doesNotExist:
                    do {
                        result.append(try parseRequirement())
                    } catch let e as Diagnostic {
                        throw Diagnostic(message: "unable to parse requirement: \(e.message)")
                    }
                    switch next() {
                    case .end:
                        return result
                    case .comma:
                        let t = peek()
                        if case .identifier = t { continue }
                        if t == .doesNotExist { continue }
                        throw Diagnostic(message: "found '\(t.literal)', expected: identifier after ','")
                    case let t:
                        throw Diagnostic(message: "found '\(t.literal)', expected: ',' or 'end of string'")
                    }
                case .end:
                    return result
                case let t:
                    throw Diagnostic(message: "found '\(t.literal)', expected: !, identifier, or 'end of string'")
                }
            }
        }

        private mutating func parseRequirement() throws -> Requirement {
            var op: Operator? = nil
            var t = next()
            if t == .doesNotExist {
                op = .doesNotExist
                t = next()
            }
            guard case .identifier(let key) = t else {
                throw Diagnostic(message: "found '\(t.literal)', expected: identifier")
            }
            try LabelSyntax.validateKey(key)
            let after = peek()
            // `!a` takes no operator: in `!a=b` the `=` is then an error, as in the Go parser
            if op == .doesNotExist || after == .end || after == .comma {
                return Requirement(key: key, op: op ?? .exists, values: [])
            }
            let opToken = next(values: false)
            let parsed: Operator
            switch opToken {
            case .in: parsed = .in
            case .equals: parsed = .equals
            case .doubleEquals: parsed = .doubleEquals
            case .greaterThan: parsed = .greaterThan
            case .lessThan: parsed = .lessThan
            case .notIn: parsed = .notIn
            case .notEquals: parsed = .notEquals
            default:
                throw Diagnostic(message: "found '\(opToken.literal)', expected: in, notin, =, ==, !=, gt, lt")
            }
            var values: Set<String>
            switch parsed {
            case .in, .notIn: values = try parseValues()
            default: values = try parseExactValue()
            }
            let sorted = values.sorted()
            switch parsed {
            case .greaterThan, .lessThan:
                for v in sorted where Int64(v) == nil {
                    throw Diagnostic(message: "values[0]: Invalid value: \"\(v)\": for 'Gt', 'Lt' operators, the value must be an integer")
                }
            default:
                break
            }
            for v in sorted { try LabelSyntax.validateValue(v) }
            return Requirement(key: key, op: parsed, values: sorted)
        }

        private mutating func parseValues() throws -> Set<String> {
            let open = next()
            guard open == .openParen else { throw Diagnostic(message: "found '\(open.literal)' expected: '('") }
            let t = peek()
            switch t {
            case .identifier, .comma:
                let s = try parseIdentifierList()
                let close = next()
                guard close == .closeParen else { throw Diagnostic(message: "found '\(t.literal)', expected: ')'") }
                return s
            case .closeParen:
                _ = next()
                return [""]
            default:
                throw Diagnostic(message: "found '\(t.literal)', expected: ',', ')' or identifier")
            }
        }

        private mutating func parseIdentifierList() throws -> Set<String> {
            var s = Set<String>()
            while true {
                let t = next()
                switch t {
                case .identifier(let v):
                    s.insert(v)
                    let t2 = peek()
                    if t2 == .comma { continue }
                    if t2 == .closeParen { return s }
                    throw Diagnostic(message: "found '\(t2.literal)', expected: ',' or ')'")
                case .comma:
                    if s.isEmpty { s.insert("") }
                    let t2 = peek()
                    if t2 == .closeParen {
                        s.insert("")
                        return s
                    }
                    if t2 == .comma {
                        _ = next()
                        s.insert("")
                    }
                default:
                    throw Diagnostic(message: "found '\(t.literal)', expected: ',', or identifier")
                }
            }
        }

        private mutating func parseExactValue() throws -> Set<String> {
            let t = peek()
            if t == .end || t == .comma { return [""] }
            let v = next()
            guard case .identifier(let s) = v else { throw Diagnostic(message: "found '\(v.literal)', expected: identifier") }
            return [s]
        }
    }
}


/// Kubernetes name syntax for label keys and values (apimachinery `validation`).
enum LabelSyntax {
    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63 characters.
    static func isQualifiedNamePart(_ s: Substring) -> Bool {
        let b = Array(s.utf8)
        guard !b.isEmpty, b.count <= 63, isAlnum(b[0]), isAlnum(b[b.count - 1]) else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// A DNS-1123 subdomain: lowercase alphanumerics, `-` and `.`, at most 253 characters.
    static func isDNSSubdomain(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 253 else { return false }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            let b = Array(label.utf8)
            guard let first = b.first, let last = b.last else { return false }
            func ok(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }
            guard ok(first), ok(last), b.allSatisfy({ ok($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        return true
    }

    static func validateKey(_ key: String) throws {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        let valid: Bool
        switch parts.count {
        case 1: valid = isQualifiedNamePart(parts[0])
        case 2: valid = isDNSSubdomain(parts[0]) && isQualifiedNamePart(parts[1])
        default: valid = false
        }
        if !valid {
            throw Diagnostic(message: "key: Invalid value: \"\(key)\": name part must consist of alphanumeric characters, "
                + "'-', '_' or '.', and must start and end with an alphanumeric character")
        }
    }

    static func validateValue(_ value: String) throws {
        if value.isEmpty { return }
        if !isQualifiedNamePart(Substring(value)) {
            throw Diagnostic(message: "values[0]: Invalid value: \"\(value)\": a valid label must be an empty string or "
                + "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")
        }
    }
}
