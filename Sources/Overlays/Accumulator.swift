import KubeModel
import Manifests
import YAML

/// What one kustomization has built so far: its resources and the field-spec
/// configuration its bases passed up.
public final class Accumulator {
    public var resources: ResourceMap
    public var config: TransformerConfig
    /// `vars:` declared here and in bases, resolved once at the end of the build.
    public var vars: [VarDeclaration] = []

    public init(resources: ResourceMap = ResourceMap(), config: TransformerConfig = .builtin) {
        self.resources = resources
        self.config = config
    }

    public func merge(_ other: Accumulator) throws {
        try resources.appendAll(other.resources)
        config.merge(other.config)
        try mergeVars(other.vars)
    }

    public func mergeVars(_ more: [VarDeclaration]) throws {
        for v in more {
            if vars.contains(where: { $0.name == v.name }) {
                throw Diagnostic("var '\(v.name)' already encountered", file: v.file)
            }
            vars.append(v)
        }
    }
}
