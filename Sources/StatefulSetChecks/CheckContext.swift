import KubeModel
import YAML

/// What every check may consult: the whole output (to find Services and budgets) and
/// whether node positions point into `Resource.origin`.
public struct CheckContext {
    public let resources: [Resource]
    /// True for rendered YAML read directly; a directory's render mixes nodes from bases and
    /// patches, so a position there could point into the wrong file.
    public let positionsAreExact: Bool

    public init(resources: [Resource], positionsAreExact: Bool) {
        self.resources = resources
        self.positionsAreExact = positionsAreExact
    }

    /// The core Service called `name` in `namespace`.
    public func service(named name: String, namespace: String) -> Resource? {
        resources.first { $0.kind == "Service" && $0.gvk.group.isEmpty && $0.name == name && $0.namespace == namespace }
    }

    /// A finding about `resource`, positioned at the first of `nodes` that has a position.
    public func finding(_ severity: Finding.Severity, _ check: String, _ resource: Resource, _ path: FieldPath,
                        _ message: String, at nodes: Node?...) -> Finding {
        var mark: Mark?
        if positionsAreExact {
            mark = nodes.lazy.compactMap { $0?.mark }.first { $0 != .none } ?? resource.object.mark
        }
        return Finding(severity, check: check, resource: ResourceRef(resource), path: path, message: message, mark: mark)
    }
}
