import YAML

/// One `key: value` line (or block, for a value with line breaks) as kyaml writes it: the
/// emitter's quoting, but no folding of long lines (kyaml turns line wrapping off).
enum ScalarField {
    static func lines(_ key: String, _ value: String) throws -> [String] {
        var text = try YAMLEmitter().emitString(.mapping(Mapping([MapEntry(key: .string(key), value: .string(value))])))
        if text.hasSuffix("\n") { text.removeLast() }
        if value.contains("\n") {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return [unfold(text)]
    }

    /// Undoes the emitter's folding of a one-line scalar: each break it made stands for one
    /// space and is followed by indentation (and, in double quotes, a `\` when the next
    /// character is a space too).
    static func unfold(_ text: String) -> String {
        guard text.contains("\n") else { return text }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c == "\n" else {
                out.append(c)
                i = text.index(after: i)
                continue
            }
            i = text.index(after: i)
            while i < text.endIndex, text[i] == " " { i = text.index(after: i) }
            out.append(" ")
            if i < text.endIndex, text[i] == "\\" {
                let next = text.index(after: i)
                if next < text.endIndex, text[next] == " " { i = next }
            }
        }
        return out
    }
}
