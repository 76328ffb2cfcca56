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

    /// Starts, as kustomize's accumulator does, with no field specs: the kustomization's
    /// configuration (at least the builtin one) is merged in after its resources.
    public init(resources: ResourceMap = ResourceMap(), config: TransformerConfig = .empty) {
        self.resources = resources
        self.config = config
    }

    /// kustomize's `MergeAccumulator`: a base's resources, field specs and vars.
    public func merge(_ other: Accumulator) throws {
        try resources.appendAll(other.resources)
        config = try config.merging(other.config)
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
