import KubeModel
import YAML

/// The API server's rule for updating a StatefulSet: only some `spec` fields may change;
/// any other change is answered with "updates to statefulset spec for fields other than
/// 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy'
/// and 'minReadySeconds' are forbidden" (revisionHistoryLimit may change too).
public enum StatefulSetUpdateRule {
    public static let mutableSpecFields: Set<String> = [
        "replicas", "ordinals", "template", "updateStrategy",
        "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "revisionHistoryLimit",
    ]

    public static let explanation = "Kubernetes forbids updating StatefulSet spec fields other than replicas, ordinals, template, updateStrategy, persistentVolumeClaimRetentionPolicy, minReadySeconds and revisionHistoryLimit"

    /// The changes from `old` to `new` the API server would reject, at their exact paths and
    /// with the values as written (the comparison itself is on the values as stored).
    public static func forbiddenChanges(from old: Resource, to new: Resource) -> [FieldChange] {
        let stored = immutableChanges(normalisedSpec(old), normalisedSpec(new), FieldDiff(scalarsEqual: sameValue)).map(\.path)
        let written = immutableChanges(old.object.mapping("spec") ?? Mapping(), new.object.mapping("spec") ?? Mapping(), FieldDiff())
        return written.filter { change in stored.contains { $0.isPrefix(of: change.path) || change.path.isPrefix(of: $0) } }
    }

    private static func immutableChanges(_ old: Mapping, _ new: Mapping, _ diff: FieldDiff) -> [FieldChange] {
        var out: [FieldChange] = []
        for key in Set(old.keys).union(new.keys).sorted(by: NaturalKeyOrder.less) where !mutableSpecFields.contains(key) {
            out += diff.changes(from: old[key], to: new[key], at: FieldPath("spec", key))
        }
        return out
    }

    /// The spec as the API server stores it: defaults filled in, so writing out a default
    /// (or dropping it) is no change.
    static func normalisedSpec(_ r: Resource) -> Mapping {
        guard let spec = r.object.mapping("spec")?.deepCopy() else { return Mapping() }
        if spec["podManagementPolicy"] == nil || spec["podManagementPolicy"]?.isNull == true {
            spec["podManagementPolicy"] = .string("OrderedReady")
        }
        if spec["serviceName"]?.isNull == true { spec["serviceName"] = nil }
        for item in spec.sequence("volumeClaimTemplates")?.items ?? [] {
            guard let claimSpec = item.asMapping?.mapping("spec") else { continue }
            if claimSpec["volumeMode"] == nil || claimSpec["volumeMode"]?.isNull == true {
                claimSpec["volumeMode"] = .string("Filesystem")
            }
        }
        return spec
    }

    /// Quantities under `resources` compare by amount (`1Gi` is `1024Mi`); anything else by value.
    static func sameValue(_ path: FieldPath, _ a: Scalar, _ b: Scalar) -> Bool {
        if a == b { return true }
        guard path.segments.contains(.key("resources")) else { return false }
        return Quantity.sameAmount(a.value, b.value)
    }
}
