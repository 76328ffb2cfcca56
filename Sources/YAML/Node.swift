/// How a scalar's value is typed once resolved (the JSON type kustomize gives it).
public enum ScalarTag: UInt8, Sendable {
    case string, int, float, bool, null, timestamp
}

/// How the scalar was written in its source; only plain scalars are resolved to non-strings.
public enum ScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

public struct Scalar: Sendable, Equatable {
    public var value: String
    public var tag: ScalarTag
    public var style: ScalarStyle
    public var mark: Mark
    /// Made by kustomize's code rather than read (kyaml leaves such nodes untagged): its type
    /// is whatever its text reads as, and code that wants strings takes it as one.
    public var untagged = false
    /// The type kyaml's node still declares when a patch value took a quoted field's style
    /// (`3.14` merged onto `"text"` prints as the string "3.14"): text a replacement later
    /// writes there must read as this type.
    public var declaredTag: ScalarTag?
    /// go-yaml reads a plain `<<` (outside a key) as `!!merge`, a string to JSON but not to
    /// kyaml's string test (`IsYNodeString`), so `vars` refuse it. Set where kustomize reads
    /// text: the parser, and the JSON step that reads a resource back.
    public var mergeTagged = false

    public init(_ value: String, tag: ScalarTag = .string, style: ScalarStyle = .plain, mark: Mark = .none) {
        self.value = value
        self.tag = tag
        self.style = style
        self.mark = mark
    }

    /// A scalar whose type comes from YAML's plain-scalar resolution (as kustomize's reader does).
    public static func resolving(_ value: String, mark: Mark = .none) -> Scalar {
        var s = Scalar(value, tag: ScalarResolver.resolveInput(value), style: .plain, mark: mark)
        s.untagged = true
        return s
    }

    /// kyaml's `NewStringRNode` set as a field (a generator's data): a string, literal when it
    /// has line breaks, double-quoted when YAML 1.1 would read the text as another type. The
    /// style matters to a later strategic merge, whose value takes it.
    public static func kyamlString(_ text: String) -> Scalar {
        let style: ScalarStyle = text.utf8.contains(10) ? .literal
            : (ScalarResolver.isYAML11NonString(text) ? .doubleQuoted : .plain)
        return Scalar(text, tag: .string, style: style)
    }

    /// kyaml's `NewScalarRNode` set into an existing field (`SetName`, `SetNamespace`): untagged,
    /// double-quoted when YAML 1.1 would read the text as something else.
    public static func settingField(_ text: String) -> Scalar {
        ScalarResolver.isYAML11NonString(text) ? Scalar(text, tag: .string, style: .doubleQuoted) : .resolving(text)
    }

    public static func string(_ value: String) -> Scalar { Scalar(value, tag: .string) }

    /// kyaml's `IsYNodeString`: tagged `!!str`, or untagged.
    public var isKyamlString: Bool { (tag == .string && !mergeTagged) || untagged }

    /// The text kustomize's JSON step gets for this scalar: its value, except that a string
    /// still in the folded style it was read in comes back with go-yaml v3's folding quirks
    /// (`TreeBuilder.goYAMLFolding`). Transformers that set a value anew (kustomize's final
    /// rewrite of annotations, `vars`) drop the style and with it the quirk.
    public var marshalledValue: String {
        style == .folded && tag == .string ? TreeBuilder.goYAMLFolding(value) : value
    }

    /// `marshalledValue` where the scalar sits: inside a flow collection go-yaml writes it
    /// double-quoted, which reads back exactly.
    public func marshalledValue(inFlow: Bool) -> String {
        inFlow ? value : marshalledValue
    }

    /// A boolean's truth, for any spelling the readers accept (`true`, `True`, and YAML 1.1's
    /// `yes`, `on`, `y`); nil when the scalar is not a boolean.
    public var boolValue: Bool? {
        guard tag == .bool else { return nil }
        switch value {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        default: return false
        }
    }
    public static var null: Scalar { Scalar("null", tag: .null) }

    /// kyaml's `SetScalar` (a `FieldSetter` with a string value): the new text in an untagged
    /// node that keeps the style of the one it replaces, so it stays a string where that was
    /// quoted and reads as whatever its text is where it was plain (or new).
    public static func settingText(_ text: String, over old: Scalar?) -> Scalar {
        guard let old, old.style != .plain else { return .resolving(text, mark: old?.mark ?? .none) }
        return Scalar(text, tag: .string, style: old.style, mark: old.mark)
    }

    /// go-yaml's error when this scalar's text cannot be read as its tag's type, which happens
    /// to a node whose text a replacement changed but whose tag it kept (`replicas: 2` given
    /// `0-0`): kustomize fails when it next reads the resource through JSON, or at output.
    public var decodingFailure: String? {
        let resolved: ScalarTag
        let tag = declaredTag ?? self.tag
        switch tag {
        case .int:
            resolved = ScalarResolver.resolveInput(value)
            if resolved == .int { return nil }
        case .float:
            resolved = ScalarResolver.resolveInput(value)
            if resolved == .float { return nil }
            if resolved == .int, case .signed? = GoNumber.parseInt(value.filter { $0 != "_" }) { return nil }
        case .bool:
            resolved = ScalarResolver.resolveInput(value)
            if resolved == .bool { return nil }
        case .null:
            resolved = ScalarResolver.resolveInput(value)
            if resolved == .null { return nil }
        case .timestamp:
            resolved = ScalarResolver.resolveInput(value)
            if resolved == .timestamp { return nil }
        case .string:
            return nil
        }
        return "yaml: cannot decode !!\(Self.tagName(resolved)) `\(value)` as a !!\(Self.tagName(tag))"
    }

    static func tagName(_ tag: ScalarTag) -> String {
        switch tag {
        case .string: return "str"
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .null: return "null"
        case .timestamp: return "timestamp"
        }
    }

    public static func == (a: Scalar, b: Scalar) -> Bool {
        a.tag == b.tag && a.value == b.value
    }
}

/// One value held by several map entries at once, as kyaml shares one node among the
/// places a label or annotation transformer newly created a key in: setting the value at
/// any of them sets it at all (kustomize's base `commonLabels` selector follows an
/// overlay's `labels` of the same key). Removing an entry, or copying the tree, unshares it.
public final class SharedValue {
    public var node: Node

    public init(_ node: Node) { self.node = node }
}

public struct MapEntry {
    public var key: Scalar
    private var stored: Node
    /// Set when this entry's value is shared with other entries.
    public private(set) var shared: SharedValue?

    public var value: Node {
        get { shared?.node ?? stored }
        set {
            if let shared { shared.node = newValue } else { stored = newValue }
        }
    }

    public init(key: Scalar, value: Node) {
        self.key = key
        self.stored = value
    }

    public init(key: Scalar, shared: SharedValue) {
        self.key = key
        self.stored = shared.node
        self.shared = shared
    }

    /// The same entry holding its value alone from now on.
    public var unshared: MapEntry { MapEntry(key: key, value: value) }
}

/// A YAML node. Containers are reference types so transformers can edit in place;
/// `deepCopy()` gives an independent tree.
public enum Node {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    public var mark: Mark {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(let m): return m.mark
        case .sequence(let s): return s.mark
        }
    }

    public var asMapping: Mapping? { if case .mapping(let m) = self { return m }; return nil }
    public var asSequence: Sequence? { if case .sequence(let s) = self { return s }; return nil }
    public var asScalar: Scalar? { if case .scalar(let s) = self { return s }; return nil }

    /// The scalar's text when it is a non-null scalar.
    public var stringValue: String? {
        if case .scalar(let s) = self, s.tag != .null { return s.value }
        return nil
    }

    public var isNull: Bool {
        if case .scalar(let s) = self { return s.tag == .null }
        return false
    }

    public static func string(_ s: String) -> Node { .scalar(.string(s)) }
    public static var null: Node { .scalar(.null) }

    public func deepCopy() -> Node {
        switch self {
        case .scalar: return self
        case .mapping(let m): return .mapping(m.deepCopy())
        case .sequence(let s): return .sequence(s.deepCopy())
        }
    }

    /// Structural equality of the resolved values (ignores marks and styles).
    public func isEqual(to other: Node) -> Bool {
        switch (self, other) {
        case (.scalar(let a), .scalar(let b)):
            return a == b
        case (.mapping(let a), .mapping(let b)):
            if a === b { return true }
            guard a.entries.count == b.entries.count else { return false }
            for e in a.entries {
                guard let v = b[e.key.value], v.isEqual(to: e.value) else { return false }
            }
            return true
        case (.sequence(let a), .sequence(let b)):
            if a === b { return true }
            guard a.items.count == b.items.count else { return false }
            for i in a.items.indices where !a.items[i].isEqual(to: b.items[i]) { return false }
            return true
        default:
            return false
        }
    }
}

public final class Mapping {
    public var entries: [MapEntry]
    public var mark: Mark
    /// Read in flow style (`{a: 1}`): go-yaml writes everything inside it in flow style too,
    /// which matters to folded scalars (`Scalar.marshalledValue`).
    public var flow = false
    /// The root of a document that ended with a comment right after a keep-chomped block
    /// scalar's blank lines (see `TreeBuilder.markTrailingComments`).
    public var trailingComment = false
    /// Entries whose key was read before in this map, in reading order, dropped by a parser
    /// told to keep the first (`YAMLParser.DuplicateKeys.firstWins`), with where the first was.
    public var droppedDuplicates: [(entry: MapEntry, first: Mark)] = []

    public init(_ entries: [MapEntry] = [], mark: Mark = .none) {
        self.entries = entries
        self.mark = mark
    }

    /// What go-yaml v3 does with `trailingComment` when kustomize writes the resource (its
    /// JSON step, or the output): the comment goes right after the document's last node, one
    /// line further down. When that node is text written keep-chomped (`|+`), reading back
    /// gives it one more line break. Comments do not survive the step, so this happens once.
    public func writeTrailingComment() {
        guard trailingComment else { return }
        trailingComment = false
        var node = Node.mapping(self)
        while true {
            switch node {
            case .mapping(let m):
                guard let last = m.entries.indices.last else { return }
                if case .scalar(let s) = m.entries[last].value, let grown = Self.grown(s) {
                    m.entries[last].value = .scalar(grown)
                    return
                }
                node = m.entries[last].value
            case .sequence(let seq):
                guard let last = seq.items.indices.last else { return }
                if case .scalar(let s) = seq.items[last], let grown = Self.grown(s) {
                    seq.items[last] = .scalar(grown)
                    return
                }
                node = seq.items[last]
            case .scalar:
                return
            }
        }
    }

    private static func grown(_ s: Scalar) -> Scalar? {
        guard s.tag == .string else { return nil }
        let text = s.marshalledValue
        guard text.utf8.count >= 2, text.utf8.last == 10, text.utf8.dropLast().last == 10 else { return nil }
        return Scalar(text + "\n", tag: .string, style: .literal, mark: s.mark)
    }

    /// Every entry holds its value alone from now on: kyaml's setters write new nodes, so a
    /// value shared with another field (`SharedValue`) stops changing with it.
    public func unshareEntries() {
        for i in entries.indices where entries[i].shared != nil { entries[i] = entries[i].unshared }
    }

    public func index(of key: String) -> Int? {
        entries.firstIndex { $0.key.value == key }
    }

    public subscript(key: String) -> Node? {
        get {
            for e in entries where e.key.value == key { return e.value }
            return nil
        }
        set {
            if let i = index(of: key) {
                if let v = newValue { entries[i].value = v } else { entries.remove(at: i) }
            } else if let v = newValue {
                entries.append(MapEntry(key: .string(key), value: v))
            }
        }
    }

    public func string(_ key: String) -> String? { self[key]?.stringValue }
    public func mapping(_ key: String) -> Mapping? { self[key]?.asMapping }
    public func sequence(_ key: String) -> Sequence? { self[key]?.asSequence }

    /// The mapping at `key`, created (or replacing a null) when absent.
    public func ensureMapping(_ key: String) -> Mapping {
        if let m = self[key]?.asMapping { return m }
        let m = Mapping()
        self[key] = .mapping(m)
        return m
    }

    @discardableResult
    public func removeValue(forKey key: String) -> Node? {
        guard let i = index(of: key) else { return nil }
        return entries.remove(at: i).value
    }

    public var keys: [String] { entries.map { $0.key.value } }

    public func deepCopy() -> Mapping {
        // Built in a local array and stored once: every access to a class's stored array is
        // checked for exclusivity at run time, and this runs for every node of every copy.
        let entries = self.entries
        var copied: [MapEntry] = []
        copied.reserveCapacity(entries.count)
        for e in entries { copied.append(MapEntry(key: e.key, value: e.value.deepCopy())) }
        let copy = Mapping(copied, mark: mark)
        copy.flow = flow
        copy.trailingComment = trailingComment
        copy.droppedDuplicates = droppedDuplicates
        return copy
    }
}

public final class Sequence {
    public var items: [Node]
    public var mark: Mark
    /// Read in flow style (`[a, b]`); see `Mapping.flow`.
    public var flow = false

    public init(_ items: [Node] = [], mark: Mark = .none) {
        self.items = items
        self.mark = mark
    }

    public func deepCopy() -> Sequence {
        let copy = Sequence(items.map { $0.deepCopy() }, mark: mark)
        copy.flow = flow
        return copy
    }
}
