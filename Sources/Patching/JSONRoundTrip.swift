import KubeModel
import YAML

/// What kustomize's JSON 6902 step does to the whole patched resource besides the patch: it
/// goes to JSON and back through Go's `map[string]interface{}`. Every number becomes a
/// float64, so integers beyond 2^53 lose precision; and annotation values, which kustomize
/// later reads as text, take the text that round trip gives them (`0777` is `511`, `1000000`
/// is `1e+06`, `on` is `true`). Elsewhere the emitter's own normalisation already agrees.
public enum JSONRoundTrip {
    /// The JSON step works on a copy, so values shared among entries (`SharedValue`) are
    /// separate before the patch touches them.
    public static func unshare(_ node: Node) {
        switch node {
        case .scalar:
            return
        case .mapping(let m):
            m.unshareEntries()
            for e in m.entries { unshare(e.value) }
        case .sequence(let seq):
            for item in seq.items { unshare(item) }
        }
    }

    /// What go-yaml's writing of the resource, before the patch runs, does to values that
    /// depend on where they sit: a folded string reads back with go-yaml's folding quirk in
    /// block context and exactly in a flow collection; a null written as nothing becomes
    /// `null`, or the empty string in a flow collection (go-yaml quotes it there). Values the
    /// patch brings are JSON already.
    public static func marshal(_ node: Node) {
        if case .mapping(let root) = node { root.writeTrailingComment() }
        ScalarRewrite.apply(node, collection: { _, _ in }, scalar: { s, inFlow in written(s, inFlow: inFlow) })
    }

    private static func written(_ s: Scalar, inFlow: Bool) -> Scalar? {
        if s.style == .folded && s.tag == .string {
            return Scalar(s.marshalledValue(inFlow: inFlow), tag: .string, style: .literal, mark: s.mark)
        }
        if s.tag == .null && s.value.isEmpty {
            return inFlow ? Scalar("", tag: .string, mark: s.mark) : Scalar("null", tag: .null, mark: s.mark)
        }
        return nil
    }

    /// kustomize's JSON step fails on a value JSON has no form for, before the patch runs.
    public static func checkEncodable(_ node: Node, file: String) throws {
        switch node {
        case .mapping(let m):
            let entries = m.entries
            for i in entries.indices {
                if entries[i].key.style == .plain, !ScalarResolver.readsBackAsString(entries[i].key.value) {
                    let key = entries[i].key
                    throw Diagnostic(file: file, mark: key.mark, message:
                        "json: unsupported type: map[interface {}]interface {} (map key '\(key.value)' is not a string; a JSON patch sends the whole resource through JSON)")
                }
                // a string (without a declared type) is always encodable
                if case .scalar(let s) = entries[i].value, s.tag == .string, s.declaredTag == nil { continue }
                try checkEncodable(entries[i].value, file: file)
            }
        case .scalar(let s):
            if let failure = s.decodingFailure { throw Diagnostic(file: file, mark: s.mark, message: failure) }
            guard s.tag == .float, let f = float64(s), !f.isFinite else { return }
            throw Diagnostic(file: file, mark: s.mark, message:
                "json: unsupported value: \(f.isNaN ? "NaN" : (f < 0 ? "-Inf" : "+Inf")) (a JSON patch sends the whole resource through JSON)")
        case .sequence(let seq):
            for item in seq.items { try checkEncodable(item, file: file) }
        }
    }

    public static func apply(to object: Mapping) {
        normalize(.mapping(object))
        guard let annotations = object.mapping("metadata")?.mapping("annotations") else { return }
        for i in annotations.entries.indices {
            guard case .scalar(let s) = annotations.entries[i].value else { continue }
            switch s.tag {
            case .string:
                continue
            case .timestamp:
                // JSON has the time, in RFC 3339
                annotations.entries[i].value = .scalar(Scalar(Timestamp.parse(s.value)?.rfc3339 ?? s.value, tag: .string, mark: s.mark))
            case .null:
                annotations.entries[i].value = .scalar(Scalar("null", tag: .null, mark: s.mark))
            case .bool:
                annotations.entries[i].value = .scalar(Scalar(s.boolValue == true ? "true" : "false", tag: .bool, mark: s.mark))
            case .int, .float:
                if let d = float64(s) {
                    annotations.entries[i].value = .scalar(Scalar(GoNumber.formatG(d), tag: s.tag, mark: s.mark))
                }
            }
        }
    }

    private static let exactLimit = 9007199254740992.0  // 2^53

    private static func normalize(_ node: Node) {
        ScalarRewrite.apply(node, collection: { collection, _ in
            // read back from go-yaml's block output
            switch collection {
            case .mapping(let m):
                m.flow = false
                // keys come back as go-yaml writes strings: `"true"`, `"31"` stay strings
                for i in m.entries.indices {
                    let key = m.entries[i].key
                    let marshalledKey = Scalar.marshalledString(key.value, mark: key.mark)
                    if marshalledKey.style != key.style { m.entries[i].key = marshalledKey }
                }
            case .sequence(let seq):
                seq.flow = false
            case .scalar:
                break
            }
        }, scalar: { s, _ in roundTripped(s) })
    }

    /// An integer float64 cannot hold exactly, as the float it becomes; a null written as
    /// nothing (`key:`), as JSON's `null` (which later steps no longer drop); a string, in
    /// the style go-yaml writes it in.
    private static func roundTripped(_ s: Scalar) -> Scalar? {
        let result = convertedThroughJSON(s)
        guard s.untagged else { return result }
        // read back from text, every node has its tag again
        var tagged = result ?? s
        tagged.untagged = false
        return tagged
    }

    private static func convertedThroughJSON(_ s: Scalar) -> Scalar? {
        if s.style == .folded && s.tag == .string {
            // a patch's own value (the resource's were marshalled before the patch)
            return Scalar(s.value, tag: .string, style: .literal, mark: s.mark)
        }
        if s.tag == .string {
            // read back from go-yaml's output: the quotes it chose replace the ones written
            var marshalled = Scalar.marshalledString(s.value, mark: s.mark)
            marshalled.mergeTagged = marshalled.style == .plain && s.value == "<<"
            return marshalled.style == s.style && marshalled.mergeTagged == s.mergeTagged ? nil : marshalled
        }
        if s.tag == .timestamp { return Scalar.marshalledString(Timestamp.parse(s.value)?.rfc3339 ?? s.value, mark: s.mark) }
        if s.tag == .null { return s.value.isEmpty ? Scalar("null", tag: .null, mark: s.mark) : nil }
        if s.tag == .bool, let truth = s.boolValue {
            // a JSON boolean: `True`, `FALSE` come back as encoding/json writes them
            let text = truth ? "true" : "false"
            return text == s.value ? nil : Scalar(text, tag: .bool, mark: s.mark)
        }
        // A JSON number is a float64, which go-yaml writes with `%g`: `09`, `1.50`, `1e3`,
        // `0x1F`, `1_000` come back as `9`, `1.5`, `1000`, `31`, `1000`; from a million up
        // (and below 1e-4) in exponent form, `1234567` as the float `1.234567e+06`. The
        // output prints such floats in decimal again; replacements, vars and hashes see this.
        if s.tag == .float, let d = float64(s), d.isFinite {
            return readBack(GoNumber.formatG(d), from: s)
        }
        guard s.tag == .int, let d = float64(s) else { return nil }
        if abs(d) >= exactLimit { return Scalar(GoNumber.formatG(d), tag: .float, style: s.style, mark: s.mark) }
        return readBack(GoNumber.formatG(d), from: s)
    }

    private static func readBack(_ text: String, from s: Scalar) -> Scalar? {
        text == s.value ? nil : Scalar(text, tag: ScalarResolver.resolveInput(text) == .int ? .int : .float, mark: s.mark)
    }

    private static func float64(_ s: Scalar) -> Double? {
        // go-yaml ignores underscores in numbers (`1_000`)
        let text = s.value.contains("_") ? s.value.filter { $0 != "_" } : s.value
        if s.tag == .int, let i = GoNumber.parseInt(text) {
            switch i {
            case .signed(0) where text.hasPrefix("-"): return -0.0
            case .signed(let v): return Double(v)
            case .unsigned(let v): return Double(v)
            }
        }
        return GoNumber.parseFloat(text)
    }
}
