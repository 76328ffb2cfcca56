import Foundation
import YAML

/// A `target:` field as kustomize matches it: a regular expression anchored at both ends
/// (kustomize compiles `^(?:pattern)$` with Go's regexp). An empty pattern matches anything.
///
/// Hot path: a patch target is tested against every resource. Most patterns are plain names
/// (`web-17`, `StatefulSet`), so those compare as strings; only patterns with regex syntax go
/// to NSRegularExpression, compiled once per distinct pattern and shared by all selectors.
/// Go's RE2 syntax and ICU's agree on what targets use (classes, alternation, `.*`, `(?i)`);
/// RE2 rejects backreferences and lookaround, which ICU accepts.
struct AnchoredPattern: Sendable {
    enum Matcher: @unchecked Sendable {
        case anything
        case literal(String)
        case regex(NSRegularExpression)
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
            return re.firstMatch(in: s, options: [], range: NSRange(s.startIndex..., in: s)) != nil
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

/// Compiled anchored regular expressions, one per distinct pattern for the whole process.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()

    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    func compile(_ pattern: String, field: String) throws -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let re = compiled[pattern] { return re }
        // \A and \z rather than ^ and $: ICU's $ also matches before a final newline.
        do {
            let re = try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z", options: [])
            compiled[pattern] = re
            return re
        } catch {
            throw Diagnostic(message: "error parsing regexp in target \(field): `\(pattern)`")
        }
    }
}
