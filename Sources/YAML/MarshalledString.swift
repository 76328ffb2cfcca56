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
            // go-yaml's emitter judges bytes as libyaml does: a character beyond U+FFFF
            // (an emoji) is not printable to it, so such text is double-quoted
            let analysis = BlockWriter.ScalarAnalysis(b)
            if analysis.blockPlainAllowed { return .plain }
            return analysis.singleQuotedAllowed ? .singleQuoted : .doubleQuoted
        }
        return Scalar(text, tag: .string, style: style, mark: mark)
    }
}
