import Manifests

/// What one kustomization has built so far: its resources and the field-spec
/// configuration its bases passed up.
public final class Accumulator {
    public var resources: ResourceMap
    public var config: TransformerConfig

    public init(resources: ResourceMap = ResourceMap(), config: TransformerConfig = .builtin) {
        self.resources = resources
        self.config = config
    }

    public func merge(_ other: Accumulator) throws {
        try resources.appendAll(other.resources)
        config.merge(other.config)
    }
}
