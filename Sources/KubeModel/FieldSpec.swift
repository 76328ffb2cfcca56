import YAML

/// Where a transformer looks in resources of some GVK: kustomize's field specs
/// (`path: spec/selector/matchLabels`, `kind: Service`, `create: true`).
public struct FieldSpec: Hashable, Sendable {
    public var gvk: GVK
    /// Path segments. A segment ending in `[]` (`volumeClaimTemplates[]`) names a list:
    /// it is walked but never created. Other lists are walked implicitly too.
    public var path: [String]
    public var create: Bool

    public init(group: String = "", version: String = "", kind: String = "", path: String, create: Bool = false) {
        self.gvk = GVK(group: group, version: version, kind: kind)
        self.path = FieldSpec.splitPath(path)
        self.create = create
    }

    public var pathString: String { path.map { $0.replacingOccurrences(of: "/", with: "\\/") }.joined(separator: "/") }

    /// Splits on `/`, keeping `\/` as a literal slash (annotation keys hold slashes).
    public static func splitPath(_ path: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for c in path {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "/" {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts.filter { !$0.isEmpty }
    }

    /// Reads one field spec from a kustomization or configuration file.
    public static func decode(_ node: Node, file: String) throws -> FieldSpec {
        var d = try StrictDecoder(node, file: file, context: "field spec")
        let path = try d.requiredString("path")
        var spec = FieldSpec(path: path, create: try d.bool("create") ?? false)
        spec.gvk = GVK(group: try d.string("group") ?? "", version: try d.string("version") ?? "", kind: try d.string("kind") ?? "")
        _ = try d.optional("behavior")
        try d.finish()
        return spec
    }
}

/// Two field specs for the same field that disagree on `create` (kustomize: "conflicting fieldspecs").
public struct FieldSpecConflict: Error, Sendable {
    public let existing: FieldSpec
    public let incoming: FieldSpec
    public var message: String { "conflicting fieldspecs" }
}

extension Array where Element == FieldSpec {
    /// The spec already here that stands for `incoming` (kustomize's `FsSlice.index`): same
    /// path, and a GVK that `incoming`'s GVK selects, so a general spec is absorbed by a
    /// specific one already present.
    public func indexOfEquivalent(_ incoming: FieldSpec) -> Int? {
        firstIndex { $0.path == incoming.path && incoming.gvk.selects($0.gvk) }
    }

    /// kustomize's `FsSlice.MergeOne`: appends `incoming` unless an equivalent spec is here;
    /// an equivalent spec with the other `create` is a conflict.
    public mutating func mergeOne(_ incoming: FieldSpec) throws(FieldSpecConflict) {
        guard let i = indexOfEquivalent(incoming) else {
            append(incoming)
            return
        }
        if self[i].create != incoming.create { throw FieldSpecConflict(existing: self[i], incoming: incoming) }
    }

    /// kustomize's `FsSlice.MergeAll`: `mergeOne` for each spec in order.
    public mutating func mergeAll(_ incoming: [FieldSpec]) throws(FieldSpecConflict) {
        for spec in incoming { try mergeOne(spec) }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        guard !target.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) {
                return i..<index(i, offsetBy: target.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
