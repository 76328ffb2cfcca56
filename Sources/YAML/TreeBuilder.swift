import CYAML

/// Builds node trees from libyaml events. Children collect on two shared scratch stacks and
/// each container gets its storage once, exactly sized, when it closes: no array regrowth
/// and no copy-on-write of half-built containers on the hot path.
struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var isFlow = false
        var hasMergeKey = false
        var mark: Mark
        var anchor: String?
        /// Where this container's children start on the scratch stack.
        var base: Int
        var pendingKey: Scalar?
        /// Key → scratch-stack index, built once a mapping outgrows `indexedKeyThreshold`
        /// so that duplicate-key checks stay linear in the mapping's size.
        var keyIndex: [String: Int]?
        var droppedDuplicates: [(entry: MapEntry, first: Mark)] = []
    }

    /// Below this many entries a backwards scan is cheaper than hashing.
    private static let indexedKeyThreshold = 16

    let file: String
    let limits: ParseLimits
    let duplicateKeys: YAMLParser.DuplicateKeys
    let goYAMLv2: Bool
    /// Added to libyaml's line numbers when the input is a slice of a larger file.
    let lineOffset: Int
    private(set) var documents: [Node] = []
    private var frames: [Frame] = []
    private let entries = ScratchStack<MapEntry>()
    private let items = ScratchStack<Node>()
    private var root: Node?
    private var anchors: [String: (node: Node, size: Int)] = [:]
    /// Nodes created by alias expansion so far.
    private(set) var aliasNodes = 0
    /// Where the last node event ended, when it was a block scalar ending in a blank line.
    private var keepScalarEnd: Int?
    /// Documents whose last node is such a scalar: what lies between it and the end of the
    /// document decides `Mapping.trailingComment` (see `markTrailingComments`).
    private var keepScalarDocuments: [(document: Int, from: Int, to: Int)] = []

    init(file: String, limits: ParseLimits, duplicateKeys: YAMLParser.DuplicateKeys, goYAMLv2: Bool = false,
         lineOffset: Int = 0) {
        self.goYAMLv2 = goYAMLv2
        self.file = file
        self.limits = limits
        self.duplicateKeys = duplicateKeys
        self.lineOffset = lineOffset
        frames.reserveCapacity(32)
    }

    @inline(__always)
    func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1 + lineOffset, column: Int(m.column) + 1)
    }

    mutating func handle(_ event: inout yaml_event_t) throws {
        switch event.type {
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT, YAML_ALIAS_EVENT, YAML_DOCUMENT_START_EVENT:
            keepScalarEnd = nil
        default:
            break
        }
        switch event.type {
        case YAML_SCALAR_EVENT:
            try scalar(&event)
        case YAML_MAPPING_START_EVENT:
            try open(mapping: true, anchor: event.data.mapping_start.anchor, at: event.start_mark,
                     flow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_SEQUENCE_START_EVENT:
            try open(mapping: false, anchor: event.data.sequence_start.anchor, at: event.start_mark,
                     flow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            try close()
        case YAML_ALIAS_EVENT:
            try alias(&event)
        case YAML_DOCUMENT_START_EVENT:
            root = nil
            if !anchors.isEmpty { anchors.removeAll(keepingCapacity: true) }
        case YAML_DOCUMENT_END_EVENT:
            if let r = root, !r.isNull {
                documents.append(r)
                if let end = keepScalarEnd {
                    keepScalarDocuments.append((documents.count - 1, end, Int(event.start_mark.index)))
                }
            }
            keepScalarEnd = nil
            root = nil
        default:
            break
        }
    }

    private mutating func scalar(_ event: inout yaml_event_t) throws {
        let s = event.data.scalar
        let raw = UnsafeBufferPointer(start: s.value, count: s.length)
        let value = s.length == 0 ? "" : String(decoding: raw, as: UTF8.self)
        let style: ScalarStyle
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        // go-yaml v2 readers have no folding quirk (see `Scalar.marshalledValue`).
        case YAML_FOLDED_SCALAR_STYLE: style = goYAMLv2 ? .literal : .folded
        default: style = .plain
        }
        let tag: ScalarTag
        if let top = frames.last, top.isMapping, top.pendingKey == nil {
            tag = .string  // a mapping key: always a string to kustomize
        } else if let t = s.tag {
            tag = Self.explicitTag(String(cString: t), value: value, style: style)
        } else if style == .plain {
            tag = ScalarResolver.resolve(raw, yaml11: goYAMLv2)
        } else {
            tag = .string
        }
        let m = mark(event.start_mark)
        keepScalarEnd = (style == .literal || style == .folded) && !goYAMLv2 && s.length >= 2
            && raw[raw.count - 1] == 10 && raw[raw.count - 2] == 10 ? Int(event.end_mark.index) : nil
        var scalar = Scalar(value, tag: tag, style: style, mark: m)
        if style == .plain, s.tag == nil, value == "<<" { scalar.mergeTagged = true }
        let node = Node.scalar(scalar)
        if let a = s.anchor { anchors[String(cString: a)] = (node, 1) }
        try add(node, mark: m)
    }

    private mutating func open(mapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, at start: yaml_mark_t, flow: Bool) throws {
        if frames.count >= limits.maxDepth {
            throw Diagnostic(file: file, mark: mark(start), message: "nesting deeper than the limit of \(limits.maxDepth) levels")
        }
        frames.append(Frame(isMapping: mapping, isFlow: flow, mark: mark(start), anchor: anchor.map { String(cString: $0) },
                            base: mapping ? entries.count : items.count))
    }

    private mutating func close() throws {
        guard let f = frames.popLast() else { return }
        let node: Node
        if f.isMapping {
            let m = Mapping(entries.popArray(from: f.base), mark: f.mark)
            m.flow = f.isFlow
            m.droppedDuplicates = f.droppedDuplicates
            if f.hasMergeKey { try applyMergeKeys(m) }
            node = .mapping(m)
        } else {
            let seq = Sequence(items.popArray(from: f.base), mark: f.mark)
            seq.flow = f.isFlow
            node = .sequence(seq)
        }
        if let a = f.anchor { anchors[a] = (node, Self.size(node)) }
        try add(node, mark: f.mark)
    }

    private mutating func alias(_ event: inout yaml_event_t) throws {
        let name = String(cString: event.data.alias.anchor)
        let m = mark(event.start_mark)
        guard let target = anchors[name] else {
            throw Diagnostic(file: file, mark: m, message: "unknown anchor '\(name)' referenced")
        }
        aliasNodes += target.size
        if aliasNodes > limits.maxAliasExpansion {
            throw Diagnostic(file: file, mark: m, message:
                "alias '\(name)' expands past the budget of \(limits.maxAliasExpansion) nodes (a billion-laughs style document?)")
        }
        try add(target.node.deepCopy(), mark: m)
    }

    private mutating func add(_ node: Node, mark: Mark) throws {
        let top = frames.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        if !frames[top].isMapping {
            items.push(node)
            return
        }
        if let key = frames[top].pendingKey {
            frames[top].pendingKey = nil
            if duplicateKeys == .lastWins, let i = existingEntry(key.value, in: top) {
                entries[i].value = node
            } else if duplicateKeys == .firstWins, key.value != "<<" || key.style != .plain, let i = existingEntry(key.value, in: top) {
                frames[top].droppedDuplicates.append((MapEntry(key: key, value: node), entries[i].key.mark))
            } else {
                entries.push(MapEntry(key: key, value: node))
                if frames[top].keyIndex != nil {
                    frames[top].keyIndex![key.value] = entries.count - 1
                } else if entries.count - frames[top].base > Self.indexedKeyThreshold {
                    indexKeys(of: top)
                }
            }
            return
        }
        guard case .scalar(var key) = node else {
            throw Diagnostic(file: file, mark: mark, message: "mapping keys must be scalars")
        }
        let isMerge = key.style == .plain && key.value == "<<"
        if !isMerge, duplicateKeys == .error, existingEntry(key.value, in: top) != nil {
            throw Diagnostic(file: file, mark: mark, message: "mapping key \"\(key.value)\" already defined")
        }
        key.tag = .string
        frames[top].pendingKey = key
        if isMerge { frames[top].hasMergeKey = true }
    }

    /// go-yaml v3 keeps a comment that follows a document's last node; when that node is a
    /// block scalar whose blank lines run up to the comment, the comment hugs it, and writing
    /// the document back moves it one line down (`Mapping.writeTrailingComment`).
    mutating func markTrailingComments(in input: UnsafeBufferPointer<UInt8>) {
        for (document, from, to) in keepScalarDocuments where from < to && to <= input.count {
            guard case .mapping(let root) = documents[document],
                  Self.holdsComment(UnsafeBufferPointer(rebasing: input[from..<to])) else { continue }
            root.trailingComment = true
        }
        keepScalarDocuments.removeAll()
    }

    /// Whether some line starts (after blanks) with `#`.
    private static func holdsComment(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineStart = true
        for c in text {
            if c == UInt8(ascii: "#") && lineStart { return true }
            if c == 10 || c == 13 {
                lineStart = true
            } else if c != 0x20 && c != 0x09 {
                lineStart = false
            }
        }
        return false
    }

    /// The scratch-stack index of the entry with this key in the mapping of frame `top`.
    @inline(__always)
    private func existingEntry(_ key: String, in top: Int) -> Int? {
        if let index = frames[top].keyIndex { return index[key] }
        return entries.lastIndex(from: frames[top].base, where: { $0.key.value == key })
    }

    private mutating func indexKeys(of top: Int) {
        var index: [String: Int] = [:]
        index.reserveCapacity(4 * Self.indexedKeyThreshold)
        for i in frames[top].base..<entries.count { index[entries[i].key.value] = i }
        frames[top].keyIndex = index
    }

    /// YAML merge keys (`<<: *base`): merged entries come first, the mapping's own keys win.
    private func applyMergeKeys(_ m: Mapping) throws {
        var merged: [MapEntry] = []
        var mergedKeys = Set<String>()
        var own: [MapEntry] = []
        var ownKeys = Set<String>()
        func mergeIn(_ source: Mapping) {
            for e in source.entries where mergedKeys.insert(e.key.value).inserted {
                merged.append(e)
            }
        }
        for e in m.entries {
            guard e.key.style == .plain && e.key.value == "<<" else {
                own.append(e)
                ownKeys.insert(e.key.value)
                continue
            }
            switch e.value {
            case .mapping(let src): mergeIn(src)
            case .sequence(let seq):
                for item in seq.items {
                    guard let src = item.asMapping else {
                        throw Diagnostic(file: file, mark: item.mark, message: "map merge requires map or sequence of maps as the value")
                    }
                    mergeIn(src)
                }
            default:
                throw Diagnostic(file: file, mark: e.value.mark, message: "map merge requires map or sequence of maps as the value")
            }
        }
        var result: [MapEntry] = []
        result.reserveCapacity(merged.count + own.count)
        for e in merged where !ownKeys.contains(e.key.value) { result.append(e) }
        result.append(contentsOf: own)
        m.entries = result
    }

    /// The text go-yaml v3 reads back after writing a folded scalar (kustomize writes every
    /// resource as YAML and reads it again on its way to JSON): the line break before a
    /// more-indented line that follows an ordinary one is doubled, and a keep-chomped (`>+`)
    /// scalar that ends in blank lines gets one line break more.
    static func goYAMLFolding(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "\n")) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 8)
        var previousOrdinary = false
        var first = true
        for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out.append("\n") }
            if let c = line.first, c == " " || c == "\t" {
                if previousOrdinary && !first { out.append("\n") }
                previousOrdinary = false
            } else if !line.isEmpty {
                previousOrdinary = true
            }
            out += line
            first = false
        }
        // Only a keep-chomped scalar can end in two line breaks.
        if out.hasSuffix("\n\n") { out.append("\n") }
        return out
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
