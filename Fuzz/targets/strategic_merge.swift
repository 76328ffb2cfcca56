// libFuzzer target: a resource and a strategic merge patch (the input split at its first
// "\n---\n") merge without crashing under the Kubernetes schema, and the result emits and
// parses again. Errors are Diagnostics.
import KubeModel
import Patching
import YAML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let (first, second) = FuzzInput.halves(bytes),
          let target = FuzzInput.mapping(first), let patch = FuzzInput.mapping(second) else { return 0 }
    let gvk = GVK(apiVersion: target.string("apiVersion") ?? "apps/v1", kind: target.string("kind") ?? "StatefulSet")
    let smp = StrategicMergePatch(options: .init(watchedLists: [StatefulSetView.claimTemplatesSpec]))
    do {
        _ = try smp.apply(patch, to: target, gvk: gvk, patchFile: "patch.yaml")
    } catch is Diagnostic {
        return 0
    } catch {
        fatalError("a merge error that is not a Diagnostic: \(error)")
    }
    FuzzInput.checkEmits(.mapping(target))
    return 0
}
