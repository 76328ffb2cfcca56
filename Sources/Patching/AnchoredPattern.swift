import Synchronization
import YAML

/// A `target:` field as kustomize matches it: a regular expression anchored at both ends
/// (kustomize compiles `^(?:pattern)$` with Go's regexp). An empty pattern matches anything.
///
/// Hot path: a patch target is tested against every resource. Most patterns are plain names
/// (`web-17`, `StatefulSet`), so those compare as strings; only patterns with regex syntax go
/// to the standard library's `Regex`, matching whole strings by Unicode scalar as Go does,
/// compiled once per distinct pattern and shared by all selectors. Go's RE2 syntax and
/// `Regex`'s agree on what targets use (classes, alternation, `.*`, `(?i)`); RE2 rejects
/// backreferences and lookaround, which `Regex` accepts.
struct AnchoredPattern: Sendable {
    enum Matcher: @unchecked Sendable {
        case anything
        case literal(String)
        case regex(Regex<AnyRegexOutput>)
    }

    let source: String
    let matcher: Matcher

    /// Throws the compile error for an invalid pattern, naming the field.
    init(_ pattern: String, field: String) throws {
        source = pattern
        if pattern.isEmpty {
            matcher = .anything
        } else if !pattern.utf8.contains(where: AnchoredPattern.isMeta) {
            matcher = .literal(pattern)
        } else {
            matcher = .regex(try RegexCache.shared.compile(pattern, field: field))
        }
    }

    func matches(_ s: String) -> Bool {
        switch matcher {
        case .anything:
            return true
        case .literal(let l):
            return l == s
        case .regex(let re):
            return (try? re.wholeMatch(in: s)) != nil
        }
    }

    private static func isMeta(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "\\"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "?"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "^"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }
}

/// Compiled regular expressions, one per distinct pattern for the whole process.
final class RegexCache: Sendable {
    static let shared = RegexCache()

    private let compiled = Mutex<[String: Regex<AnyRegexOutput>]>([:])

    /// The pattern as Go's regexp reads it: matched by Unicode scalar, `.` not matching a
    /// line break. Callers match whole strings (kustomize anchors `^(?:pattern)$`).
    func compile(_ pattern: String, field: String) throws -> Regex<AnyRegexOutput> {
        try compiled.withLock { cache in
            if let re = cache[pattern] { return re }
            do {
                let re = try Regex(pattern).matchingSemantics(.unicodeScalar)
                cache[pattern] = re
                return re
            } catch {
                throw Diagnostic(message: "error parsing regexp in target \(field): `\(pattern)`")
            }
        }
    }
}
