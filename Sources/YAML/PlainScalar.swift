/// Whether libyaml's emitter may write a string plain in block context (its
/// `yaml_emitter_analyze_scalar`): not empty, no leading or trailing blank, no line break, no
/// unprintable character (a tab included), and no indicator that would start structure — a
/// leading `# , [ ] { } & * ! | > ' " % @` or backquote, a leading `- `, `? `, `: `, a `: `
/// or ` #` inside, or a leading `---`/`...` document marker.
public enum PlainScalar {
    public static func allowedInBlock(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard var c = scalars.next(), !isBlank(c) else { return false }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        var first = true
        var previousBlank = false
        while true {
            let next = scalars.next()
            let followedByBlank = next.map(isBlank) ?? true
            if !isPrintable(c) || c == "\n" || c == "\r" { return false }
            if first {
                switch c {
                case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
                    return false
                case "?", ":", "-":
                    if followedByBlank { return false }
                default: break
                }
            } else {
                if c == ":" && followedByBlank { return false }
                if c == "#" && previousBlank { return false }
            }
            guard let n = next else { return !isBlank(c) }
            previousBlank = isBlank(c)
            first = false
            c = n
        }
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r"
    }

    /// libyaml's `IS_PRINTABLE` (which leaves out the tab).
    private static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0x10000...0x10FFFF: return true
        case 0xE000...0xFFFD: return c.value != 0xFEFF
        default: return false
        }
    }
}

extension Scalar {
    /// A string as kyaml's `FromMap` gives it back (go-yaml v3 writes the text, then reads it):
    /// a literal block when it has line breaks, quoted when it would read as another type or
    /// cannot be written plain, plain otherwise. Only plain versus quoted matters later (a
    /// strategic merge patch makes its value a string when the target's is quoted).
    public static func marshalledString(_ text: String, mark: Mark = .none) -> Scalar {
        var bytes = text
        let style: ScalarStyle = bytes.withUTF8 { b in
            if b.contains(10) { return .literal }
            if ScalarResolver.resolve(b, yaml11: true) != .string || ScalarResolver.isBase60Float(b)
                || ScalarResolver.resolve(b, yaml11: false) != .string {
                return .doubleQuoted
            }
            // printable ASCII without indicators is plain; anything else gets the full test
            if YAMLEmitter.isSimplePlain(b) { return .plain }
            return PlainScalar.allowedInBlock(text) ? .plain : .singleQuoted
        }
        return Scalar(text, tag: .string, style: style, mark: mark)
    }
}
