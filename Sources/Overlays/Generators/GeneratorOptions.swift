import KubeModel
import Manifests
import YAML

/// `generatorOptions:` of a kustomization, or `options:` of one generator entry.
struct GeneratorOptions {
    var labels: [(String, String)] = []
    var annotations: [(String, String)] = []
    var disableNameSuffixHash = false
    var immutable = false

    init() {}

    /// Values of the wrong type are errors; so are unknown fields when `strict` (in a
    /// kustomization, not in a plugin config).
    static func decode(_ node: Node, file: String, context: String, strict: Bool = true) throws -> GeneratorOptions {
        var d = try StrictDecoder(node, file: file, context: context)
        var options = GeneratorOptions()
        options.labels = try d.stringMap("labels") ?? []
        options.annotations = try d.stringMap("annotations") ?? []
        options.disableNameSuffixHash = try d.bool("disableNameSuffixHash") ?? false
        options.immutable = try d.bool("immutable") ?? false
        if strict { try d.finish() }
        return options
    }

    /// kustomize's MergeGlobalOptionsIntoLocal: the entry's own labels and annotations win
    /// over the kustomization-wide ones; either side can disable the hash or set immutable.
    func mergingGlobal(_ global: GeneratorOptions?) -> GeneratorOptions {
        guard let global else { return self }
        var merged = self
        merged.labels = Self.union(local: labels, global: global.labels)
        merged.annotations = Self.union(local: annotations, global: global.annotations)
        merged.disableNameSuffixHash = disableNameSuffixHash || global.disableNameSuffixHash
        merged.immutable = immutable || global.immutable
        return merged
    }

    private static func union(local: [(String, String)], global: [(String, String)]) -> [(String, String)] {
        var out = local
        var present = Set(local.map { Array($0.0.utf8) })
        for (key, value) in global where present.insert(Array(key.utf8)).inserted {
            out.append((key, value))
        }
        return out
    }
}
