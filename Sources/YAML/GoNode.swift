import CYAML

/// go-yaml v3's `Node` as kustomize holds it in memory: kind, style bits, tag text, value,
/// children, and the 1-based line and column it was read at (0 for nodes code made).
///
/// kustomize hashes a generated object whose kind a patch changed by `json.Marshal` of this
/// struct, positions included, so the name suffix depends on where every node came from.
/// `NameHashTransformer` rebuilds that tree with kyaml's operations (`KyamlReplay`); the
/// rest of the build never needs it.
public final class GoNode {
    public enum Kind: Int {
        case document = 1, sequence = 2, mapping = 4, scalar = 8, alias = 16
    }

    /// go-yaml's style bits.
    public enum Style {
        public static let tagged = 1, doubleQuoted = 2, singleQuoted = 4, literal = 8, folded = 16, flow = 32
    }

    public var kind: Kind
    public var style: Int
    public var tag: String
    public var value: String
    /// nil and empty differ: a node made without children has none (`null` in JSON); one whose
    /// last field kyaml removed has an empty list (`[]`).
    public var content: [GoNode]?
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, value: String = "", tag: String = "", style: Int = 0, content: [GoNode]? = nil,
                line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.style = style
        self.tag = tag
        self.value = value
        self.content = content
        self.line = line
        self.column = column
    }

    /// `*a = *b`: every field of `other` copied into this node (children shared, as Go shares
    /// the slice).
    public func assign(_ other: GoNode) {
        kind = other.kind
        style = other.style
        tag = other.tag
        value = other.value
        content = other.content
        line = other.line
        column = other.column
    }

    /// A copy of the whole tree (kyaml's `Copy`): positions and tags kept.
    public func deepCopy() -> GoNode {
        GoNode(kind, value: value, tag: tag, style: style, content: content?.map { $0.deepCopy() }, line: line, column: column)
    }

    /// The document's root, read as go-yaml v3 reads it (tags resolved from plain text, styles,
    /// positions), or nil when the text holds what this model leaves out: anything but exactly
    /// one non-empty document, anchors or aliases, explicit tags. Comments are not seen by
    /// libyaml, so callers refuse text that may hold one.
    public static func parse(_ bytes: [UInt8]) -> GoNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> GoNode? in
            var empty: UInt8 = 0
            return withUnsafePointer(to: &empty) { emptyPointer -> GoNode? in
                yaml_parser_set_input_string(&parser, buffer.baseAddress ?? emptyPointer, buffer.count)
                var stack: [GoNode] = []
                var roots: [GoNode] = []
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                    defer { yaml_event_delete(&event) }
                    let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                    var made: GoNode?
                    switch event.type {
                    case YAML_STREAM_END_EVENT:
                        return roots.count == 1 ? roots[0] : nil
                    case YAML_ALIAS_EVENT:
                        return nil
                    case YAML_SCALAR_EVENT:
                        let s = event.data.scalar
                        guard s.anchor == nil, s.tag == nil else { return nil }
                        let value = s.length == 0 ? "" : String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                        let style: Int
                        switch s.style {
                        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = Style.singleQuoted
                        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = Style.doubleQuoted
                        case YAML_LITERAL_SCALAR_STYLE: style = Style.literal
                        case YAML_FOLDED_SCALAR_STYLE: style = Style.folded
                        default: style = 0
                        }
                        let tag = style != 0 ? "!!str" : value == "<<" ? "!!merge" : resolvedTag(value)
                        made = GoNode(.scalar, value: value, tag: tag, style: style, line: line, column: column)
                    case YAML_MAPPING_START_EVENT:
                        let m = event.data.mapping_start
                        guard m.anchor == nil, m.tag == nil || m.implicit == 1 else { return nil }
                        stack.append(GoNode(.mapping, tag: "!!map", style: m.style == YAML_FLOW_MAPPING_STYLE ? Style.flow : 0,
                                            line: line, column: column))
                        continue
                    case YAML_SEQUENCE_START_EVENT:
                        let q = event.data.sequence_start
                        guard q.anchor == nil, q.tag == nil || q.implicit == 1 else { return nil }
                        stack.append(GoNode(.sequence, tag: "!!seq", style: q.style == YAML_FLOW_SEQUENCE_STYLE ? Style.flow : 0,
                                            line: line, column: column))
                        continue
                    case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                        made = stack.popLast()
                        // a key read twice: kyaml's lookups disagree on which one counts
                        if let m = made, m.kind == .mapping, let c = m.content {
                            let keys = stride(from: 0, to: c.count, by: 2).map { c[$0].value }
                            if Set(keys).count != keys.count { return nil }
                        }
                    default:
                        continue
                    }
                    guard let node = made else { return nil }
                    if let parent = stack.last {
                        var children = parent.content ?? []
                        parent.content = nil
                        children.append(node)
                        parent.content = children
                    } else {
                        // an empty document (a null root) counts as no resource
                        roots.append(node)
                    }
                }
            }
        }
    }

    private static func resolvedTag(_ plain: String) -> String {
        switch ScalarResolver.resolveInput(plain) {
        case .string: return "!!str"
        case .int: return "!!int"
        case .float: return "!!float"
        case .bool: return "!!bool"
        case .null: return "!!null"
        case .timestamp: return "!!timestamp"
        }
    }
}
