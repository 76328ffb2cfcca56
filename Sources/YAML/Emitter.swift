import CYAML

/// Writes node trees the way kustomize prints resources: through JSON and back out of
/// go-yaml v2, whose emitter is libyaml's. So we drive libyaml's emitter with go-yaml's
/// choices: sorted keys, YAML 1.1 quoting, `|` for multi-line strings, normalised numbers.
public struct YAMLEmitter {
    /// Every document through libyaml itself (the tests compare the two paths).
    let libyamlOnly: Bool

    public init() {
        libyamlOnly = false
    }

    init(libyamlOnly: Bool) {
        self.libyamlOnly = libyamlOnly
    }

    /// One document, no `---` marker.
    public func emit(_ node: Node) throws -> [UInt8] {
        let sink = OutputSink()
        try emit(node, into: sink)
        return sink.bytes
    }

    public func emitString(_ node: Node) throws -> String {
        String(decoding: try emit(node), as: UTF8.self)
    }

    public func emit(_ node: Node, into sink: OutputSink) throws {
        // libyaml's algorithm ported to Swift writes almost every document; the C library
        // itself takes the few shapes the port leaves out.
        if !libyamlOnly, try BlockWriter.document(node, appendingTo: &sink.bytes) { return }
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) == 1 else { throw EmitError("could not initialise the YAML emitter") }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_width(&emitter, 80)
        yaml_emitter_set_indent(&emitter, 2)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        yaml_emitter_set_output(&emitter, { data, buffer, size in
            guard let data = data, let buffer = buffer else { return 0 }
            let sink = Unmanaged<OutputSink>.fromOpaque(data).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, sinkPointer)

        let ctx = EmitContext()
        let start = sink.bytes.count
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try send(&emitter, &event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try send(&emitter, &event)
        try emitNode(node, &emitter, ctx, inFlow: false)
        yaml_document_end_event_initialize(&event, 1)
        try send(&emitter, &event)
        // After a keep-chomped (`|+`) scalar libyaml marks the stream open-ended and closes it
        // with `...`; go-yaml v2's port of the emitter never writes that marker.
        emitter.open_ended = 0
        yaml_stream_end_event_initialize(&event)
        try send(&emitter, &event)
        yaml_emitter_flush(&emitter)
        if !ctx.byteOrderMarked.isEmpty { ctx.substitute(in: sink, from: start) }
    }

    private func send(_ emitter: inout yaml_emitter_t, _ event: inout yaml_event_t) throws {
        guard yaml_emitter_emit(&emitter, &event) == 1 else {
            let problem = emitter.problem.map { String(cString: $0) } ?? "unknown emitter error"
            throw EmitError(problem)
        }
    }

    /// The order go-yaml writes a map's keys in, as indices into `entries`; nil when the
    /// entries already are in that order (common), so nothing is allocated or sorted.
    static func outputOrder(_ entries: [MapEntry]) -> [Int]? {
        guard entries.count > 1 else { return nil }
        var previous = entries[0].key.value
        for i in 1..<entries.count {
            let key = entries[i].key.value
            if !NaturalKeyOrder.less(previous, key) { return sortedOrder(entries) }
            previous = key
        }
        return nil
    }

    /// Indices of `entries` by key, stable: an insertion sort over the keys read once (maps
    /// are small; most are nearly in order).
    private static func sortedOrder(_ entries: [MapEntry]) -> [Int] {
        let keys = entries.map(\.key.value)
        var order = Array(entries.indices)
        keys.withUnsafeBufferPointer { k in
            for i in 1..<order.count {
                let current = order[i]
                var j = i
                while j > 0 && NaturalKeyOrder.less(k[current], k[order[j - 1]]) {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = current
            }
        }
        return order
    }

    private func emitNode(_ node: Node, _ emitter: inout yaml_emitter_t, _ ctx: EmitContext, inFlow: Bool) throws {
        var event = yaml_event_t()
        switch node {
        case .scalar(let s):
            try emitOutput(Self.output(for: s, inFlow: inFlow), &emitter, ctx)
        case .mapping(let m):
            let inFlow = inFlow || m.flow
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            try send(&emitter, &event)
            let entries = m.entries
            for i in Self.outputOrder(entries) ?? Array(entries.indices) {
                let e = entries[i]
                try emitOutput(Self.output(forString: e.key.value), &emitter, ctx)
                try emitNode(e.value, &emitter, ctx, inFlow: inFlow)
            }
            yaml_mapping_end_event_initialize(&event)
            try send(&emitter, &event)
        case .sequence(let seq):
            let inFlow = inFlow || seq.flow
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            try send(&emitter, &event)
            for item in seq.items { try emitNode(item, &emitter, ctx, inFlow: inFlow) }
            yaml_sequence_end_event_initialize(&event)
            try send(&emitter, &event)
        }
    }

    /// A scalar's text and the style asked of the emitter (which may fall back from it, as
    /// libyaml does, when the text does not allow it).
    struct ScalarOutput {
        enum Style { case plain, singleQuoted, doubleQuoted, literal }
        var text: String
        var style: Style
        /// A string that starts with a byte order mark: go-yaml escapes every character of
        /// it (its BOM test looks at the first byte, not the current one), which libyaml
        /// cannot be told to do, so a placeholder goes out and is replaced afterwards.
        var needsPlaceholder = false
        /// Plain text libyaml writes as it is (`isSimplePlain`): no analysis needed.
        var simple = false
    }

    static func output(for s: Scalar, inFlow: Bool) throws -> ScalarOutput {
        switch s.tag {
        case .string:
            return try output(forString: s.marshalledValue(inFlow: inFlow))
        case .null:
            // in a flow collection go-yaml cannot write an empty null as nothing: it quotes it
            return inFlow && s.value.isEmpty ? try output(forString: "") : ScalarOutput(text: "null", style: .plain)
        case .bool:
            return ScalarOutput(text: s.boolValue == true ? "true" : "false", style: .plain)
        case .int:
            if let i = GoNumber.parseInt(s.value) {
                return ScalarOutput(text: GoNumber.format(i), style: .plain)
            } else if let f = GoNumber.parseFloat(s.value) {
                return ScalarOutput(text: GoNumber.formatFloatForOutput(f), style: .plain)
            }
            return try output(forString: s.value)
        case .float:
            if let f = GoNumber.parseFloat(s.value), !f.isFinite {
                // kustomize's JSON step has no form for them: "json: unsupported value: +Inf".
                throw EmitError("json: unsupported value: \(s.value) (infinity and NaN cannot be rendered)")
            }
            if ScalarResolver.resolveInput(s.value) == .int, let i = GoNumber.parseInt(s.value) {
                // integer text in a float node (a replacement keeps the target's tag): go-yaml
                // reads it as the integer (`0777` is 511), then makes it a float
                let d: Double
                switch i {
                case .signed(let v): d = Double(v)
                case .unsigned(let v): d = Double(v)
                }
                return ScalarOutput(text: GoNumber.formatFloatForOutput(d), style: .plain)
            } else if let f = GoNumber.parseFloat(s.value) {
                return ScalarOutput(text: GoNumber.formatFloatForOutput(f), style: .plain)
            } else if let i = GoNumber.parseInt(s.value) {
                return ScalarOutput(text: GoNumber.format(i), style: .plain)
            }
            return try output(forString: s.value)
        case .timestamp:
            return try output(forString: Timestamp.parse(s.value)?.rfc3339 ?? s.value)
        }
    }

    /// go-yaml v2's choice for strings (map keys and string values): double quotes when
    /// YAML 1.1 would read it as another type, a literal block when it has line breaks, else
    /// plain (libyaml falls back to single quotes when plain is not allowed).
    static func output(forString value: String) throws -> ScalarOutput {
        var value = value
        // One pass over the bytes: line feeds, the lead bytes of the code points the JSON step
        // changes or refuses (U+007F–U+009F, U+FEFF, U+FFFE, U+FFFF), and whether the text is
        // simple; then the quoting decision on the same buffer.
        let (suspicious, lineFeed, quoted, simple) = value.withUTF8 { b -> (Bool, Bool, Bool, Bool) in
            // printable ASCII but `:` and `#` (the simple case) is all that most text holds
            var suspicious = false, lineFeed = false, simpleBytes = true
            for c in b where c < 0x21 || c > 0x7E || c == UInt8(ascii: ":") || c == UInt8(ascii: "#") {
                simpleBytes = false
                if c == 0x0A { lineFeed = true } else if c == 0x7F || c == 0xC2 || c == 0xEF { suspicious = true }
            }
            if suspicious { return (true, lineFeed, false, false) }
            let quoted = ScalarResolver.resolve(b, yaml11: true) != .string || ScalarResolver.isBase60Float(b)
            return (false, lineFeed, quoted, !quoted && simpleBytes && isSimplePlainStart(b))
        }
        if !suspicious {
            if quoted { return ScalarOutput(text: value, style: .doubleQuoted) }
            return ScalarOutput(text: value, style: lineFeed ? .literal : .plain, simple: simple)
        }
        do {
            if let passed = try JSONStringPass.apply(value) { value = passed }
        } catch {
            throw EmitError("yaml: control characters are not allowed (U+007F to U+009F, U+FFFE and U+FFFF cannot be rendered)")
        }
        if value.unicodeScalars.first == "\u{FEFF}" {
            return ScalarOutput(text: value, style: .doubleQuoted, needsPlaceholder: true)
        }
        if ScalarResolver.needsQuotingOnOutput(value) { return ScalarOutput(text: value, style: .doubleQuoted) }
        return ScalarOutput(text: value, style: value.utf8.contains(0x0A) ? .literal : .plain)
    }

    /// Text libyaml writes plain exactly as it is, whatever the context: printable ASCII with
    /// no space, `:` or `#`, not starting with an indicator or a document marker.
    static func isSimplePlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isSimplePlainStart(b) else { return false }
        for c in b where c < 0x21 || c > 0x7E || c == UInt8(ascii: ":") || c == UInt8(ascii: "#") { return false }
        return true
    }

    /// The first character of simple plain text: one that starts no indicator.
    static func isSimplePlainStart(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first else { return false }
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return false
        }
    }

    private func emitOutput(_ o: ScalarOutput, _ emitter: inout yaml_emitter_t, _ ctx: EmitContext) throws {
        if o.needsPlaceholder {
            try emitRaw(ctx.placeholder(for: o.text), YAML_DOUBLE_QUOTED_SCALAR_STYLE, &emitter)
            return
        }
        let style: yaml_scalar_style_t
        switch o.style {
        case .plain: style = YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: style = YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: style = YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: style = YAML_LITERAL_SCALAR_STYLE
        }
        try emitRaw(o.text, style, &emitter)
    }

    private func emitRaw(_ value: String, _ style: yaml_scalar_style_t, _ emitter: inout yaml_emitter_t) throws {
        var value = value
        var event = yaml_event_t()
        let ok: Int32 = value.withUTF8 { buf in
            var zero: UInt8 = 0
            if buf.count == 0 {
                return yaml_scalar_event_initialize(&event, nil, nil, &zero, 0, 1, 1, style)
            }
            return yaml_scalar_event_initialize(&event, nil, nil, UnsafeMutablePointer(mutating: buf.baseAddress!), Int32(buf.count), 1, 1, style)
        }
        guard ok == 1 else { throw EmitError("could not create a scalar event") }
        try send(&emitter, &event)
    }
}

/// Per-document state of an emission: strings to write in go-yaml's fully escaped form.
final class EmitContext {
    var byteOrderMarked: [String] = []

    func placeholder(for value: String) -> String {
        byteOrderMarked.append(value)
        return "\u{FEFF}sts-escaped-\(byteOrderMarked.count - 1)"
    }

    /// Replaces each placeholder libyaml wrote (`"\uFEFFsts-escaped-N"`) with the string in
    /// go-yaml's escapes.
    func substitute(in sink: OutputSink, from start: Int) {
        var bytes = Array(sink.bytes[start...])
        for (i, value) in byteOrderMarked.enumerated() {
            let marker = Array("\"\\uFEFFsts-escaped-\(i)\"".utf8)
            let replacement = Array(("\"" + Self.escapedEverywhere(value) + "\"").utf8)
            guard let at = Self.firstIndex(of: marker, in: bytes) else { continue }
            bytes.replaceSubrange(at..<(at + marker.count), with: replacement)
        }
        sink.bytes.removeSubrange(start...)
        sink.bytes.append(contentsOf: bytes)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    static func escapedEverywhere(_ value: String) -> String {
        var out = ""
        for u in value.unicodeScalars {
            switch u.value {
            case 0x00: out += "\\0"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0B: out += "\\v"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x85: out += "\\N"
            case 0xA0: out += "\\_"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case 0...0xFF: out += "\\x" + hex(u.value, width: 2)
            case 0...0xFFFF: out += "\\u" + hex(u.value, width: 4)
            default: out += "\\U" + hex(u.value, width: 8)
            }
        }
        return out
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

public final class OutputSink {
    public var bytes: [UInt8] = []
    public init() {}
}

public struct EmitError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
