/// An RFC 6901 JSON pointer, read the way kustomize's JSON patch library (evanphx/json-patch)
/// reads it: split on `/`, the part before the first `/` ignored (so `spec/x` means `/x`),
/// `~1` → `/` then `~0` → `~` in each token. `-` as the last token of an `add` appends.
public struct JSONPointer: Equatable, CustomStringConvertible {
    /// The text as written in the patch.
    public let text: String
    /// Decoded reference tokens; empty for the whole document (`""`).
    public let tokens: [String]

    public init(_ text: String) {
        self.text = text
        var parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if !parts.isEmpty { parts.removeFirst() }
        tokens = parts.map(JSONPointer.unescape)
    }

    /// Whether the pointer names the whole document.
    public var isRoot: Bool { tokens.isEmpty }

    public var description: String { text }

    /// `~1` → `/`, then `~0` → `~` (so `~01` is `~1`).
    public static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// The token for a key: `~` → `~0`, `/` → `~1`.
    public static func escape(_ key: String) -> String {
        guard key.contains("~") || key.contains("/") else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

extension Substring {
    /// Plain substring replacement without Foundation.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).replacingOccurrences(of: target, with: replacement)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        let src = Array(utf8)
        guard !t.isEmpty, src.count >= t.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(src.count)
        var i = 0
        while i < src.count {
            if i + t.count <= src.count && src[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: replacement.utf8)
                i += t.count
            } else {
                out.append(src[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
