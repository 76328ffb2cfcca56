import KubeModel
import Manifests
import YAML

/// `select:` / `reject:` of a replacement target, and the resource part of a source:
/// kustomize's `types.Selector` (a `ResId` plus label and annotation selectors).
public struct ReplacementSelector {
    /// kustomize's `resid.ResId` used as a selector: empty fields match anything.
    public struct ID: Equatable {
        public var group = ""
        public var version = ""
        public var kind = ""
        public var name = ""
        public var namespace = ""

        public init(group: String = "", version: String = "", kind: String = "", name: String = "", namespace: String = "") {
            self.group = group
            self.version = version
            self.kind = kind
            self.name = name
            self.namespace = namespace
        }

        public var isEmpty: Bool { self == ID() }

        var gvk: GVK { GVK(group: group, version: version, kind: kind) }

        /// kustomize's `ResId.String()`: `Kind.version.group/name.namespace` with
        /// `[noKind]`-style placeholders.
        public var text: String { ResourceID(gvk: gvk, name: name, namespace: namespace).kustomizeText }

        /// kustomize's `ResId.IsSelectedBy`: whether `id` is selected by `self`. The IDs
        /// replacements compare are built without their scope, so every kind counts as
        /// namespaced here (`namespace: default` selects a ClusterRole; oracle-checked).
        public func selects(_ id: ResourceID) -> Bool {
            if !name.isEmpty && name != id.name { return false }
            if !namespace.isEmpty && (namespace == "default" ? "" : namespace) != (id.namespace == "default" ? "" : id.namespace) {
                return false
            }
            return gvk.selects(id.gvk)
        }

    }

    public var id: ID
    public var labelSelector: String
    public var annotationSelector: String
    let labels: LabelSelector
    let annotations: LabelSelector

    public init(id: ID, labelSelector: String = "", annotationSelector: String = "", file: String? = nil) throws {
        self.id = id
        self.labelSelector = labelSelector
        self.annotationSelector = annotationSelector
        do {
            labels = try LabelSelector(labelSelector)
            annotations = try LabelSelector(annotationSelector)
        } catch let e as Diagnostic {
            throw Diagnostic(e.message, file: file)
        }
    }

    var hasMetadataSelector: Bool { !labelSelector.isEmpty || !annotationSelector.isEmpty }

    /// Whether the resource's labels and annotations satisfy both selectors.
    func matchesMetadata(_ r: Resource) -> Bool {
        labels.matches(r.metadata?.mapping("labels")) && annotations.matches(r.metadata?.mapping("annotations"))
    }

    /// Every ID the resource has had: kustomize's `MakeResIds` (current first).
    static func ids(of r: Resource) -> [ResourceID] {
        [r.id] + r.previousIDs
    }

    /// Whether a target selects the resource (kustomize's `applyReplacement` filter): the
    /// labels and annotations match `select` and no `reject` with a label or annotation
    /// selector matches; some ID is selected; no ID is rejected.
    static func targetSelects(_ select: ReplacementSelector, reject: [ReplacementSelector], _ r: Resource) -> Bool {
        guard select.matchesMetadata(r) else { return false }
        for rj in reject where rj.hasMetadataSelector {
            if rj.matchesMetadata(r) { return false }
        }
        let ids = ids(of: r)
        guard ids.contains(where: { select.id.selects($0) }) else { return false }
        for rj in reject where !rj.id.isEmpty {
            if ids.contains(where: { rj.id.selects($0) }) { return false }
        }
        return true
    }
}
