import KubeModel
import Manifests

/// kustomize's default field specs: which fields of which kinds each transformer touches.
/// Written as data so a fix is a table change; `configurations:` files add to them.
public enum BuiltinFieldSpecs {
    /// Pod-template-bearing workloads and where their pod template sits.
    static let workloadTemplates: [(group: String, version: String, kind: String, template: String)] = [
        ("", "v1", "ReplicationController", "spec/template"),
        ("", "", "Deployment", "spec/template"),
        ("", "", "ReplicaSet", "spec/template"),
        ("", "", "DaemonSet", "spec/template"),
        ("apps", "", "StatefulSet", "spec/template"),
        ("batch", "", "Job", "spec/template"),
        ("batch", "", "CronJob", "spec/jobTemplate/spec/template"),
    ]

    /// `labels` with includeTemplates, and the metadata half of commonLabels.
    public static let templateLabels: [FieldSpec] = {
        var specs = [FieldSpec(path: "metadata/labels", create: true)]
        for w in workloadTemplates {
            if w.kind == "CronJob" {
                specs.append(FieldSpec(group: w.group, kind: w.kind, path: "spec/jobTemplate/metadata/labels", create: true))
            }
            specs.append(FieldSpec(group: w.group, version: w.version, kind: w.kind, path: "\(w.template)/metadata/labels", create: true))
            if w.kind == "StatefulSet" {
                specs.append(FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/volumeClaimTemplates[]/metadata/labels", create: true))
            }
        }
        return specs
    }()

    /// commonLabels and `labels` with includeSelectors: metadata plus selectors.
    public static let commonLabels: [FieldSpec] = {
        var specs: [FieldSpec] = [
            FieldSpec(version: "v1", kind: "Service", path: "spec/selector", create: true),
            FieldSpec(version: "v1", kind: "ReplicationController", path: "spec/selector", create: true),
            FieldSpec(kind: "Deployment", path: "spec/selector/matchLabels", create: true),
            FieldSpec(kind: "ReplicaSet", path: "spec/selector/matchLabels", create: true),
            FieldSpec(kind: "DaemonSet", path: "spec/selector/matchLabels", create: true),
            FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/selector/matchLabels", create: true),
            FieldSpec(group: "batch", kind: "Job", path: "spec/selector/matchLabels"),
            FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/spec/selector/matchLabels"),
            FieldSpec(group: "policy", kind: "PodDisruptionBudget", path: "spec/selector/matchLabels"),
            FieldSpec(group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/podSelector/matchLabels"),
            FieldSpec(group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/ingress/from/podSelector/matchLabels"),
            FieldSpec(group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/egress/to/podSelector/matchLabels"),
        ]
        let affinity = [
            "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
            "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
            "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
        ]
        for kind in ["Deployment", "StatefulSet"] {
            for p in affinity { specs.append(FieldSpec(group: "apps", kind: kind, path: p)) }
        }
        return specs + templateLabels
    }()

    public static let commonAnnotations: [FieldSpec] = {
        var specs = [FieldSpec(path: "metadata/annotations", create: true)]
        for w in workloadTemplates {
            if w.kind == "CronJob" {
                specs.append(FieldSpec(group: w.group, kind: w.kind, path: "spec/jobTemplate/metadata/annotations", create: true))
            }
            specs.append(FieldSpec(group: w.group, version: w.version, kind: w.kind, path: "\(w.template)/metadata/annotations", create: true))
        }
        return specs
    }()

    public static let nameAffix: [FieldSpec] = [FieldSpec(path: "metadata/name")]

    /// `metadata/namespace` of namespaced kinds and subjects named `default` are handled in
    /// NamespaceTransformer itself, as kustomize's namespace filter does.
    public static let namespace: [FieldSpec] = [
        FieldSpec(path: "metadata/namespace", create: true),
        FieldSpec(group: "apiregistration.k8s.io", kind: "APIService", path: "spec/service/namespace", create: true),
        FieldSpec(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition", path: "spec/conversion/webhook/clientConfig/service/namespace"),
    ]

    /// sts-kustomize's `storage:`: the claim-template list it looks in, and the fields it sets
    /// in each claim template (paths relative to the template).
    public static let storage = (
        claimTemplates: StatefulSetView.claimTemplatesSpec,
        size: FieldSpec.splitPath("spec/resources/requests/storage"),
        storageClassName: FieldSpec.splitPath("spec/storageClassName"),
        accessModes: FieldSpec.splitPath("spec/accessModes")
    )

    public static let replicas: [FieldSpec] = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"].map {
        FieldSpec(kind: $0, path: "spec/replicas", create: true)
    }

    public static let images: [FieldSpec] = [
        FieldSpec(path: "spec/containers[]/image", create: true),
        FieldSpec(path: "spec/initContainers[]/image", create: true),
        FieldSpec(path: "spec/template/spec/containers[]/image", create: true),
        FieldSpec(path: "spec/template/spec/initContainers[]/image", create: true),
    ]
}
