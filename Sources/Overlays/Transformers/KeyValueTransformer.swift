import KubeModel
import Manifests
import YAML

/// Sets key/value pairs in the maps a field-spec table names: labels (commonLabels,
/// `labels:`) and annotations (commonAnnotations) are both this transformer.
public struct KeyValueTransformer: Transformer {
    public var pairs: [(String, String)]
    public var fieldSpecs: [FieldSpec]

    public init(pairs: [(String, String)], fieldSpecs: [FieldSpec]) {
        self.pairs = pairs
        self.fieldSpecs = fieldSpecs
    }

    /// With nothing to set it changes nothing.
    public var keepsNodeHistory: Bool { pairs.isEmpty }

    public func transform(_ resources: ResourceMap) throws {
        guard !pairs.isEmpty else { return }
        for r in resources.resources {
            let gvk = r.gvk
            // kyaml makes one node per key and resource, and puts that very node everywhere the
            // key is new: those places share it from then on (see `SharedValue`). Each set
            // restyles that node (`FieldSetter`): an existing field gives it its own style (and
            // gets a copy), a new one double-quotes it when YAML 1.1 would read the text as
            // another type. The shared places end with the last style, which decides what a
            // later patch value written there reads as.
            var nodes: [String: SharedValue] = [:]
            for spec in fieldSpecs where spec.gvk.selects(gvk) {
                try FieldWalker.visit(r, path: spec.path, create: spec.create, leaf: .mapping) { parent, key in
                    guard let value = parent[key] else { return }
                    guard let map = value.asMapping else {
                        if value.isNull { return }
                        throw Diagnostic("expected a map at '\(spec.pathString)' in \(r.id)", file: r.origin, mark: value.mark)
                    }
                    for (k, v) in pairs {
                        let node = nodes[k] ?? SharedValue(.string(v))
                        nodes[k] = node
                        var s = node.node.asScalar ?? .string(v)
                        if let i = map.index(of: k) {
                            s.style = map.entries[i].value.asScalar?.style ?? .plain
                            node.node = .scalar(s)
                            map.entries[i].value = .scalar(s)
                        } else {
                            if s.style == .plain && ScalarResolver.isYAML11NonString(v) { s.style = .doubleQuoted }
                            node.node = .scalar(s)
                            map.entries.append(MapEntry(key: .string(k), shared: node))
                        }
                    }
                }
            }
        }
    }
}
