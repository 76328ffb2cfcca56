import KubeModel
import Manifests
import YAML

/// Builds the `Kustomization.Patch` a patch plugin config describes, so the patch
/// transformers written for `patches:` / `patchesJson6902:` can run it.
/// `Kustomization.Patch` has no public initializer, so the entry goes through the
/// kustomization decoder as a one-entry kustomization.
enum PluginPatchEntry {
    enum Field: String {
        case patches
        case patchesJson6902
    }

    static func make(_ field: Field, path: String?, patch: String?, target: Node?,
                     allowNameChange: Bool = false, allowKindChange: Bool = false,
                     mark: Mark, file: String) throws -> Kustomization.Patch {
        let entry = Mapping([], mark: mark)
        if let path { entry["path"] = .string(path) }
        if let patch { entry["patch"] = .string(patch) }
        if let target { entry["target"] = target }
        if allowNameChange || allowKindChange {
            let options = Mapping()
            options["allowNameChange"] = .scalar(Scalar(allowNameChange ? "true" : "false", tag: .bool))
            options["allowKindChange"] = .scalar(Scalar(allowKindChange ? "true" : "false", tag: .bool))
            entry["options"] = .mapping(options)
        }
        let doc = Mapping([MapEntry(key: .string(field.rawValue), value: .sequence(Sequence([.mapping(entry)])))])
        let k = try Kustomization.decode(.mapping(doc), file: file)
        guard let decoded = field == .patches ? k.patches.first : k.patchesJson6902.first else {
            throw Diagnostic("patch config could not be read", file: file, mark: mark)
        }
        return decoded
    }
}
