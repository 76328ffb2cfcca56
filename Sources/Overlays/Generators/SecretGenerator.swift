import KubeModel
import Manifests
import YAML

/// Makes the Secret of one `secretGenerator:` entry.
enum SecretGenerator {
    /// Every value goes to `data`, base64; `type` defaults to Opaque. Unlike a ConfigMap, a
    /// Secret always has `data`, `{}` when there are no sources, and is hashed with it.
    static func make(_ args: GeneratorArgs, pairs: [KVPair]) throws -> Resource {
        let object = try GeneratedObject.skeleton(args)
        object["type"] = .scalar(.kyamlString(args.secretType.isEmpty ? "Opaque" : args.secretType))
        try GeneratedObject.checkUniqueKeys(pairs, args)
        // Keys are unique (checked above), so entries can be appended without lookups.
        // set as kyaml sets them: a wrapped (multi-line) value is a literal block, which a patch value takes
        let data = pairs.map { MapEntry(key: .string($0.key), value: .scalar(.kyamlString(WrappedBase64.encode($0.value)))) }
        object["data"] = .mapping(Mapping(data))
        GeneratedObject.applyOptions(args.options, to: object)
        return GeneratedObject.resource(object, args)
    }
}
