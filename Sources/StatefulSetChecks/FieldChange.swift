import KubeModel
import YAML

/// One difference between two versions of a resource.
public struct FieldChange {
    public enum Kind: String, Sendable {
        case added, removed, changed
        /// Items matched by name are all there, in another order.
        case reordered
    }

    public var kind: Kind
    public var path: FieldPath
    public var old: Node?
    public var new: Node?

    public init(_ kind: Kind, _ path: FieldPath, old: Node?, new: Node?) {
        self.kind = kind
        self.path = path
        self.old = old
        self.new = new
    }
}
