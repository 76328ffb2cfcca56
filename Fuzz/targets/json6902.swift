// libFuzzer target: a resource and a JSON 6902 patch (the input split at its first
// "\n---\n") apply without crashing; errors are Diagnostics; the result emits and parses.
import Patching
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let (first, second) = FuzzInput.halves(bytes), let target = FuzzInput.mapping(first) else { return 0 }
    do {
        let patch = try JSONPatch(text: String(decoding: second, as: UTF8.self), file: "patch.yaml")
        FuzzInput.checkEmits(try patch.apply(to: .mapping(target)))
    } catch is Diagnostic {
    } catch {
        fatalError("a JSON patch error that is not a Diagnostic: \(error)")
    }
    return 0
}
