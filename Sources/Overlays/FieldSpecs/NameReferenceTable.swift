import KubeModel
import Manifests

/// A kind whose name other resources hold, and where they hold it (kustomize's
/// `nameReference` config). When the target is renamed, every referrer field is updated.
public struct NameBackReference: Sendable {
    public var target: GVK
    public var referrers: [FieldSpec]

    public init(target: GVK, referrers: [FieldSpec]) {
        self.target = target
        self.referrers = referrers
    }
}

/// kustomize's builtin name-reference table, built from the pod-spec layout of each workload
/// so the (long) upstream list is a few lines of data here.
public enum NameReferenceTable {
    /// Workloads and the path of their pod spec.
    static let podSpecHolders: [(gvk: GVK, podSpec: String)] = [
        (GVK(version: "v1", kind: "Pod"), "spec"),
        (GVK(kind: "PodTemplate"), "template/spec"),
        (GVK(kind: "Deployment"), "spec/template/spec"),
        (GVK(kind: "ReplicaSet"), "spec/template/spec"),
        (GVK(kind: "DaemonSet"), "spec/template/spec"),
        (GVK(kind: "StatefulSet"), "spec/template/spec"),
        (GVK(kind: "Job"), "spec/template/spec"),
        (GVK(kind: "CronJob"), "spec/jobTemplate/spec/template/spec"),
    ]

    /// Workloads that name a service account, claim or priority class in their pod spec.
    static let podSpecHoldersWithRC: [(gvk: GVK, podSpec: String)] = [
        (GVK(kind: "Pod"), "spec"),
        (GVK(kind: "StatefulSet"), "spec/template/spec"),
        (GVK(kind: "Deployment"), "spec/template/spec"),
        (GVK(kind: "ReplicationController"), "spec/template/spec"),
        (GVK(kind: "CronJob"), "spec/jobTemplate/spec/template/spec"),
        (GVK(kind: "Job"), "spec/template/spec"),
        (GVK(kind: "DaemonSet"), "spec/template/spec"),
    ]

    static func inPodSpecs(_ holders: [(gvk: GVK, podSpec: String)], _ fields: [String]) -> [FieldSpec] {
        var out: [FieldSpec] = []
        for h in holders {
            for f in fields {
                out.append(FieldSpec(group: h.gvk.group, version: h.gvk.version, kind: h.gvk.kind, path: "\(h.podSpec)/\(f)"))
            }
        }
        return out
    }

    static func spec(_ kind: String, _ path: String, group: String = "", version: String = "") -> FieldSpec {
        FieldSpec(group: group, version: version, kind: kind, path: path)
    }

    public static let builtin: [NameBackReference] = {
        var refs: [NameBackReference] = []
        for workload in ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"] {
            refs.append(NameBackReference(target: GVK(kind: workload), referrers: [spec("HorizontalPodAutoscaler", "spec/scaleTargetRef/name")]))
        }
        refs.append(NameBackReference(target: GVK(version: "v1", kind: "ConfigMap"), referrers:
            inPodSpecs(podSpecHolders, [
                "volumes/configMap/name",
                "containers/env/valueFrom/configMapKeyRef/name",
                "initContainers/env/valueFrom/configMapKeyRef/name",
                "containers/envFrom/configMapRef/name",
                "initContainers/envFrom/configMapRef/name",
                "volumes/projected/sources/configMap/name",
            ]) + [
                spec("Node", "spec/configSource/configMap"),
                spec("Role", "rules/resourceNames"),
                spec("ClusterRole", "rules/resourceNames"),
                spec("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap"),
            ]))
        refs.append(NameBackReference(target: GVK(version: "v1", kind: "Secret"), referrers:
            inPodSpecs(podSpecHolders, [
                "volumes/secret/secretName",
                "containers/env/valueFrom/secretKeyRef/name",
                "initContainers/env/valueFrom/secretKeyRef/name",
                "containers/envFrom/secretRef/name",
                "initContainers/envFrom/secretRef/name",
                "imagePullSecrets/name",
                "volumes/projected/sources/secret/name",
            ]) + [
                spec("Ingress", "spec/tls/secretName"),
                spec("Ingress", "metadata/annotations/ingress.kubernetes.io\\/auth-secret"),
                spec("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret"),
                spec("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret"),
                spec("ServiceAccount", "imagePullSecrets/name"),
                spec("StorageClass", "parameters/secretName"),
                spec("StorageClass", "parameters/adminSecretName"),
                spec("StorageClass", "parameters/userSecretName"),
                spec("StorageClass", "parameters/secretRef"),
                spec("Role", "rules/resourceNames"),
                spec("ClusterRole", "rules/resourceNames"),
                spec("Service", "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", group: "serving.knative.dev", version: "v1"),
                spec("PersistentVolume", "spec/azureFile/secretName"),
            ]))
        refs.append(NameBackReference(target: GVK(version: "v1", kind: "Service"), referrers: [
            spec("StatefulSet", "spec/serviceName", group: "apps"),
            spec("Ingress", "spec/rules/http/paths/backend/serviceName"),
            spec("Ingress", "spec/backend/serviceName"),
            spec("Ingress", "spec/rules/http/paths/backend/service/name"),
            spec("Ingress", "spec/defaultBackend/service/name"),
            spec("APIService", "spec/service/name", group: "apiregistration.k8s.io"),
            spec("ValidatingWebhookConfiguration", "webhooks/clientConfig/service", group: "admissionregistration.k8s.io"),
            spec("MutatingWebhookConfiguration", "webhooks/clientConfig/service", group: "admissionregistration.k8s.io"),
            spec("HTTPRoute", "spec/rules/backendRefs/name"),
        ]))
        refs.append(NameBackReference(target: GVK(group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicy"), referrers: [
            spec("ValidatingAdmissionPolicyBinding", "spec/policyName", group: "admissionregistration.k8s.io"),
        ]))
        let rbac = "rbac.authorization.k8s.io"
        refs.append(NameBackReference(target: GVK(group: rbac, kind: "Role"), referrers: [
            spec("RoleBinding", "roleRef/name", group: rbac),
        ]))
        refs.append(NameBackReference(target: GVK(group: rbac, kind: "ClusterRole"), referrers: [
            spec("RoleBinding", "roleRef/name", group: rbac),
            spec("ClusterRoleBinding", "roleRef/name", group: rbac),
        ]))
        refs.append(NameBackReference(target: GVK(version: "v1", kind: "ServiceAccount"), referrers: [
            spec("RoleBinding", "subjects", group: rbac),
            spec("ClusterRoleBinding", "subjects", group: rbac),
        ] + inPodSpecs(podSpecHoldersWithRC, ["serviceAccountName"])))
        refs.append(NameBackReference(target: GVK(version: "v1", kind: "PersistentVolumeClaim"), referrers:
            inPodSpecs(podSpecHoldersWithRC, ["volumes/persistentVolumeClaim/claimName"])))
        refs.append(NameBackReference(target: GVK(version: "v1", kind: "PersistentVolume"), referrers: [
            spec("PersistentVolumeClaim", "spec/volumeName"),
            spec("ClusterRole", "rules/resourceNames"),
        ]))
        refs.append(NameBackReference(target: GVK(group: "storage.k8s.io", version: "v1", kind: "StorageClass"), referrers: [
            spec("PersistentVolume", "spec/storageClassName"),
            spec("PersistentVolumeClaim", "spec/storageClassName"),
            spec("StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName"),
        ]))
        refs.append(NameBackReference(target: GVK(group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass"), referrers:
            inPodSpecs(podSpecHoldersWithRC, ["priorityClassName"])))
        // Upstream writes this group as "networking.k8s.io/v1", so it never matches; kept for identical output.
        refs.append(NameBackReference(target: GVK(group: "networking.k8s.io/v1", version: "v1", kind: "IngressClass"), referrers: [
            spec("Ingress", "spec/ingressClassName"),
        ]))
        return refs
    }()
}
