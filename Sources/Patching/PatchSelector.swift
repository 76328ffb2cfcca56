import KubeModel
import YAML

// Public API
//   let selector = try PatchSelector(from: targetMapping, file: "kustomization.yaml")
//   let hits = try selector.select(resources)        // or: try selector.matches(resource)
//
// kustomize's `resmap.Select` for a patch `target:`:
// - group, version, kind, name, namespace are regular expressions anchored at both ends; an
//   absent or empty one matches anything; an invalid one is an error at once (`init` throws);
// - name and namespace match if EITHER the resource's original ID (before prefixes, suffixes
//   and namespace changes of this and earlier layers) or its current ID matches;
// - namespaces are compared as kustomize's "effective namespace": no namespace is `default`,
//   and cluster-scoped kinds have none (`_non_namespaceable_`), so `namespace: x` never selects
//   a ClusterRole;
// - group/version/kind match the current GVK;
// - labelSelector / annotationSelector use Kubernetes label selector syntax (LabelSelector).
//   As in kustomize, a malformed selector is only an error once a resource reaches that test
//   (i.e. passed the name, namespace and GVK tests), so `matches` throws.
// - unknown fields in `target:` are an error (kustomize: `json: unknown field "x"`).

/// Which resources a patch applies to.
public struct PatchSelector: Sendable {
    public let group: String
    public let version: String
    public let kind: String
    public let name: String
    public let namespace: String
    public let labelSelector: String
    public let annotationSelector: String

    private let groupPattern: AnchoredPattern
    private let versionPattern: AnchoredPattern
    private let kindPattern: AnchoredPattern
    private let namePattern: AnchoredPattern
    private let namespacePattern: AnchoredPattern
    private let labels: Result<LabelSelector, Diagnostic>?
    private let annotations: Result<LabelSelector, Diagnostic>?

    static let fields = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"]

    /// From a kustomization's `target:` mapping.
    public init(from mapping: Mapping, file: String) throws {
        var values: [String: String] = [:]
        for e in mapping.entries {
            let key = e.key.value
            guard Self.fields.contains(key) else {
                throw Diagnostic(file: file, mark: e.key.mark, message: "unknown field \"\(key)\" in patch target")
            }
            switch e.value {
            case .scalar(let s) where s.tag == .null:
                values[key] = ""
            case .scalar(let s) where s.tag == .string:
                values[key] = s.value
            default:
                throw Diagnostic(file: file, mark: e.value.mark, message: "patch target field \(key) must be a string")
            }
        }
        do {
            try self.init(group: values["group"] ?? "", version: values["version"] ?? "", kind: values["kind"] ?? "",
                          name: values["name"] ?? "", namespace: values["namespace"] ?? "",
                          labelSelector: values["labelSelector"] ?? "",
                          annotationSelector: values["annotationSelector"] ?? "")
        } catch var e as Diagnostic {
            e.file = file
            e.mark = mapping.mark
            throw e
        }
    }

    public init(group: String = "", version: String = "", kind: String = "", name: String = "",
                namespace: String = "", labelSelector: String = "", annotationSelector: String = "") throws {
        self.group = group
        self.version = version
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.annotationSelector = annotationSelector
        groupPattern = try AnchoredPattern(group, field: "group")
        versionPattern = try AnchoredPattern(version, field: "version")
        kindPattern = try AnchoredPattern(kind, field: "kind")
        namePattern = try AnchoredPattern(name, field: "name")
        namespacePattern = try AnchoredPattern(namespace, field: "namespace")
        labels = labelSelector.isEmpty ? nil : Self.parse(labelSelector, field: "labelSelector")
        annotations = annotationSelector.isEmpty ? nil : Self.parse(annotationSelector, field: "annotationSelector")
    }

    private static func parse(_ text: String, field: String) -> Result<LabelSelector, Diagnostic> {
        do {
            return .success(try LabelSelector(text))
        } catch let e as Diagnostic {
            return .failure(Diagnostic(message: "invalid \(field) \"\(text)\": \(e.message)"))
        } catch {
            return .failure(Diagnostic(message: "invalid \(field) \"\(text)\""))
        }
    }

    /// Whether the patch applies to `resource`.
    public func matches(_ resource: Resource) throws -> Bool {
        // Hot path (every target against every resource): cheapest and most selective tests
        // first, and the original ID only when the resource has one (`previousIDs`).
        if !kind.isEmpty && !kindPattern.matches(resource.kind) { return false }
        if !name.isEmpty {
            let current = resource.name
            if !namePattern.matches(current) {
                guard let original = resource.previousIDs.first?.name, original != current,
                      namePattern.matches(original) else { return false }
            }
        }
        if !namespace.isEmpty || !group.isEmpty || !version.isEmpty {
            let gvk = resource.gvk
            if !namespace.isEmpty {
                let current = ResourceID.effectiveNamespace(resource.namespace, of: gvk)
                if !namespacePattern.matches(current) {
                    guard let originalID = resource.previousIDs.first else { return false }
                    let original = originalID.effectiveNamespace
                    if original == current || !namespacePattern.matches(original) { return false }
                }
            }
            if !group.isEmpty && !groupPattern.matches(gvk.group) { return false }
            if !version.isEmpty && !versionPattern.matches(gvk.version) { return false }
        }
        if let labels {
            guard try labels.get().matches(resource.metadata?.mapping("labels")) else { return false }
        }
        if let annotations {
            guard try annotations.get().matches(resource.metadata?.mapping("annotations")) else { return false }
        }
        return true
    }

    /// The name when the pattern is plain text (no regex syntax), so a caller can look the
    /// resource up in an index by current and original name instead of testing every resource.
    public var exactName: String? {
        if case .literal(let s) = namePattern.matcher { return s }
        return nil
    }

    /// The kind when the pattern is plain text.
    public var exactKind: String? {
        if case .literal(let s) = kindPattern.matcher { return s }
        return nil
    }

    /// The resources the patch applies to, in their order.
    public func select(_ resources: [Resource]) throws -> [Resource] {
        try resources.filter { try matches($0) }
    }
}
