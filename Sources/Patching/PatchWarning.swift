/// Something a patch did that the user probably did not mean; returned as data, printed by the
/// caller (the CLI prints `description` on stderr). Never changes the output.
public struct PatchWarning: Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A strategic merge patch replaced a StatefulSet's `spec.volumeClaimTemplates` (a list
        /// with no merge key) and the result lost a claim or some of a claim's fields.
        case claimTemplateLost
        /// `$setElementOrder/…`, `$retainKeys` or `$deleteFromPrimitiveList/…`: kustomize does not
        /// apply these, it copies them into the output as ordinary fields.
        case directiveNotApplied
    }

    public var kind: Kind
    /// The patched resource, e.g. `StatefulSet web` or `StatefulSet web (namespace prod)`.
    public var resource: String
    /// The claim template concerned (`claimTemplateLost`).
    public var claim: String?
    /// Field paths lost, relative to the claim (`spec.storageClassName`); empty when the whole
    /// claim was dropped.
    public var lostFields: [String]
    public var message: String

    public init(kind: Kind, resource: String, claim: String? = nil, lostFields: [String] = [], message: String) {
        self.kind = kind
        self.resource = resource
        self.claim = claim
        self.lostFields = lostFields
        self.message = message
    }

    public var description: String { "warning: \(message)" }
}
