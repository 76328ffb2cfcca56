import KubeModel
import Manifests
import Patching
import YAML

/// Appends the content hash to the names of generated ConfigMaps and Secrets whose
/// generator asked for it. Runs once, at the end of the top-level build, so the hash covers
/// the final data (after every layer's merges and patches).
public struct NameHashTransformer: Transformer {
    /// Whether a generated object's node history may stand for its tree; not when build
    /// metadata annotated the objects along the way.
    public var replaysNodeHistory: Bool
    /// The build's merge schema: which lists the replayed patches merged by key.
    public var schema: MergeSchema

    public init(replaysNodeHistory: Bool = true, schema: MergeSchema = .kubernetes) {
        self.replaysNodeHistory = replaysNodeHistory
        self.schema = schema
    }

    public func transform(_ resources: ResourceMap) throws {
        for resource in resources.resources where resource.generator?.needsHashSuffix == true {
            let hash: String
            do {
                let kind = resource.kind
                hash = kind == "ConfigMap" || kind == "Secret" ? try ContentHash.suffix(for: resource.object)
                    : try nodeTreeHash(resource, kind: kind)
            } catch let error as GoJSONError {
                throw Diagnostic("\(resource.id): \(error.description)", file: resource.origin)
            }
            // References written against the unhashed name must still find the resource.
            resource.rememberCurrentID()
            resource.name = "\(resource.name)-\(hash)"
        }
    }

    /// A patch changed the kind: kustomize hashes `json.Marshal` of the whole node tree, which
    /// is rebuilt from the object's history and must hold what the object holds.
    private func nodeTreeHash(_ resource: Resource, kind: String) throws -> String {
        guard replaysNodeHistory, let history = resource.generator?.nodeHistory,
              let tree = try? KyamlReplay.tree(history, schema: schema), KyamlReplay.matches(tree, resource.object) else {
            throw GoJSONError("cannot compute a name hash for kind '\(kind)': kustomize hashes a generated object whose kind a patch "
                              + "changed by its whole node tree, which is reproduced only while nothing but strategic merge "
                              + "patches without comments, anchors or lists merged by key has changed the object")
        }
        return ContentHash.suffix(forDocument: tree.goJSON())
    }
}
