// libFuzzer target: the YAML parser never crashes on any bytes, and what it accepts emits
// and re-parses to a stable text (parse → emit → parse → emit gives the same bytes).
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = ParseLimits(maxInputBytes: 1 << 20, maxDepth: 200, maxAliasExpansion: 100_000)
    guard let docs = try? YAMLParser(limits: limits).parse(bytes: bytes, file: "fuzz.yaml") else { return 0 }
    for doc in docs {
        guard let once = try? YAMLEmitter().emit(doc) else { continue }
        guard let again = try? YAMLParser(limits: limits).parse(bytes: once, file: "emitted.yaml") else {
            fatalError("emitted YAML does not parse:\n" + String(decoding: once, as: UTF8.self))
        }
        guard let first = again.first, let twice = try? YAMLEmitter().emit(first) else { continue }
        if twice != once {
            fatalError("emit is not stable:\n" + String(decoding: once, as: UTF8.self) + "\n---\n" + String(decoding: twice, as: UTF8.self))
        }
    }
    return 0
}
