import KubeModel
import YAML

/// Every `volumeMounts` (and `volumeDevices`) entry of a container or init container must
/// name a pod volume or a claim template; the API server rejects the template otherwise.
public struct VolumeMountCheck: StatefulSetCheck {
    public static let id = "volume-mounts"

    public init() {}

    public func findings(for sts: StatefulSetView, in context: CheckContext) -> [Finding] {
        guard let podSpec = sts.podSpec else { return [] }
        let volumes = Set((podSpec.sequence("volumes")?.items ?? []).compactMap { $0.asMapping?.string("name") })
        let claims = Set(sts.claimTemplates.compactMap { StatefulSetView.claimName($0.template) })
        var out: [Finding] = []
        let podPath = FieldPath("spec", "template", "spec")
        for list in ["initContainers", "containers"] {
            for (i, item) in (podSpec.sequence(list)?.items ?? []).enumerated() {
                guard let container = item.asMapping else { continue }
                let containerName = container.string("name").map { "'\($0)'" } ?? "#\(i)"
                for field in ["volumeMounts", "volumeDevices"] {
                    for (j, entry) in (container.sequence(field)?.items ?? []).enumerated() {
                        let path = podPath.key(list).index(i).key(field).index(j).key("name")
                        let nameNode = entry.asMapping?["name"]
                        guard let name = nameNode?.stringValue, !name.isEmpty else {
                            out.append(context.finding(.error, Self.id, sts.resource, path,
                                                       "a \(field) entry of \(singular(list)) \(containerName) has no name", at: nameNode, entry))
                            continue
                        }
                        if volumes.contains(name) || claims.contains(name) { continue }
                        out.append(context.finding(.error, Self.id, sts.resource, path,
                                                   "\(field) entry '\(name)' of \(singular(list)) \(containerName) names neither a volume (spec.template.spec.volumes) nor a claim template (spec.volumeClaimTemplates)",
                                                   at: nameNode))
                    }
                }
            }
        }
        return out
    }

    private func singular(_ list: String) -> String {
        list == "initContainers" ? "init container" : "container"
    }
}
