import CYAML

/// Reads a YAML stream through libyaml's event parser into node trees that keep positions.
public struct YAMLParser {
    /// What a repeated mapping key means: an error (go-yaml v3, which reads resources),
    /// or the later value wins (go-yaml v2, which reads kustomization files).
    public enum DuplicateKeys: Sendable { case error, lastWins }

    public var limits: ParseLimits
    public var duplicateKeys: DuplicateKeys

    public init(limits: ParseLimits = .default, duplicateKeys: DuplicateKeys = .error) {
        self.limits = limits
        self.duplicateKeys = duplicateKeys
    }

    /// Every document of the stream; documents that hold nothing are left out.
    public func parse(_ text: String, file: String) throws -> [Node] {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, file: file) }
    }

    public func parse(bytes: [UInt8], file: String) throws -> [Node] {
        try bytes.withUnsafeBufferPointer { try parse(bytes: $0, file: file) }
    }

    public func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [Node] {
        if bytes.count > limits.maxInputBytes {
            throw YAMLError(file: file, mark: .none,
                            message: "input is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes)")
        }
        var builder = TreeBuilder(file: file, limits: limits, duplicateKeys: duplicateKeys)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(file: file, mark: .none, message: "could not initialise the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml reads the buffer in place; an empty input still needs a valid pointer.
        let empty: [UInt8] = [0]
        try empty.withUnsafeBufferPointer { emptyBuf in
            let base = bytes.baseAddress ?? emptyBuf.baseAddress!
            yaml_parser_set_input_string(&parser, base, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw Self.parserError(&parser, file: file)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try builder.handle(&event)
            }
        }
        return builder.documents
    }

    static func parserError(_ parser: inout yaml_parser_t, file: String) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        var message = problem
        if let ctx = parser.context {
            message = "\(problem) \(String(cString: ctx))"
            let cm = parser.context_mark
            message += " (started at line \(cm.line + 1), column \(cm.column + 1))"
        }
        let m = parser.problem_mark
        return YAMLError(file: file, mark: Mark(line: Int(m.line) + 1, column: Int(m.column) + 1), message: message)
    }
}

private struct TreeBuilder {
    enum Frame {
        case mapping(Mapping, anchor: String?, pendingKey: Scalar?, hasMergeKey: Bool)
        case sequence(Sequence, anchor: String?)
    }

    let file: String
    let limits: ParseLimits
    let duplicateKeys: YAMLParser.DuplicateKeys
    var documents: [Node] = []
    var stack: [Frame] = []
    var root: Node?
    var anchors: [String: (node: Node, size: Int)] = [:]
    var aliasBudget: Int

    init(file: String, limits: ParseLimits, duplicateKeys: YAMLParser.DuplicateKeys) {
        self.file = file
        self.limits = limits
        self.duplicateKeys = duplicateKeys
        self.aliasBudget = limits.maxAliasExpansion
    }

    @inline(__always)
    static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    mutating func handle(_ event: inout yaml_event_t) throws {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            root = nil
            anchors.removeAll(keepingCapacity: true)
        case YAML_DOCUMENT_END_EVENT:
            if let r = root, !r.isNull { documents.append(r) }
            root = nil
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = s.length == 0 ? "" : String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            let m = Self.mark(event.start_mark)
            let style: ScalarStyle
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag: ScalarTag
            if let t = s.tag {
                tag = Self.explicitTag(String(cString: t), value: value, style: style)
            } else if style == .plain {
                tag = ScalarResolver.resolveInput(value)
            } else {
                tag = .string
            }
            let node = Node.scalar(Scalar(value, tag: tag, style: style, mark: m))
            if let a = s.anchor { anchors[String(cString: a)] = (node, 1) }
            try add(node, mark: m)
        case YAML_MAPPING_START_EVENT:
            try checkDepth(event.start_mark)
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            stack.append(.mapping(Mapping(mark: Self.mark(event.start_mark)), anchor: anchor, pendingKey: nil, hasMergeKey: false))
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(event.start_mark)
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            stack.append(.sequence(Sequence(mark: Self.mark(event.start_mark)), anchor: anchor))
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(let m, let anchor, _, let hasMerge)? = stack.popLast() else { return }
            if hasMerge { try applyMergeKeys(m) }
            let node = Node.mapping(m)
            if let a = anchor { anchors[a] = (node, Self.size(node)) }
            try add(node, mark: m.mark)
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let s, let anchor)? = stack.popLast() else { return }
            let node = Node.sequence(s)
            if let a = anchor { anchors[a] = (node, Self.size(node)) }
            try add(node, mark: s.mark)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            let m = Self.mark(event.start_mark)
            guard let target = anchors[name] else {
                throw YAMLError(file: file, mark: m, message: "unknown anchor '\(name)' referenced")
            }
            aliasBudget -= target.size
            if aliasBudget < 0 {
                throw YAMLError(file: file, mark: m, message:
                    "alias '\(name)' expands past the budget of \(limits.maxAliasExpansion) nodes (a billion-laughs style document?)")
            }
            try add(target.node.deepCopy(), mark: m)
        default:
            break
        }
    }

    mutating func checkDepth(_ m: yaml_mark_t) throws {
        if stack.count >= limits.maxDepth {
            throw YAMLError(file: file, mark: Self.mark(m), message: "nesting deeper than the limit of \(limits.maxDepth) levels")
        }
    }

    mutating func add(_ node: Node, mark: Mark) throws {
        guard let top = stack.last else {
            root = node
            return
        }
        switch top {
        case .sequence(let s, _):
            s.items.append(node)
        case .mapping(let m, let anchor, let pendingKey, let hasMerge):
            if let key = pendingKey {
                if duplicateKeys == .lastWins, let i = m.index(of: key.value) {
                    m.entries[i].value = node
                } else {
                    m.entries.append(MapEntry(key: key, value: node))
                }
                stack[stack.count - 1] = .mapping(m, anchor: anchor, pendingKey: nil, hasMergeKey: hasMerge)
            } else {
                guard case .scalar(var key) = node else {
                    throw YAMLError(file: file, mark: mark, message: "mapping keys must be scalars")
                }
                let isMerge = key.style == .plain && key.value == "<<"
                if !isMerge, duplicateKeys == .error, m.index(of: key.value) != nil {
                    throw YAMLError(file: file, mark: mark, message: "mapping key \"\(key.value)\" already defined")
                }
                key.tag = .string
                stack[stack.count - 1] = .mapping(m, anchor: anchor, pendingKey: key, hasMergeKey: hasMerge || isMerge)
            }
        }
    }

    /// YAML merge keys (`<<: *base`): merged entries come first, the mapping's own keys win.
    func applyMergeKeys(_ m: Mapping) throws {
        var merged: [MapEntry] = []
        var own: [MapEntry] = []
        func mergeIn(_ source: Mapping) {
            for e in source.entries where !merged.contains(where: { $0.key.value == e.key.value }) {
                merged.append(e)
            }
        }
        for e in m.entries {
            guard e.key.style == .plain && e.key.value == "<<" else { own.append(e); continue }
            switch e.value {
            case .mapping(let src): mergeIn(src)
            case .sequence(let seq):
                for item in seq.items {
                    guard let src = item.asMapping else {
                        throw YAMLError(file: file, mark: item.mark, message: "map merge requires map or sequence of maps as the value")
                    }
                    mergeIn(src)
                }
            default:
                throw YAMLError(file: file, mark: e.value.mark, message: "map merge requires map or sequence of maps as the value")
            }
        }
        var result: [MapEntry] = []
        for e in merged where !own.contains(where: { $0.key.value == e.key.value }) { result.append(e) }
        result.append(contentsOf: own)
        m.entries = result
    }

    static func size(_ node: Node) -> Int {
        switch node {
        case .scalar: return 1
        case .mapping(let m): return m.entries.reduce(1) { $0 + 1 + size($1.value) }
        case .sequence(let s): return s.items.reduce(1) { $0 + size($1) }
        }
    }

    static func explicitTag(_ tag: String, value: String, style: ScalarStyle) -> ScalarTag {
        switch tag {
        case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "!": return .string
        case "tag:yaml.org,2002:int": return .int
        case "tag:yaml.org,2002:float": return .float
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:timestamp": return .timestamp
        default: return style == .plain ? ScalarResolver.resolveInput(value) : .string
        }
    }
}
