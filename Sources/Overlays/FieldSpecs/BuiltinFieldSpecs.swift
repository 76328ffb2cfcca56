import KubeModel
import Manifests

/// kustomize v5.5.0's default field specs (`api/internal/konfig/builtinpluginconsts`): which
/// fields of which kinds each transformer touches. Each table lists its specs in kustomize's
/// order: kustomize sorts the tables with Go's unstable sort, so the order they start in
/// decides the order of specs of one GVK. `configurations:` files add to them.
public enum BuiltinFieldSpecs {
    /// commonLabels and `labels` with includeSelectors: selectors, then the metadata labels.
    public static let commonLabels: [FieldSpec] = labelSelectors + templateLabels

    /// The selectors commonLabels sets besides the metadata labels.
    static let labelSelectors: [FieldSpec] = [
        FieldSpec(version: "v1", kind: "Service", path: "spec/selector", create: true),
        FieldSpec(version: "v1", kind: "ReplicationController", path: "spec/selector", create: true),
        FieldSpec(kind: "Deployment", path: "spec/selector/matchLabels", create: true),
        FieldSpec(group: "apps", kind: "Deployment", path: "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "Deployment", path: "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "Deployment", path: "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "Deployment", path: "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "Deployment", path: "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels"),
        FieldSpec(kind: "ReplicaSet", path: "spec/selector/matchLabels", create: true),
        FieldSpec(kind: "DaemonSet", path: "spec/selector/matchLabels", create: true),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/selector/matchLabels", create: true),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels"),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels"),
        FieldSpec(group: "batch", kind: "Job", path: "spec/selector/matchLabels"),
        FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/spec/selector/matchLabels"),
        FieldSpec(group: "policy", kind: "PodDisruptionBudget", path: "spec/selector/matchLabels"),
        FieldSpec(group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/podSelector/matchLabels"),
        FieldSpec(group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/ingress/from/podSelector/matchLabels"),
        FieldSpec(group: "networking.k8s.io", kind: "NetworkPolicy", path: "spec/egress/to/podSelector/matchLabels"),
    ]

    /// `labels` with includeTemplates: metadata and pod-template labels.
    public static let templateLabels: [FieldSpec] = [
        FieldSpec(path: "metadata/labels", create: true),
        FieldSpec(version: "v1", kind: "ReplicationController", path: "spec/template/metadata/labels", create: true),
        FieldSpec(kind: "Deployment", path: "spec/template/metadata/labels", create: true),
        FieldSpec(kind: "ReplicaSet", path: "spec/template/metadata/labels", create: true),
        FieldSpec(kind: "DaemonSet", path: "spec/template/metadata/labels", create: true),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/template/metadata/labels", create: true),
        FieldSpec(group: "apps", kind: "StatefulSet", path: "spec/volumeClaimTemplates[]/metadata/labels", create: true),
        FieldSpec(group: "batch", kind: "Job", path: "spec/template/metadata/labels", create: true),
        FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/metadata/labels", create: true),
        FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/spec/template/metadata/labels", create: true),
    ]

    /// commonAnnotations (StatefulSet without a group, as kustomize lists it).
    public static let commonAnnotations: [FieldSpec] = [
        FieldSpec(path: "metadata/annotations", create: true),
        FieldSpec(version: "v1", kind: "ReplicationController", path: "spec/template/metadata/annotations", create: true),
        FieldSpec(kind: "Deployment", path: "spec/template/metadata/annotations", create: true),
        FieldSpec(kind: "ReplicaSet", path: "spec/template/metadata/annotations", create: true),
        FieldSpec(kind: "DaemonSet", path: "spec/template/metadata/annotations", create: true),
        FieldSpec(kind: "StatefulSet", path: "spec/template/metadata/annotations", create: true),
        FieldSpec(group: "batch", kind: "Job", path: "spec/template/metadata/annotations", create: true),
        FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/metadata/annotations", create: true),
        FieldSpec(group: "batch", kind: "CronJob", path: "spec/jobTemplate/spec/template/metadata/annotations", create: true),
    ]

    public static let nameAffix: [FieldSpec] = [FieldSpec(path: "metadata/name")]

    /// `namespace:` besides `metadata/namespace` of namespaced kinds and role-binding subjects,
    /// which the namespace transformer sets itself, as kustomize's namespace filter does.
    public static let namespace: [FieldSpec] = [
        FieldSpec(kind: "Namespace", path: "metadata/name", create: true),
        FieldSpec(group: "apiregistration.k8s.io", kind: "APIService", path: "spec/service/namespace", create: true),
        FieldSpec(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition", path: "spec/conversion/webhook/clientConfig/service/namespace"),
    ]

    /// `replicas:`.
    public static let replicas: [FieldSpec] = [
        FieldSpec(kind: "Deployment", path: "spec/replicas", create: true),
        FieldSpec(kind: "ReplicationController", path: "spec/replicas", create: true),
        FieldSpec(kind: "ReplicaSet", path: "spec/replicas", create: true),
        FieldSpec(kind: "StatefulSet", path: "spec/replicas", create: true),
    ]

    /// `images:`.
    public static let images: [FieldSpec] = [
        FieldSpec(path: "spec/containers[]/image", create: true),
        FieldSpec(path: "spec/initContainers[]/image", create: true),
        FieldSpec(path: "spec/template/spec/containers[]/image", create: true),
        FieldSpec(path: "spec/template/spec/initContainers[]/image", create: true),
    ]

    /// sts-kustomize's `storage:`: the claim-template list it looks in, and the fields it sets
    /// in each claim template (paths relative to the template).
    public static let storage = (
        claimTemplates: StatefulSetView.claimTemplatesSpec,
        size: FieldSpec.splitPath("spec/resources/requests/storage"),
        storageClassName: FieldSpec.splitPath("spec/storageClassName"),
        accessModes: FieldSpec.splitPath("spec/accessModes")
    )
}
