import KubeModel
import Manifests

/// One step of a build: changes the resources in place.
public protocol Transformer {
    func transform(_ resources: ResourceMap) throws
}
