// Shared by the two-part fuzz targets (linked into those that need it).
import YAML

enum FuzzInput {
    static let limits = ParseLimits(maxInputBytes: 1 << 20, maxDepth: 200, maxAliasExpansion: 100_000)

    /// The bytes before and after the first "\n---\n".
    static func halves(_ bytes: [UInt8]) -> ([UInt8], [UInt8])? {
        let marker = Array("\n---\n".utf8)
        guard bytes.count >= marker.count else { return nil }
        for i in 0...(bytes.count - marker.count) where bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker {
            return (Array(bytes[..<i]), Array(bytes[(i + marker.count)...]))
        }
        return nil
    }

    static func mapping(_ bytes: [UInt8]) -> Mapping? {
        (try? YAMLParser(limits: limits).parse(bytes: bytes, file: "fuzz.yaml"))?.first?.asMapping
    }

    /// What a transformation produced is YAML the emitter can write and the parser reads back.
    static func checkEmits(_ node: Node) {
        guard let emitted = try? YAMLEmitter().emit(node) else { return }
        if (try? YAMLParser(limits: limits).parse(bytes: emitted, file: "emitted.yaml")) == nil {
            fatalError("emitted YAML does not parse:\n" + String(decoding: emitted, as: UTF8.self))
        }
    }
}
