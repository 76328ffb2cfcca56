// libFuzzer target: any bytes as a kustomization.yaml, read the way the loader reads it
// (first document, go-yaml v2 keys, last duplicate wins) and decoded strictly, never crash:
// every rejection is a Diagnostic.
import Manifests
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var tree = MemoryFileSystem()
    tree.write("/k/kustomization.yaml", bytes: bytes)
    let loader = ManifestLoader(limits: FuzzInput.limits, fileSystem: tree)
    do {
        _ = try loader.loadKustomization(in: "/k")
    } catch is Diagnostic {
    } catch {
        fatalError("a kustomization error that is not a Diagnostic: \(error)")
    }
    return 0
}

