import YAML

/// The parts of a StatefulSet the checks read. Any of them may be missing or of the wrong
/// type in user input; every accessor answers nil or empty then, never traps.
public struct StatefulSetView {
    public let resource: Resource

    public init(_ resource: Resource) {
        self.resource = resource
    }

    /// An `apps` StatefulSet (other groups' StatefulSets follow other rules).
    public static func isStatefulSet(_ r: Resource) -> Bool {
        r.kind == "StatefulSet" && r.gvk.group == "apps"
    }

    public var namespace: String { resource.namespace }
    public var spec: Mapping? { resource.object.mapping("spec") }
    public var template: Mapping? { spec?.mapping("template") }
    public var podSpec: Mapping? { template?.mapping("spec") }

    public var templateLabels: [String: String] {
        Self.labels(template?.mapping("metadata")?["labels"])
    }

    /// Where a StatefulSet keeps its claim templates, as a field spec: a list with no merge
    /// key, so a strategic merge patch replaces it (the patch engine is told to watch it).
    public static let claimTemplatesSpec = FieldSpec(kind: "StatefulSet", path: "spec/volumeClaimTemplates")

    /// `spec.volumeClaimTemplates` items with their indexes; non-mapping items are skipped.
    public var claimTemplates: [(index: Int, template: Mapping)] {
        let items = spec?.sequence("volumeClaimTemplates")?.items ?? []
        return items.enumerated().compactMap { i, item in item.asMapping.map { (i, $0) } }
    }

    public static func claimName(_ template: Mapping) -> String? {
        template.mapping("metadata")?.string("name")
    }

    /// A `labels`-like map as strings; a missing or malformed map is empty.
    public static func labels(_ node: Node?) -> [String: String] {
        var out: [String: String] = [:]
        for e in node?.asMapping?.entries ?? [] {
            out[e.key.value] = e.value.stringValue ?? ""
        }
        return out
    }

    /// `a=1, b=2`, sorted, for messages.
    public static func describe(_ labels: [String: String]) -> String {
        labels.isEmpty ? "none" : labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
