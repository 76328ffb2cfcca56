import KubeModel
import Manifests
import Patching
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
                // kustomize's prefix/suffix filter: the field is created with `create`, a null's
                // text is affixed like any other, and a map or list is an error
                try FieldWalker.visit(r, path: spec.path, create: spec.create, leaf: .scalar) { parent, key in
                    guard let value = parent[key] else { return }
                    guard let s = value.asScalar else {
                        throw Diagnostic("considering field '\(spec.pathString)' of object \(r.id.kustomizeText): wrong node kind: expected ScalarNode but got \(value.kindName): node contents:\n\(value.snippet)",
                                         file: r.origin, mark: value.mark)
                    }
                    parent[key] = .scalar(.settingText(position == .prefix ? affix + s.value : s.value + affix, over: s))
                }
            }
        }
    }
}
