/// Something a patch did that the user probably did not mean; returned as data, printed by the
/// caller (the CLI prints `description` on stderr). Never changes the output.
public struct PatchWarning: Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A strategic merge patch replaced a watched list (one with no merge key, named in
        /// `StrategicMergePatch.Options.watchedLists`) and the result lost an item or some of an
        /// item's fields.
        case listItemsLost
        /// `$setElementOrder/…`, `$retainKeys` or `$deleteFromPrimitiveList/…`: kustomize does not
        /// apply these, it copies them into the output as ordinary fields.
        case directiveNotApplied
    }

    public var kind: Kind
    /// The patched resource, e.g. `StatefulSet web` or `StatefulSet web (namespace prod)`.
    public var resource: String
    /// The replaced list, dotted (`spec.volumeClaimTemplates`), for `listItemsLost`.
    public var path: String?
    /// The item concerned, by `metadata.name` or `name` (`#2` for an unnamed second item).
    public var item: String?
    /// Field paths lost, relative to the item (`spec.storageClassName`); empty when the whole
    /// item was dropped.
    public var lostFields: [String]
    public var message: String

    public init(kind: Kind, resource: String, path: String? = nil, item: String? = nil, lostFields: [String] = [], message: String) {
        self.kind = kind
        self.resource = resource
        self.path = path
        self.item = item
        self.lostFields = lostFields
        self.message = message
    }

    public var description: String { "warning: \(message)" }
}
