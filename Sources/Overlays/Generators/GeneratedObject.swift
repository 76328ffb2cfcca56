import KubeModel
import Manifests
import YAML

/// The parts ConfigMaps and Secrets made by generators have in common.
enum GeneratedObject {
    /// `apiVersion: v1`, the kind, and `metadata` with the name and (when given) namespace.
    static func skeleton(_ args: GeneratorArgs) throws -> Mapping {
        guard !args.name.isEmpty else {
            throw args.error("a generated \(args.kind.rawValue) must have a name")
        }
        // kyaml sets them as strings (`SetK8sName`): a name like `123` is double-quoted, which
        // a later patch value written there takes
        let metadata = Mapping()
        metadata["name"] = .scalar(.kyamlString(args.name))
        if !args.namespace.isEmpty { metadata["namespace"] = .scalar(.kyamlString(args.namespace)) }
        let object = Mapping()
        object["apiVersion"] = .string("v1")
        object["kind"] = .string(args.kind.rawValue)
        object["metadata"] = .mapping(metadata)
        return object
    }

    /// Keys must be unique across every source of one entry. Compared as bytes, like Go
    /// strings (Swift's `==` would equate differently normalised spellings).
    static func checkUniqueKeys(_ pairs: [KVPair], _ args: GeneratorArgs) throws {
        var seen = Set<[UInt8]>()
        for pair in pairs where !seen.insert(Array(pair.key.utf8)).inserted {
            throw args.error("\(args.kind == .configMap ? "configmap" : "secret") \(args.name) illegally repeats the key `\(pair.key)`")
        }
    }

    /// Labels, annotations and `immutable: true` from the entry's options.
    static func applyOptions(_ options: GeneratorOptions?, to object: Mapping) {
        guard let options else { return }
        let metadata = object.ensureMapping("metadata")
        if !options.labels.isEmpty {
            let labels = metadata.ensureMapping("labels")
            // kyaml's `SetLabel` single-quotes the value; `SetAnnotations` later sets annotations anew
            for (key, value) in options.labels { labels[key] = .scalar(Scalar(value, tag: .string, style: .singleQuoted)) }
        }
        if !options.annotations.isEmpty {
            let annotations = metadata.ensureMapping("annotations")
            for (key, value) in options.annotations { annotations[key] = .scalar(.kyamlString(value)) }
        }
        if options.immutable {
            object["immutable"] = .scalar(Scalar("true", tag: .bool))
        }
    }

    /// The resource, flagged as generated, with the hash wanted unless the options disable it.
    static func resource(_ object: Mapping, _ args: GeneratorArgs) -> Resource {
        let resource = Resource(object: object, origin: args.file)
        let needsHashSuffix = !(args.options?.disableNameSuffixHash ?? false)
        resource.generator = GeneratorInfo(behavior: args.behavior.rawValue, needsHashSuffix: needsHashSuffix)
        func entries(_ field: String, binary: Bool) -> [(key: String, value: String, binary: Bool)] {
            object.mapping(field)?.entries.map { ($0.key.value, $0.value.asScalar?.value ?? "", binary) } ?? []
        }
        resource.generator?.nodeHistory = GeneratedNodeHistory(generated: .init(
            kind: args.kind.rawValue, name: args.name, namespace: args.namespace,
            secretType: args.kind == .secret ? (args.secretType.isEmpty ? "Opaque" : args.secretType) : nil,
            data: entries("data", binary: false) + entries("binaryData", binary: true),
            labels: args.options?.labels ?? [], annotations: args.options?.annotations ?? [],
            immutable: args.options?.immutable ?? false, behavior: args.behavior.rawValue, needsHashSuffix: needsHashSuffix))
        return resource
    }
}
