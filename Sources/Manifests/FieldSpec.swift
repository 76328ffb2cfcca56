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
