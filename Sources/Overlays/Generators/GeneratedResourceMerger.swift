import KubeModel
import Manifests
import YAML

/// Adds a generated ConfigMap or Secret to the build, honouring its `behavior`
/// (kustomize's appendReplaceOrMerge).
///
/// The resource it meets is found by GVK, name and namespace against every ID each
/// resource has had (so a base's ConfigMap still answers to its name before prefixes and
/// namespace changes); an empty namespace and `default` are the same.
enum GeneratedResourceMerger {
    static func absorb(_ generated: Resource, _ args: GeneratorArgs, into resources: ResourceMap) throws {
        let id = generated.id
        let matches = resources.matchingAnyID { other in
            other.gvk == id.gvk && other.name == id.name && other.isNamespaceEqual(id)
        }
        guard let existing = matches.first else {
            if args.behavior == .merge || args.behavior == .replace {
                throw args.error("behavior '\(args.behavior.rawValue)': no resource \(id) to \(args.behavior.rawValue) with (it must come from a resource or base listed earlier)")
            }
            try resources.append(generated)
            return
        }
        guard matches.count == 1 else {
            let ids = matches.map { $0.id.description }.joined(separator: ", ")
            throw args.error("found multiple objects [\(ids)] that could accept merge of \(id)")
        }
        switch args.behavior {
        case .replace:
            copyMergedMetadata(from: existing, into: generated)
        case .merge:
            copyMergedMetadata(from: existing, into: generated)
            mergeStringMap("data", from: existing, into: generated)
            mergeStringMap("binaryData", from: existing, into: generated)
            generated.origin = existing.origin
        case .create, .unspecified:
            throw args.error("id \(id) exists; behavior must be merge or replace")
        }
        resources.replace(existing, with: generated)
    }

    /// kustomize's CopyMergeMetaDataFieldsFrom: labels and annotations are unions (the new
    /// values win), the name and namespace are the existing resource's current ones, and
    /// what the build remembers about the existing resource (earlier IDs, prefixes and
    /// suffixes) carries over.
    private static func copyMergedMetadata(from existing: Resource, into generated: Resource) {
        setStringMap("labels", in: generated, to: union(existing.labels(), generated.labels()))
        setStringMap("annotations", in: generated, to: union(existing.annotations(), generated.annotations()))
        // kyaml's SetName/SetNamespace: new untagged nodes in the style of the fields they replace
        let metadata = generated.object.ensureMapping("metadata")
        metadata["name"] = .scalar(.settingText(existing.name, over: metadata["name"]?.asScalar))
        if existing.namespace.isEmpty {
            metadata.removeValue(forKey: "namespace")
        } else {
            metadata["namespace"] = .scalar(.settingText(existing.namespace, over: metadata["namespace"]?.asScalar))
        }
        generated.previousIDs = existing.previousIDs
        generated.namePrefixes = existing.namePrefixes
        generated.nameSuffixes = existing.nameSuffixes
        // kustomize v5.5.0 hashes the result only when both sides wanted a hash
        // (a ConfigMap from a plain file never does).
        let bothWantHash = (existing.generator?.needsHashSuffix ?? false) && (generated.generator?.needsHashSuffix ?? false)
        generated.generator = GeneratorInfo(behavior: generated.generator?.behavior ?? "", needsHashSuffix: bothWantHash)
    }

    /// `data` or `binaryData` becomes the union of both resources' maps, new values winning,
    /// every value written back as a generator writes it (kustomize's SetDataMap), so a later
    /// strategic merge patch takes its quoting.
    private static func mergeStringMap(_ field: String, from existing: Resource, into generated: Resource) {
        let merged = union(stringPairs(existing.object.mapping(field)), stringPairs(generated.object.mapping(field)))
        generated.object.removeValue(forKey: field)
        if !merged.isEmpty {
            generated.object[field] = .mapping(Mapping(merged.map { MapEntry(key: .string($0.0), value: .scalar(.kyamlString($0.1))) }))
        }
    }

    private static func stringPairs(_ m: Mapping?) -> [(String, String)] {
        guard let m else { return [] }
        return m.entries.map { entry in
            if case .scalar(let s) = entry.value, s.tag != .null { return (entry.key.value, s.value) }
            return (entry.key.value, "")
        }
    }

    /// The keys of `old` then the new keys of `new`; a key in both takes `new`'s value.
    /// Keys compare as bytes, like Go map keys.
    private static func union(_ old: [(String, String)], _ new: [(String, String)]) -> [(String, String)] {
        var result = old
        var position: [[UInt8]: Int] = [:]
        for (i, pair) in result.enumerated() { position[Array(pair.0.utf8)] = i }
        for pair in new {
            let key = Array(pair.0.utf8)
            if let i = position[key] {
                result[i].1 = pair.1
            } else {
                position[key] = result.count
                result.append(pair)
            }
        }
        return result
    }

    /// Sets `metadata.<field>` to the pairs, or removes it when there are none.
    private static func setStringMap(_ field: String, in resource: Resource, to pairs: [(String, String)]) {
        let metadata = resource.object.ensureMapping("metadata")
        metadata.removeValue(forKey: field)
        if !pairs.isEmpty {
            metadata[field] = .mapping(Mapping(pairs.map { MapEntry(key: .string($0.0), value: .scalar(.kyamlString($0.1))) }))
        }
    }
}
