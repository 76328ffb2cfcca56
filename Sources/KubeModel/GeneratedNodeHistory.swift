/// What kustomize did to a generated ConfigMap's or Secret's nodes since the generator made
/// it, kept while it is only strategic-merge patched. kustomize hashes an object whose kind a
/// patch changed by its whole node tree, line and column of every node included, so that
/// name suffix can only be computed by replaying these steps (`KyamlReplay`). Any other
/// transformer that runs while the object exists drops the history, and such an object's
/// hash is refused rather than guessed.
public struct GeneratedNodeHistory: Sendable {
    /// The generator's inputs, as its object holds them.
    public struct Generated: Sendable {
        public var kind: String
        public var name: String
        public var namespace: String
        /// A Secret's `type`; nil for a ConfigMap.
        public var secretType: String?
        /// Each key with its text as set (base64 for a Secret and for `binaryData`).
        public var data: [(key: String, value: String, binary: Bool)]
        public var labels: [(String, String)]
        public var annotations: [(String, String)]
        public var immutable: Bool
        /// As written in the entry; kustomize records an unknown one as `unspecified`.
        public var behavior: String
        public var needsHashSuffix: Bool

        public init(kind: String, name: String, namespace: String, secretType: String?,
                    data: [(key: String, value: String, binary: Bool)], labels: [(String, String)],
                    annotations: [(String, String)], immutable: Bool, behavior: String, needsHashSuffix: Bool) {
            self.kind = kind
            self.name = name
            self.namespace = namespace
            self.secretType = secretType
            self.data = data
            self.labels = labels
            self.annotations = annotations
            self.immutable = immutable
            self.behavior = behavior
            self.needsHashSuffix = needsHashSuffix
        }
    }

    /// One strategic merge patch applied to the object.
    public struct Patch: Sendable {
        /// The document's text exactly as kustomize parses it.
        public var text: [UInt8]
        /// A `patches:` entry with a target (kustomize patches a copy, given the target's
        /// metadata and GVK); without one the patch is merged as loaded.
        public var targeted: Bool
        public var allowNameChange: Bool
        public var allowKindChange: Bool

        public init(text: [UInt8], targeted: Bool, allowNameChange: Bool, allowKindChange: Bool) {
            self.text = text
            self.targeted = targeted
            self.allowNameChange = allowNameChange
            self.allowKindChange = allowKindChange
        }
    }

    public var generated: Generated
    public var patches: [Patch] = []

    public init(generated: Generated) {
        self.generated = generated
    }
}
