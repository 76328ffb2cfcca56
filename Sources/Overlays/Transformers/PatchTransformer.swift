import KubeModel
import Manifests
import Patching
import YAML

/// One `patches:` entry: a strategic merge or JSON 6902 patch, applied to its `target`
/// selection or, for a strategic merge patch without target, to the resource it names.
struct PatchTransformer: Transformer {
    let patch: Kustomization.Patch
    let source: PatchSource
    let applier: PatchApplier
    let file: String

    /// A strategic merge patch records itself in the node history of what it patches.
    var keepsNodeHistory: Bool {
        if case .strategicMerge = source.content { return true }
        return false
    }

    func transform(_ resources: ResourceMap) throws {
        switch source.content {
        case .strategicMerge(let patches):
            if let target = patch.target {
                if patches.count > 1 {
                    throw Diagnostic("Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field", file: file, mark: patch.mark)
                }
                let selected = try applier.select(target, in: resources, file: file)
                for p in patches {
                    try applier.merge(p, into: selected, resources: resources, file: source.file, unitingMetadata: true,
                                      allowNameChange: patch.allowNameChange, allowKindChange: patch.allowKindChange,
                                      replayText: source.replayText)
                }
                // kustomize rebuilds its map after a targeted strategic merge patch
                try resources.checkUniqueIDs()
            } else {
                // kustomize v5.5.0 crashes on such a file instead of deleting both; fail clearly.
                if patches.filter({ $0.string("$patch") == "delete" }).count > 1 {
                    throw Diagnostic("a patch file holding several '$patch: delete' documents is not supported (kustomize v5.5.0 crashes on it): put each deletion in its own patch", file: source.file)
                }
                for p in patches {
                    let r = try applier.target(of: p, in: resources, file: source.file)
                    try applier.merge(p, into: [r], resources: resources, file: source.file, unitingMetadata: false,
                                      allowNameChange: patch.allowNameChange, allowKindChange: patch.allowKindChange,
                                      replayText: source.replayText)
                }
            }
        case .json(let json):
            try applier.applyJSON(json, to: try jsonTargets(resources), file: source.file)
        case .empty:
            // kustomize applies the empty JSON patch all the same: its targets go through JSON.
            try applier.applyJSON(JSONPatch(operations: [], file: source.file), to: try jsonTargets(resources), file: source.file)
        case .undecodableJSON(let error):
            if try !jsonTargets(resources).isEmpty { throw Diagnostic(error) }
        }
    }

    private func jsonTargets(_ resources: ResourceMap) throws -> [Resource] {
        guard let target = patch.target else {
            throw Diagnostic("must specify a target for JSON patch", file: file, mark: patch.mark)
        }
        return try applier.select(target, in: resources, file: file)
    }
}

/// The deprecated `patchesStrategicMerge:`: each entry is inline patch YAML or a file path.
struct StrategicMergePatchesTransformer: Transformer {
    let patches: [(Mapping, String)]
    let applier: PatchApplier

    func transform(_ resources: ResourceMap) throws {
        for (p, file) in patches {
            let r = try applier.target(of: p, in: resources, file: file)
            try applier.merge(p, into: [r], resources: resources, file: file, unitingMetadata: true)
        }
    }

    static func load(_ entries: [Node], kustomization k: Kustomization, root: String, loader: ManifestLoader) throws -> [(Mapping, String)] {
        var out: [(Mapping, String)] = []
        for entry in entries {
            guard let text = entry.stringValue else {
                throw Diagnostic("patchesStrategicMerge entries must be strings", file: k.file, mark: entry.mark)
            }
            // As kustomize: first try the string as patch content, then as a file path.
            if let maps = try? PatchDocument.strategicMergePatches(bytes: Array(text.utf8), file: k.file, limits: loader.limits), !maps.isEmpty {
                out += maps.map { ($0, k.file) }
                continue
            }
            let full = try loader.resolveFile(text, root: root, kustomizationFile: k.file)
            out += try PatchDocument.strategicMergePatches(bytes: loader.fileSystem.readBytes(full, limit: loader.limits.maxInputBytes), file: full, limits: loader.limits).map { ($0, full) }
        }
        return out
    }
}

/// The deprecated `patchesJson6902:`: JSON patches, each with a target.
struct JSON6902PatchTransformer: Transformer {
    let patch: Kustomization.Patch
    let json: JSONPatch
    let applier: PatchApplier
    let file: String

    func transform(_ resources: ResourceMap) throws {
        guard let target = patch.target else {
            throw Diagnostic("must specify a target for patchesJson6902", file: file, mark: patch.mark)
        }
        // kustomize's PatchJson6902Transformer refuses a target without a name when it is configured.
        let name = target.asMapping?["name"]?.asScalar
        if name == nil || name?.tag == .null || name?.value.isEmpty == true {
            throw Diagnostic("must specify the target name", file: file, mark: target.mark)
        }
        try applier.applyJSON(json, to: try applier.select(target, in: resources, file: file), file: file, storingPreviousID: false)
    }
}
