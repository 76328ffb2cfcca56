import KubeModel
import Manifests
import YAML

/// Makes the ConfigMap of one `configMapGenerator:` entry.
enum ConfigMapGenerator {
    /// UTF-8 values go to `data` as they are; anything else goes to `binaryData`, base64.
    static func make(_ args: GeneratorArgs, pairs: [KVPair]) throws -> Resource {
        let object = try GeneratedObject.skeleton(args)
        try GeneratedObject.checkUniqueKeys(pairs, args)
        // Keys are unique (checked above), so entries can be appended without lookups.
        var data: [MapEntry] = []
        var binaryData: [MapEntry] = []
        for pair in pairs {
            if let text = String(validatingUTF8Bytes: pair.value) {
                data.append(MapEntry(key: .string(pair.key), value: .scalar(.kyamlString(text))))
            } else {
                binaryData.append(MapEntry(key: .string(pair.key), value: .scalar(.kyamlString(WrappedBase64.encode(pair.value)))))
            }
        }
        if !data.isEmpty { object["data"] = .mapping(Mapping(data)) }
        if !binaryData.isEmpty { object["binaryData"] = .mapping(Mapping(binaryData)) }
        GeneratedObject.applyOptions(args.options, to: object)
        return GeneratedObject.resource(object, args)
    }
}
