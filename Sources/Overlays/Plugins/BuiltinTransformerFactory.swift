import KubeModel
import Manifests
import Patching
import YAML

/// Makes the transformer a builtin transformer plugin config describes, reusing the
/// transformers behind the kustomization fields (kustomize turns those fields into the
/// very same plugin configs). A config gets only the field specs it lists: kustomize adds
/// its default tables only for the kustomization fields.
struct BuiltinTransformerFactory {
    let loader: ManifestLoader
    let applier: PatchApplier

    /// `k` and `root` are the kustomization listing the config: paths in a config are
    /// relative to it, wherever the config itself was read from.
    func make(_ config: PluginConfig, kind: BuiltinPluginKind, kustomization k: Kustomization, root: String) throws -> Transformer {
        let context = "\(config.kind) config"
        let object = Node.mapping(config.resource.object)
        switch kind {
        case .annotationsTransformer:
            let f = try PluginConfigFields(object, file: config.file, context: context)
            return KeyValueTransformer(pairs: try f.stringMap("annotations") ?? [], fieldSpecs: try f.fieldSpecs() ?? [])
        case .labelTransformer:
            let f = try PluginConfigFields(object, file: config.file, context: context)
            return KeyValueTransformer(pairs: try f.stringMap("labels") ?? [], fieldSpecs: try f.fieldSpecs() ?? [])
        case .namespaceTransformer:
            return try namespaceTransformer(config, context: context)
        case .prefixSuffixTransformer, .prefixTransformer, .suffixTransformer:
            return try affixTransformer(config, kind: kind, context: context)
        case .imageTagTransformer:
            let f = try PluginConfigFields(object, file: config.file, context: context)
            let tag = try f.object("imageTag")
            let image = Kustomization.Image(
                name: try tag?.string("name") ?? "", newName: try tag?.string("newName"), newTag: try tag?.string("newTag"),
                digest: try tag?.string("digest"), tagSuffix: try tag?.string("tagSuffix"), mark: config.resource.object.mark)
            return try ImageTransformer(image: image, fieldSpecs: try f.fieldSpecs() ?? [], file: config.file)
        case .replicaCountTransformer:
            let f = try PluginConfigFields(object, file: config.file, context: context)
            let replica = try f.object("replica")
            let entry = Kustomization.Replica(name: try replica?.string("name") ?? "", count: try replica?.int("count") ?? 0,
                                              mark: config.resource.object.mark)
            return ReplicaTransformer(replicas: [entry], fieldSpecs: try f.fieldSpecs() ?? [], file: config.file)
        case .patchTransformer:
            return try patchTransformer(config, kustomization: k, root: root, context: context)
        case .patchStrategicMergeTransformer:
            return try strategicMergeTransformer(config, kustomization: k, root: root, context: context)
        case .patchJson6902Transformer:
            return try json6902Transformer(config, kustomization: k, root: root, context: context)
        case .replacementTransformer:
            return try ReplacementTransformer(pluginConfig: object, file: config.file, kustomizationFile: k.file, root: root, loader: loader)
        case .hashTransformer:
            return NameHashTransformer()
        case .valueAddTransformer:
            return try valueAddTransformer(config, kustomization: k, root: root, context: context)
        case .configMapGenerator, .secretGenerator, .iamPolicyGenerator, .helmChartInflationGenerator:
            throw config.error("plugin \(config.idText) not a transformer")
        }
    }

    private func namespaceTransformer(_ config: PluginConfig, context: String) throws -> Transformer {
        let f = try PluginConfigFields(.mapping(config.resource.object), file: config.file, context: context)
        let modeText = try f.string("setRoleBindingSubjects") ?? ""
        let mode: PluginNamespaceTransformer.SubjectMode
        if modeText.isEmpty {
            mode = .defaultOnly
        } else if let parsed = PluginNamespaceTransformer.SubjectMode(rawValue: modeText) {
            mode = parsed
        } else {
            throw config.error("invalid value \"\(modeText)\" for setRoleBindingSubjects: must be one of \"defaultOnly\", \"none\" or \"allServiceAccounts\"")
        }
        return PluginNamespaceTransformer(
            namespace: try f.object("metadata")?.string("namespace") ?? "",
            fieldSpecs: try f.fieldSpecs() ?? [],
            unsetOnly: try f.bool("unsetOnly") ?? false,
            subjects: mode)
    }

    /// These three read their config as plain YAML: field names match exactly.
    private func affixTransformer(_ config: PluginConfig, kind: BuiltinPluginKind, context: String) throws -> Transformer {
        let f = try PluginConfigFields(.mapping(config.resource.object), file: config.file, context: context, keys: .exact)
        guard let specs = try f.fieldSpecs() else {
            throw config.error("plugin \(config.idText) fails configuration: fieldSpecs is not expected to be nil")
        }
        let prefix = kind == .suffixTransformer ? "" : try f.string("prefix") ?? ""
        let suffix = kind == .prefixTransformer ? "" : try f.string("suffix") ?? ""
        return TransformerChain(steps: [
            NameAffixTransformer(prefix, position: .prefix, fieldSpecs: specs),
            NameAffixTransformer(suffix, position: .suffix, fieldSpecs: specs),
        ])
    }

    private func patchTransformer(_ config: PluginConfig, kustomization k: Kustomization, root: String, context: String) throws -> Transformer {
        let f = try PluginConfigFields(.mapping(config.resource.object), file: config.file, context: context)
        let path = try f.string("path").flatMap { $0.isEmpty ? nil : $0 }
        let text = try f.string("patch")
        // `options` is a map of booleans, so its keys match exactly.
        let options = try f.object("options").map { try PluginConfigFields(.mapping($0.mapping), file: config.file, context: "\(context) options", keys: .exact) }
        let hasText = !(text ?? "").trimmingWhitespace().isEmpty
        if path == nil && !hasText {
            throw config.error("plugin \(config.idText) fails configuration: must specify one of patch and path")
        }
        if path != nil && hasText {
            throw config.error("plugin \(config.idText) fails configuration: patch and path can't be set at the same time")
        }
        let mark = config.resource.object.mark
        let patch = try PluginPatchEntry.make(
            .patches, path: path, patch: text, target: try selector(f, context: context).map(Node.mapping),
            allowNameChange: try options?.bool("allowNameChange") ?? false,
            allowKindChange: try options?.bool("allowKindChange") ?? false,
            mark: mark, file: config.file)
        let source = try PatchSource.load(path: path, inline: text, kustomization: k, root: root, loader: loader, mark: mark)
        return PatchTransformer(patch: patch, source: source, applier: applier, file: config.file)
    }

    private func strategicMergeTransformer(_ config: PluginConfig, kustomization k: Kustomization, root: String, context: String) throws -> Transformer {
        let f = try PluginConfigFields(.mapping(config.resource.object), file: config.file, context: context)
        let paths = try f.stringList("paths") ?? []
        let text = try f.string("patches") ?? ""
        if paths.isEmpty && text.isEmpty {
            throw config.error("plugin \(config.idText) fails configuration: empty file path and empty patch content")
        }
        // Each `paths` entry is inline patch YAML or a file, as in `patchesStrategicMerge:`.
        var patches = try StrategicMergePatchesTransformer.load(paths.map { Node.string($0) }, kustomization: k, root: root, loader: loader)
        if !text.isEmpty {
            let docs: [Node]
            docs = try loader.parseDocuments(text, file: config.file)
            for doc in docs where !doc.isNull {
                guard let m = doc.asMapping else {
                    throw config.error("\(context): 'patches' must hold strategic merge patches (YAML objects)")
                }
                if !m.entries.isEmpty { patches.append((m, config.file)) }
            }
        }
        if patches.isEmpty {
            throw config.error("plugin \(config.idText) fails configuration: patch appears to be empty")
        }
        return StrategicMergePatchesTransformer(patches: patches, applier: applier)
    }

    private func json6902Transformer(_ config: PluginConfig, kustomization k: Kustomization, root: String, context: String) throws -> Transformer {
        let f = try PluginConfigFields(.mapping(config.resource.object), file: config.file, context: context)
        guard let target = try selector(f, context: context).map(Node.mapping) else {
            throw config.error("plugin \(config.idText) fails configuration: must specify a target")
        }
        let path = try f.string("path").flatMap { $0.isEmpty ? nil : $0 }
        let op = try f.string("jsonOp") ?? ""
        if path == nil && op.isEmpty {
            throw config.error("plugin \(config.idText) fails configuration: empty file path and empty jsonOp")
        }
        if path != nil && !op.isEmpty {
            throw config.error("plugin \(config.idText) fails configuration: must specify a file path or jsonOp, not both")
        }
        let mark = config.resource.object.mark
        let patch = try PluginPatchEntry.make(.patchesJson6902, path: path, patch: op.isEmpty ? nil : op, target: target, mark: mark, file: config.file)
        let source = try PatchSource.load(path: path, inline: op, kustomization: k, root: root, loader: loader, mark: mark, reading: .json6902)
        guard case .json(let json) = source.content else {
            throw config.error("plugin \(config.idText) fails configuration: the patch is not a JSON 6902 patch (a list of operations)")
        }
        return JSON6902PatchTransformer(patch: patch, json: json, applier: applier, file: config.file)
    }

    private func valueAddTransformer(_ config: PluginConfig, kustomization k: Kustomization, root: String, context: String) throws -> Transformer {
        let f = try PluginConfigFields(.mapping(config.resource.object), file: config.file, context: context)
        var value = (try f.string("value") ?? "").trimmingWhitespace()
        if value.isEmpty { value = GoPath.base(root) }
        var entries = try targetEntries(f, file: config.file, context: context)
        if let targetFile = try f.string("targetFilePath"), !targetFile.isEmpty {
            let (path, bytes) = try loader.readFile(targetFile, root: root, kustomizationFile: k.file)
            let docs: [Node]
            docs = try loader.parseDocuments(bytes: bytes, file: path)
            if let doc = docs.first {
                let tf = try PluginConfigFields(doc, file: path, context: "\(context) targetFilePath")
                entries += try targetEntries(tf, file: path, context: context)
            }
        }
        if entries.isEmpty { throw config.error("must specify at least one target") }
        let targets = try entries.map { entry -> ValueAddTransformer.Target in
            let fieldPath = try entry.string("fieldPath") ?? ""
            if fieldPath.isEmpty { throw config.error("fieldPath cannot be empty") }
            let position = try entry.int("filePathPosition") ?? 0
            if position < 0 { throw config.error("value of FilePathPosition (\(position)) cannot be negative") }
            let selector: PatchSelector?
            selector = try self.selector(entry, key: "selector", context: context).flatMap { try PatchSelector(from: $0, file: config.file) }
            return ValueAddTransformer.Target(selector: selector, path: FieldSpec.splitPath(fieldPath), filePathPosition: position)
        }
        return ValueAddTransformer(value: value, targets: targets, file: config.file)
    }

    private func targetEntries(_ f: PluginConfigFields, file: String, context: String) throws -> [PluginConfigFields] {
        guard let v = f.node("targets") else { return [] }
        guard let seq = v.asSequence else {
            throw Diagnostic("\(context): 'targets' must be a list", file: file, mark: v.mark)
        }
        return try seq.items.filter { !$0.isNull }.map { try PluginConfigFields($0, file: file, context: "\(context) target") }
    }

    /// A patch `target` as the plugin reads it (kustomize's Selector through JSON): the
    /// known fields in any case, unknown ones dropped, values as text.
    private func selector(_ f: PluginConfigFields, key: String = "target", context: String) throws -> Mapping? {
        guard let t = try f.object(key) else { return nil }
        let clean = Mapping([], mark: t.mapping.mark)
        for key in ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"] {
            if let value = try t.string(key) { clean[key] = .string(value) }
        }
        return clean
    }
}
