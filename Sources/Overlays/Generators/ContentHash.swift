import YAML

/// kustomize's name suffix for generated ConfigMaps and Secrets (api/hasher).
///
/// The object is reduced to a small JSON document, hashed with SHA-256, and the first ten
/// hex digits are kept with `0 1 3 a e` swapped for `g h k m t` (so the suffix never looks
/// like a number or contains a vowel that spells words).
enum ContentHash {
    static func suffix(for object: Mapping) throws -> String {
        let kind = object.string("kind") ?? ""
        let document: [UInt8]
        switch kind {
        case "ConfigMap": document = try encodeConfigMap(object)
        case "Secret": document = try encodeSecret(object)
        default:
            throw GoJSONError("cannot compute a name hash for kind '\(kind)': only ConfigMaps and Secrets are hashed")
        }
        return suffix(forDocument: document)
    }

    static func suffix(forDocument document: [UInt8]) -> String {
        let digest = SHA256.hash(data: document)
        var out = ""
        for byte in digest.prefix(5) {
            for nibble in [byte >> 4, byte & 0xF] {
                out.append(encodedHexDigit(nibble))
            }
        }
        return out
    }

    private static func encodedHexDigit(_ nibble: UInt8) -> Character {
        switch nibble {
        case 0x0: return "g"
        case 0x1: return "h"
        case 0x3: return "k"
        case 0xA: return "m"
        case 0xE: return "t"
        default: return Character(String(nibble, radix: 16))
        }
    }

    /// `{"binaryData":…,"data":…,"kind":"ConfigMap","name":""}`; binaryData only when it is a map.
    static func encodeConfigMap(_ object: Mapping) throws -> [UInt8] {
        var fields: [(String, GoJSONValue)] = [
            ("kind", .string("ConfigMap")),
            ("name", nameField),
            ("data", try fieldValue(object["data"])),
        ]
        if case .mapping? = object["binaryData"] {
            fields.append(("binaryData", try fieldValue(object["binaryData"])))
        }
        return GoJSONValue.object(fields).encoded()
    }

    /// `{"data":…,"kind":"Secret","name":"","stringData":…,"type":…}`; stringData only when it is a map.
    static func encodeSecret(_ object: Mapping) throws -> [UInt8] {
        var fields: [(String, GoJSONValue)] = [
            ("kind", .string("Secret")),
            ("type", try fieldValue(object["type"])),
            ("name", nameField),
            ("data", try fieldValue(object["data"])),
        ]
        if case .mapping? = object["stringData"] {
            fields.append(("stringData", try fieldValue(object["stringData"])))
        }
        return GoJSONValue.object(fields).encoded()
    }

    /// kustomize looks the name up as one field literally called `metadata/name`, which never
    /// exists, so the name is always empty in the hashed document.
    private static let nameField = GoJSONValue.string("")

    /// A missing field hashes as "", a scalar as its text, a map as a JSON object, and
    /// anything else (a list) as null, the way kustomize's lookup-then-decode treats them.
    private static func fieldValue(_ node: Node?) throws -> GoJSONValue {
        switch node {
        case nil: return .string("")
        case .scalar(let s)?: return .string(s.value)  // the node's text, `null` included
        case .mapping(let m)?: return try GoJSONValue(.mapping(m))
        case .sequence?: return .null
        }
    }
}
