import KubeModel
import Manifests
import YAML

/// Reads the fields of a builtin plugin config the way kustomize's plugins read them:
/// unknown fields are ignored, any scalar fills a string field, and null leaves a field
/// unset. Most plugins decode through JSON (`sigs.k8s.io/yaml`), where field names also
/// match ignoring case; the prefix/suffix plugins decode YAML directly, where they do not.
struct PluginConfigFields {
    enum KeyMatching { case ignoringCase, exact }

    let mapping: Mapping
    let file: String
    /// Names the plugin in errors, e.g. `PrefixTransformer config`.
    let context: String
    let keys: KeyMatching

    init(_ node: Node, file: String, context: String, keys: KeyMatching = .ignoringCase) throws {
        guard let m = node.asMapping else {
            throw Diagnostic("\(context) must be a mapping", file: file, mark: node.mark)
        }
        self.mapping = m
        self.file = file
        self.context = context
        self.keys = keys
    }

    /// The value of `key`, nil when absent or null. With case-insensitive matching the
    /// last matching key wins, as when Go decodes JSON into a struct.
    func node(_ key: String) -> Node? {
        var found: Node?
        switch keys {
        case .exact:
            found = mapping[key]
        case .ignoringCase:
            let lower = key.lowercased()
            for e in mapping.entries where e.key.value.lowercased() == lower { found = e.value }
        }
        guard let v = found, !v.isNull else { return nil }
        return v
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// A string field: any scalar, as text (both decoders turn `1` or `true` into text).
    func string(_ key: String) throws -> String? {
        guard let v = node(key) else { return nil }
        guard let s = v.asScalar else {
            throw Diagnostic("\(context): '\(key)' must be a string", file: file, mark: v.mark)
        }
        return try text(s)
    }

    private func text(_ s: Scalar) throws -> String {
        try PluginScalarText.text(s, keys: keys, file: file)
    }

    func bool(_ key: String) throws -> Bool? {
        guard let v = node(key) else { return nil }
        guard let s = v.asScalar, let b = s.boolValue else {
            throw Diagnostic("\(context): '\(key)' must be true or false", file: file, mark: v.mark)
        }
        return b
    }

    func int(_ key: String) throws -> Int? {
        guard let v = node(key) else { return nil }
        if let s = v.asScalar {
            if s.tag == .int, case .signed(let i)? = GoNumber.parseInt(s.value) { return Int(i) }
            // An integral float reaches the plugin as a JSON integer (`5.0` is `5`).
            if s.tag == .float, let d = GoNumber.parseFloat(s.value), d == d.rounded(), abs(d) < 9e18 { return Int(d) }
        }
        throw Diagnostic("\(context): '\(key)' must be an integer", file: file, mark: v.mark)
    }

    /// A `map[string]string`, sorted by key: kustomize sets labels and annotations in key order.
    func stringMap(_ key: String) throws -> [(String, String)]? {
        guard let v = node(key) else { return nil }
        guard let m = v.asMapping else {
            throw Diagnostic("\(context): '\(key)' must be a map of strings", file: file, mark: v.mark)
        }
        var pairs: [String: String] = [:]
        for e in m.entries {
            guard let s = e.value.asScalar else {
                throw Diagnostic("\(context): value of '\(e.key.value)' in '\(key)' must be a string", file: file, mark: e.value.mark)
            }
            pairs[e.key.value] = try text(s)
        }
        return pairs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func stringList(_ key: String) throws -> [String]? {
        guard let v = node(key) else { return nil }
        guard let seq = v.asSequence else {
            throw Diagnostic("\(context): '\(key)' must be a list of strings", file: file, mark: v.mark)
        }
        return try seq.items.map { item in
            guard let s = item.asScalar else {
                throw Diagnostic("\(context): '\(key)' must be a list of strings", file: file, mark: item.mark)
            }
            return try text(s)
        }
    }

    /// A nested object read the same way.
    func object(_ key: String) throws -> PluginConfigFields? {
        guard let v = node(key) else { return nil }
        return try PluginConfigFields(v, file: file, context: "\(context) \(key)", keys: keys)
    }

    /// `fieldSpecs`: nil when absent or null (some plugins insist on a list, even empty).
    func fieldSpecs(_ key: String = "fieldSpecs") throws -> [FieldSpec]? {
        guard let v = node(key) else { return nil }
        guard let seq = v.asSequence else {
            throw Diagnostic("\(context): '\(key)' must be a list of field specs", file: file, mark: v.mark)
        }
        return try seq.items.compactMap { item in
            if item.isNull { return nil }
            let f = try PluginConfigFields(item, file: file, context: "\(context) field spec", keys: keys)
            var spec = FieldSpec(path: try f.string("path") ?? "", create: try f.bool("create") ?? false)
            spec.gvk = GVK(group: try f.string("group") ?? "", version: try f.string("version") ?? "", kind: try f.string("kind") ?? "")
            return spec
        }
    }
}
