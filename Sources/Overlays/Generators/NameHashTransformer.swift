import Manifests

/// Appends the content hash to the names of generated ConfigMaps and Secrets (end of build).
public struct NameHashTransformer: Transformer {
    public init() {}

    public func transform(_ resources: ResourceMap) throws {}
}
