import KubeModel
import Manifests
import YAML

/// `namePrefix:` or `nameSuffix:` — renames resources, remembering the old IDs so that
/// references can be fixed at the end of the build.
public struct NameAffixTransformer: Transformer {
    public enum Position { case prefix, suffix }

    public var affix: String
    public var position: Position
    public var fieldSpecs: [FieldSpec]

    /// Kinds kustomize never renames.
    static let skipped: [GVK] = [
        GVK(kind: "CustomResourceDefinition"),
        GVK(group: "apiregistration.k8s.io", kind: "APIService"),
        GVK(kind: "Namespace"),
    ]

    public init(_ affix: String, position: Position, fieldSpecs: [FieldSpec]) {
        self.affix = affix
        self.position = position
        self.fieldSpecs = fieldSpecs
    }

    /// With nothing to set it changes nothing.
    public var keepsNodeHistory: Bool { affix.isEmpty }

    public func transform(_ resources: ResourceMap) throws {
        guard !affix.isEmpty else { return }
        for r in resources.resources {
            let orgGVK = r.originalID.gvk
            if Self.skipped.contains(where: { $0.selects(orgGVK) }) { continue }
            for spec in fieldSpecs where spec.gvk.selects(orgGVK) {
                if spec.path == ["metadata", "name"] {
                    switch position {
                    case .prefix: r.namePrefixes.append(affix)
                    case .suffix: r.nameSuffixes.append(affix)
                    }
                    r.rememberCurrentID()
                }
                try FieldWalker.visit(r, path: spec.path, create: false, leaf: nil) { parent, key in
                    guard let s = parent[key]?.asScalar, s.tag != .null else { return }
                    parent[key] = .scalar(.settingText(position == .prefix ? affix + s.value : s.value + affix, over: s))
                }
            }
        }
    }
}
