import KubeModel
import Manifests
import YAML

/// One entry of `replacements:` (kustomize's `types.Replacement`): copy the value at
/// `source.fieldPath` of one resource into `fieldPaths` of the resources each target selects.
public struct Replacement {
    /// `options:` of a source or target (`types.FieldOptions`).
    public struct Options: Equatable {
        public var delimiter = ""
        public var index = 0
        public var encoding = ""
        public var create = false

        public init(delimiter: String = "", index: Int = 0, encoding: String = "", create: Bool = false) {
            self.delimiter = delimiter
            self.index = index
            self.encoding = encoding
            self.create = create
        }

        /// kustomize's `FieldOptions.String()`.
        var text: String {
            if delimiter.isEmpty && !create { return "" }
            return "\(delimiter)(\(index)), create=\(create)"
        }
    }

    public struct Source {
        public var id: ReplacementSelector.ID
        /// Empty means `metadata.name`.
        public var fieldPath: String
        public var options: Options?

        /// kustomize's `SourceSelector.String()`.
        var text: String {
            var parts = [id.text]
            if !fieldPath.isEmpty { parts.append(fieldPath) }
            if let o = options?.text, !o.isEmpty { parts.append(o) }
            return parts.joined(separator: ":")
        }
    }

    public struct Target {
        public var select: ReplacementSelector?
        public var reject: [ReplacementSelector]
        /// Empty means `[metadata.name]`.
        public var fieldPaths: [String]
        public var options: Options?
    }

    public static let defaultFieldPath = "metadata.name"

    public var source: Source?
    /// nil when the entry has no `targets:` (an error when applied, as is an empty list
    /// written inline); an empty list in a `path:` file does nothing.
    public var targets: [Target]?
    public var mark: Mark = .none

    public init(source: Source?, targets: [Target]?) {
        self.source = source
        self.targets = targets
    }
}

extension Replacement {
    /// Reads one replacement. `strict` is for entries written inline in a kustomization,
    /// which kustomize decodes rejecting unknown fields; replacement files given by
    /// `path:` are decoded leniently (unknown fields ignored), as kustomize does.
    public static func decode(_ node: Node, file: String, strict: Bool, allowPath: Bool = false) throws -> (Replacement?, path: String?) {
        var d = try StrictDecoder(node, file: file, context: "replacement")
        let path = allowPath ? try d.string("path") : nil
        let source = try d.optional("source").map { try decodeSource($0, file: file, strict: strict) }
        var targets = try d.list("targets").map { items in
            try items.map { try decodeTarget($0, file: file, strict: strict) }
        }
        // kustomize hands inline entries to its plugin through a YAML round trip that
        // drops an empty `targets: []`, which then counts as missing.
        if strict, targets?.isEmpty == true { targets = nil }
        if strict { try d.finish() }
        if let path, !path.isEmpty {
            if source != nil || !(targets ?? []).isEmpty {
                throw Diagnostic("cannot specify both path and inline replacement", file: file, mark: node.mark)
            }
            return (nil, path)
        }
        var r = Replacement(source: source, targets: targets)
        r.mark = node.mark
        return (r, nil)
    }

    static func decodeID(_ d: inout StrictDecoder) throws -> ReplacementSelector.ID {
        ReplacementSelector.ID(
            group: try d.string("group") ?? "",
            version: try d.string("version") ?? "",
            kind: try d.string("kind") ?? "",
            name: try d.string("name") ?? "",
            namespace: try d.string("namespace") ?? "")
    }

    static func decodeSource(_ node: Node, file: String, strict: Bool) throws -> Source {
        var d = try StrictDecoder(node, file: file, context: "replacement source")
        let id = try decodeID(&d)
        let fieldPath = try d.string("fieldPath") ?? ""
        let options = try d.optional("options").map { try decodeOptions($0, file: file, strict: strict) }
        if strict { try d.finish() }
        return Source(id: id, fieldPath: fieldPath, options: options)
    }

    static func decodeSelector(_ node: Node, file: String, strict: Bool) throws -> ReplacementSelector {
        var d = try StrictDecoder(node, file: file, context: "replacement selector")
        let id = try decodeID(&d)
        let labels = try d.string("labelSelector") ?? ""
        let annotations = try d.string("annotationSelector") ?? ""
        if strict { try d.finish() }
        return try ReplacementSelector(id: id, labelSelector: labels, annotationSelector: annotations, file: file)
    }

    static func decodeTarget(_ node: Node, file: String, strict: Bool) throws -> Target {
        var d = try StrictDecoder(node, file: file, context: "replacement target")
        let select = try d.optional("select").map { try decodeSelector($0, file: file, strict: strict) }
        let reject = try (d.list("reject") ?? []).map { try decodeSelector($0, file: file, strict: strict) }
        let fieldPaths = try d.stringList("fieldPaths") ?? []
        let options = try d.optional("options").map { try decodeOptions($0, file: file, strict: strict) }
        if strict { try d.finish() }
        return Target(select: select, reject: reject, fieldPaths: fieldPaths, options: options)
    }

    static func decodeOptions(_ node: Node, file: String, strict: Bool) throws -> Options {
        var d = try StrictDecoder(node, file: file, context: "replacement options")
        var o = Options()
        o.delimiter = try d.string("delimiter") ?? ""
        o.index = try d.int("index") ?? 0
        o.encoding = try d.string("encoding") ?? ""
        o.create = try d.bool("create") ?? false
        if strict { try d.finish() }
        return o
    }
}
