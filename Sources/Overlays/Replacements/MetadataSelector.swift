/// A Kubernetes label selector string (`app=web,tier!=db`, `env in (a,b)`, `!canary`),
/// applied to labels or annotations as kustomize's `labelSelector` / `annotationSelector`.
struct MetadataSelector {
    struct ParseError: Error {
        var message: String
    }

    enum Operator {
        case exists, doesNotExist, equals, notEquals, inSet, notInSet, greaterThan, lessThan
    }

    struct Requirement {
        var key: String
        var op: Operator
        var values: [String]

        func matches(_ pairs: [(String, String)]) -> Bool {
            let value = pairs.first(where: { $0.0 == key })?.1
            switch op {
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            case .equals, .inSet:
                guard let value else { return false }
                return values.contains(value)
            case .notEquals, .notInSet:
                guard let value else { return true }
                return !values.contains(value)
            case .greaterThan, .lessThan:
                guard let value, let have = Int64(value), let want = values.first.flatMap({ Int64($0) }) else { return false }
                return op == .greaterThan ? have > want : have < want
            }
        }
    }

    let requirements: [Requirement]

    init(_ text: String) throws {
        var parser = Parser(text)
        requirements = try parser.parse()
    }

    /// An empty selector matches everything.
    func matches(_ pairs: [(String, String)]) -> Bool {
        requirements.allSatisfy { $0.matches(pairs) }
    }

    private struct Parser {
        enum Token: Equatable {
            case identifier(String), not, notEquals, equals, doubleEquals, open, close, comma, greater, less, end
        }

        let text: String
        var tokens: [Token] = []
        var pos = 0

        init(_ text: String) {
            self.text = text
        }

        static func isSpecial(_ c: Character) -> Bool {
            c == "=" || c == "!" || c == "(" || c == ")" || c == "," || c == ">" || c == "<"
        }

        static func lex(_ text: String) -> [Token] {
            var out: [Token] = []
            let chars = Array(text)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if c == " " || c == "\t" || c == "\r" || c == "\n" { i += 1; continue }
                switch c {
                case "!":
                    if i + 1 < chars.count, chars[i + 1] == "=" { out.append(.notEquals); i += 2 } else { out.append(.not); i += 1 }
                case "=":
                    if i + 1 < chars.count, chars[i + 1] == "=" { out.append(.doubleEquals); i += 2 } else { out.append(.equals); i += 1 }
                case "(": out.append(.open); i += 1
                case ")": out.append(.close); i += 1
                case ",": out.append(.comma); i += 1
                case ">": out.append(.greater); i += 1
                case "<": out.append(.less); i += 1
                default:
                    var word = ""
                    while i < chars.count, !isSpecial(chars[i]), !chars[i].isWhitespace {
                        word.append(chars[i])
                        i += 1
                    }
                    out.append(.identifier(word))
                }
            }
            out.append(.end)
            return out
        }

        mutating func next() -> Token {
            let t = tokens[pos]
            if pos < tokens.count - 1 { pos += 1 }
            return t
        }

        func peek() -> Token { tokens[pos] }

        func fail(_ what: String) -> ParseError {
            ParseError(message: "unable to parse requirement: \(what) in selector '\(text)'")
        }

        mutating func parse() throws -> [Requirement] {
            tokens = Parser.lex(text)
            var out: [Requirement] = []
            if peek() == .end { return out }
            while true {
                out.append(try requirement())
                switch next() {
                case .end: return out
                case .comma:
                    if peek() == .end { throw fail("expected a requirement after ','") }
                default: throw fail("found unexpected token")
                }
            }
        }

        mutating func requirement() throws -> Requirement {
            if peek() == .not {
                _ = next()
                guard case .identifier(let key) = next() else { throw fail("expected a key after '!'") }
                return Requirement(key: key, op: .doesNotExist, values: [])
            }
            guard case .identifier(let key) = next() else { throw fail("expected a key") }
            switch peek() {
            case .end, .comma:
                return Requirement(key: key, op: .exists, values: [])
            case .equals, .doubleEquals, .notEquals:
                let op: Operator = next() == .notEquals ? .notEquals : .equals
                switch peek() {
                case .identifier(let v):
                    _ = next()
                    return Requirement(key: key, op: op, values: [v])
                case .end, .comma:
                    return Requirement(key: key, op: op, values: [""])
                default:
                    throw fail("expected a value")
                }
            case .greater, .less:
                let op: Operator = next() == .greater ? .greaterThan : .lessThan
                guard case .identifier(let v) = next(), Int64(v) != nil else { throw fail("expected an integer") }
                return Requirement(key: key, op: op, values: [v])
            case .identifier(let word) where word == "in" || word == "notin":
                _ = next()
                guard next() == .open else { throw fail("expected '('") }
                var values: [String] = []
                while true {
                    switch next() {
                    case .identifier(let v):
                        values.append(v)
                        switch next() {
                        case .comma: continue
                        case .close: return Requirement(key: key, op: word == "in" ? .inSet : .notInSet, values: values)
                        default: throw fail("expected ',' or ')'")
                        }
                    case .close:
                        return Requirement(key: key, op: word == "in" ? .inSet : .notInSet, values: values.isEmpty ? [""] : values)
                    case .comma:
                        values.append("")
                    default:
                        throw fail("expected a value")
                    }
                }
            default:
                throw fail("expected an operator")
            }
        }
    }
}
