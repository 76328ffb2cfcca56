import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// Applies a strategic merge patch to a resource the way `patches: [{path: patch.yaml}]` does for
/// its one target, and returns kustomize-style output (or nil when the resource is deleted).
func mergedYAML(_ resource: String, _ patch: String, schema: MergeSchema = .kubernetes,
                options: StrategicMergePatch.Options = .init()) throws -> String? {
    let (out, _) = try mergedYAMLAndWarnings(resource, patch, schema: schema, options: options)
    return out
}

func mergedYAMLAndWarnings(_ resource: String, _ patch: String, schema: MergeSchema = .kubernetes,
                           options: StrategicMergePatch.Options = .init()) throws -> (String?, [PatchWarning]) {
    let target = try mapping(resource, file: "resource.yaml")
    let gvk = GVK(apiVersion: target.string("apiVersion") ?? "", kind: target.string("kind") ?? "")
    let smp = StrategicMergePatch(schema: schema, options: options)
    let (outcome, warnings) = try smp.apply(try mapping(patch, file: "patch.yaml"), to: target, gvk: gvk, patchFile: "patch.yaml")
    if outcome == .deleteResource { return (nil, warnings) }
    // kustomize drops an empty metadata.annotations from every resource on output (not a patch
    // effect: the resolver's output stage must do the same)
    if let a = target.mapping("metadata")?.mapping("annotations"), a.entries.isEmpty {
        target.mapping("metadata")?.removeValue(forKey: "annotations")
    }
    return (try emit(target), warnings)
}
