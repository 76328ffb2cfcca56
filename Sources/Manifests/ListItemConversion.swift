import YAML

/// kustomize expands a `kind: List` by sending each item through JSON (api/resource's
/// `inlineAnyEmbeddedLists`: the List is decoded, every item marshalled to JSON, and the JSON
/// read back as YAML). An item therefore comes out as JSON text reads: every collection in
/// flow style, every string and key double-quoted, a null written `null` (so it survives a
/// later patch as a written null does), integers in decimal, floats as encoding/json writes
/// them, timestamps as RFC 3339 strings.
/// Infinity and NaN have no JSON form, so kustomize fails on them.
enum ListItemConversion {
    static func apply(_ node: Node, file: String) throws {
        try ScalarRewrite.apply(node, collection: { collection, _ in
            switch collection {
            case .mapping(let m):
                m.flow = true
                for i in m.entries.indices {
                    let key = m.entries[i].key
                    // go-yaml decodes a map with a key of another type as map[interface{}]interface{}
                    if key.style == .plain, !ScalarResolver.readsBackAsString(key.value) {
                        throw Diagnostic(file: file, mark: key.mark, message:
                            "json: unsupported type: map[interface {}]interface {} (map key '\(key.value)' is not a string; a List item goes through JSON)")
                    }
                    m.entries[i].key = Scalar(key.value, tag: .string, style: .doubleQuoted, mark: key.mark)
                }
            case .sequence(let seq):
                seq.flow = true
            case .scalar:
                break
            }
        }, scalar: { s, _ in try convert(s, file: file) })
    }

    private static func convert(_ s: Scalar, file: String) throws -> Scalar {
        switch s.tag {
        case .string:
            return Scalar(s.value, tag: .string, style: .doubleQuoted, mark: s.mark)
        case .timestamp:
            return Scalar(Timestamp.parse(s.value)?.rfc3339 ?? s.value, tag: .string, style: .doubleQuoted, mark: s.mark)
        case .null:
            return Scalar("null", tag: .null, mark: s.mark)
        case .bool:
            return Scalar(s.boolValue == true ? "true" : "false", tag: .bool, mark: s.mark)
        case .int:
            guard let i = GoNumber.parseInt(s.value) else { return s }
            return Scalar(GoNumber.format(i), tag: .int, mark: s.mark)
        case .float:
            guard let f = GoNumber.parseFloat(s.value) else { return s }
            if !f.isFinite {
                throw Diagnostic(file: file, mark: s.mark, message:
                    "json: unsupported value: \(f.isNaN ? "NaN" : (f < 0 ? "-Inf" : "+Inf")) (a List item goes through JSON, which has no infinity or NaN)")
            }
            // encoding/json's text, read back: `.5` is 0.5, `1e3` the integer 1000 (which
            // matters where the text is kept, as in annotations)
            let text = GoNumber.formatJSON(f)
            return Scalar(text, tag: ScalarResolver.resolveInput(text) == .int ? .int : .float, mark: s.mark)
        }
    }
}
