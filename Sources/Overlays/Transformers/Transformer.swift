import KubeModel
import Manifests

/// One step of a build: changes the resources in place.
public protocol Transformer {
    func transform(_ resources: ResourceMap) throws
    /// Whether generated objects' node histories (`GeneratedNodeHistory`) stay true after
    /// this step: it changes nothing, or records what it changes. Otherwise the build drops
    /// them.
    var keepsNodeHistory: Bool { get }
}

extension Transformer {
    public var keepsNodeHistory: Bool { false }
}
