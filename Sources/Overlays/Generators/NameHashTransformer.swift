import KubeModel
import Manifests
import YAML

/// Appends the content hash to the names of generated ConfigMaps and Secrets whose
/// generator asked for it. Runs once, at the end of the top-level build, so the hash covers
/// the final data (after every layer's merges and patches).
public struct NameHashTransformer: Transformer {
    public init() {}

    public func transform(_ resources: ResourceMap) throws {
        for resource in resources.resources where resource.generator?.needsHashSuffix == true {
            let hash: String
            do {
                hash = try ContentHash.suffix(for: resource.object)
            } catch let error as GoJSONError {
                throw Diagnostic("\(resource.id): \(error.description)", file: resource.origin)
            }
            // References written against the unhashed name must still find the resource.
            resource.rememberCurrentID()
            resource.name = "\(resource.name)-\(hash)"
        }
    }
}
