import YAML

/// One Kubernetes object in a build, with what kustomize remembers about where it came from.
public final class Resource {
    /// The object itself.
    public var object: Mapping
    /// The file it was read from (or the kustomization that generated it).
    public var origin: String
    /// Names and namespaces this resource had before prefixes, suffixes, hashes and
    /// namespace changes, oldest first; references written against them still resolve.
    public var previousIDs: [ResourceID] = []
    /// Set for ConfigMaps and Secrets made by a generator.
    public var generator: GeneratorInfo?
    /// Prefixes and suffixes added to the name so far, innermost first; name references
    /// prefer targets that were renamed the same way as the referrer.
    public var namePrefixes: [String] = []
    public var nameSuffixes: [String] = []

    public init(object: Mapping, origin: String) {
        self.object = object
        self.origin = origin
    }

    public var apiVersion: String { object.string("apiVersion") ?? "" }
    public var kind: String { object.string("kind") ?? "" }
    public var gvk: GVK { GVK(apiVersion: apiVersion, kind: kind) }
    public var metadata: Mapping? { object.mapping("metadata") }

    public var name: String {
        get { metadata?.string("name") ?? "" }
        set { object.ensureMapping("metadata")["name"] = .string(newValue) }
    }

    public var namespace: String {
        get { metadata?.string("namespace") ?? "" }
        set {
            if newValue.isEmpty {
                metadata?.removeValue(forKey: "namespace")
            } else {
                object.ensureMapping("metadata")["namespace"] = .string(newValue)
            }
        }
    }

    public var id: ResourceID { ResourceID(gvk: gvk, name: name, namespace: namespace) }

    /// The ID the resource had when first read: what patches and `replicas:` match.
    public var originalID: ResourceID { previousIDs.first ?? id }

    /// Whether `otherID` is this resource's current or any earlier identity.
    public func wasEverCalled(_ otherID: ResourceID) -> Bool {
        otherID == id || previousIDs.contains(otherID)
    }

    public func labels() -> [(String, String)] { stringPairs(metadata?.mapping("labels")) }
    public func annotations() -> [(String, String)] { stringPairs(metadata?.mapping("annotations")) }

    /// kyaml's `GetLabels`/`GetAnnotations`: every value's text as written, whatever its type
    /// (`~` stays `~`, a null written `null` is "null").
    private func stringPairs(_ m: Mapping?) -> [(String, String)] {
        guard let m else { return [] }
        return m.entries.map { ($0.key.value, $0.value.asScalar?.value ?? "") }
    }

    /// Records the current ID before a transformer renames or moves the resource.
    /// Whether kustomize would hold build annotations (earlier names, generator options) in
    /// this resource's `metadata.annotations` while it builds: the map then exists, even
    /// though they are all removed at the end.
    public var hasBuildAnnotations: Bool { !previousIDs.isEmpty || generator != nil }

    /// kyaml's `GetValidatedMetadata`, which kustomize applies to what it loads and to what
    /// it builds: a kind, and a name unless the kind is a list (Kustomize v5.5.0 has no
    /// `generateName` support: such a resource is this error too).
    /// kustomize's checks on a resource's kind and name. Read from a file the name is typed
    /// (`name: null` is missing); at the end of a build it is the field's text, so a name a
    /// replacement set to `~` or `null` passes and only an empty one is missing.
    public func validateMetadata(nameAsText: Bool = false) throws {
        let kind = self.kind
        if kind.isEmpty {
            throw Diagnostic("missing kind in resource", file: origin, mark: object.mark)
        }
        let missingName = nameAsText ? (metadata?["name"]?.asScalar?.value ?? "").isEmpty : name.isEmpty
        if missingName && !kind.hasSuffix("List") {
            throw Diagnostic("missing metadata.name in \(kind) resource", file: origin, mark: object.mark)
        }
    }

    public func rememberCurrentID() {
        let current = id
        if previousIDs.last != current { previousIDs.append(current) }
    }

    /// kustomize keeps the earlier IDs in three comma-joined annotations (names, namespaces,
    /// kinds; an empty value is left out) and reads them back by splitting at commas. When a
    /// recorded name or kind holds a comma, or is empty, the three counts differ and kustomize
    /// panics the next time it asks for the original ID, which its name-reference step does
    /// for every resource at the end of a build.
    public func checkPreviousIDsReadBack() throws {
        guard !previousIDs.isEmpty else { return }
        // pieces a split of the joined annotation gives; nil when nothing was joined (no annotation)
        func pieces(_ values: [String]) -> Int? {
            var count = 0, written = false
            for v in values where !v.isEmpty {
                written = true
                count += 1 + v.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
            }
            return written ? count : nil
        }
        guard let names = pieces(previousIDs.map(\.name)) else { return }
        // a missing annotation reads as "", which splits into one piece
        let namespaces = pieces(previousIDs.map { $0.namespace.isEmpty ? "default" : $0.namespace }) ?? 1
        let kinds = pieces(previousIDs.map(\.gvk.kind)) ?? 1
        guard names != namespaces || names != kinds else { return }
        throw Diagnostic("\(id): kustomize cannot read back the earlier names it recorded (one holds a comma or is empty) and "
                         + "panics: number of previous names, number of previous namespaces, number of previous kinds not equal",
                         file: origin)
    }

    public func deepCopy() -> Resource {
        let r = Resource(object: object.deepCopy(), origin: origin)
        r.previousIDs = previousIDs
        r.generator = generator
        r.namePrefixes = namePrefixes
        r.nameSuffixes = nameSuffixes
        return r
    }
}

/// What a ConfigMap/Secret generator asked for, kept for later layers' `behavior: merge|replace`.
public struct GeneratorInfo {
    public var behavior: String
    public var needsHashSuffix: Bool
    /// Set while only strategic merge patches have touched the object (see the type).
    public var nodeHistory: GeneratedNodeHistory?

    public init(behavior: String = "create", needsHashSuffix: Bool = true) {
        self.behavior = behavior
        self.needsHashSuffix = needsHashSuffix
    }
}
