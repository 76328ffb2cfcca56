import KubeModel
import YAML

// Public API
//   MergeSchema.kubernetes                         built-in Kubernetes v1.21.2 merge metadata
//   MergeSchema(openAPIDocument:file:)              a kustomization's `openapi: {path: …}` document
//   schema.adding(openAPIDocument:file:)            the built-in schema extended by a document
//   schema.adding(customResourceDefinition:file:)   opt-in: merge keys from a CRD's openAPIV3Schema
//   schema.patchInfo(for:path:)                     what a field's schema says (strategy, keys)
//
// What kustomize v5.5.0 does, checked with `kubectl kustomize`:
// - `openapi: {path: f}` REPLACES the built-in schema: with a custom schema that only defines a
//   CRD, a Deployment's containers are no longer merged by name. So `MergeSchema(openAPIDocument:)`
//   starts empty. The root kustomization's `openapi` wins over its bases' (kustomize keeps the
//   first one it sees, root first); `openapi: {version: v1.21.2}` is the built-in schema and any
//   other version is an error ("the specified OpenAPI version is not built in").
// - `crds:` does NOT feed strategic merge: kustomize reads those files only for name references,
//   and a CRD's `x-kubernetes-patch-merge-key` is ignored (its lists are replaced). So
//   `adding(customResourceDefinition:)` is an explicit opt-in beyond kustomize.
// - Merge metadata follows kyaml: a list merges by key only when its `x-kubernetes-patch-strategy`
//   contains `merge`; its keys are `x-kubernetes-list-map-keys` if present, else the patch merge
//   key. `x-kubernetes-list-type` alone changes nothing. A field given by `$ref` takes the
//   referenced definition and loses its own extensions.

/// The per-type merge metadata a strategic merge patch consults.
public struct MergeSchema: Sendable {
    let store: SchemaStore

    init(store: SchemaStore) { self.store = store }

    /// The Kubernetes v1.21.2 schema kustomize v5.5.0 builds in, from the generated table
    /// (parsed once, on first use).
    public static let kubernetes = MergeSchema(store: SchemaStore.parseTable(KubernetesSchemaTable.text))

    /// No definitions at all: every list is replaced, as for unknown kinds.
    public static let empty = MergeSchema(store: SchemaStore.parseTable(""))

    /// Which built-in schema version `kubernetes` is.
    public static let builtinVersion = "v1.21.2"

    /// A custom OpenAPI v2 document (JSON or YAML with a `definitions` map), used INSTEAD of the
    /// built-in schema, as kustomize does for `openapi: {path: …}`: only its kinds have a schema.
    /// Its `$ref`s to definitions it does not hold still resolve to the built-in ones (the
    /// oracle merges a custom kind's pod template by the built-in PodSpec).
    public init(openAPIDocument: Node, file: String) throws {
        var builder = SchemaBuilder(base: MergeSchema.kubernetes.store)
        builder.byType = [:]
        try builder.addOpenAPIDocument(openAPIDocument, file: file)
        self.store = builder.build()
    }

    /// This schema plus a document's definitions; a definition with an existing name replaces it
    /// everywhere it is referenced. Not kustomize's `openapi:` behaviour (that replaces).
    public func adding(openAPIDocument: Node, file: String) throws -> MergeSchema {
        var builder = SchemaBuilder(base: store)
        try builder.addOpenAPIDocument(openAPIDocument, file: file)
        return MergeSchema(store: builder.build())
    }

    /// This schema plus the `openAPIV3Schema` of each version of a CustomResourceDefinition
    /// (`apiextensions.k8s.io/v1` or `v1beta1`). Opt-in: kustomize ignores CRD merge keys.
    public func adding(customResourceDefinition: Node, file: String) throws -> MergeSchema {
        var builder = SchemaBuilder(base: store)
        try builder.addCustomResourceDefinition(customResourceDefinition, file: file)
        return MergeSchema(store: builder.build())
    }

    /// Whether the schema knows this GVK at all.
    public func hasType(_ gvk: GVK) -> Bool {
        store.root(apiVersion: gvk.apiVersion, kind: gvk.kind) != SchemaStore.none
    }

    /// The schema of the field at `path` below the GVK's root (`"[]"` steps into list items),
    /// or nil when the schema does not describe it.
    public func patchInfo(for gvk: GVK, path: [String]) -> FieldPatchInfo? {
        var node = store.root(apiVersion: gvk.apiVersion, kind: gvk.kind)
        for step in path {
            node = step == "[]" ? store.elements(node) : store.field(node, step)
            if node == SchemaStore.none { return nil }
        }
        let n = store.nodes[Int(node)]
        let (strategy, keys) = store.patchStrategyAndKeys(node)
        return FieldPatchInfo(isList: n.isArray, patchStrategy: strategy, mergeKeys: keys,
                              listType: n.listType, mergesByKey: store.hasMergeStrategy(node))
    }
}

/// What the schema says about one field.
public struct FieldPatchInfo: Equatable, Sendable {
    public var isList: Bool
    /// `x-kubernetes-patch-strategy`, e.g. `merge` or `merge,retainKeys`; empty when absent.
    public var patchStrategy: String
    /// The keys a strategic merge pairs list items by (empty for primitive or atomic lists).
    public var mergeKeys: [String]
    /// `x-kubernetes-list-type` (`atomic`, `set`, `map`) or empty.
    public var listType: String
    /// Whether kustomize merges this list item by item rather than replacing it.
    public var mergesByKey: Bool
}

struct TypeKey: Hashable, Sendable {
    var apiVersion: String
    var kind: String
}

/// One schema: a definition, or the inline schema of an array or map field.
struct SchemaNode: Sendable {
    var properties: [String: Int32] = [:]
    var additionalProperties: Int32 = SchemaStore.none
    var items: Int32 = SchemaStore.none
    var isArray = false
    var patchStrategy = ""
    var mergeKey = ""
    var listType = ""
    var listMapKeys: [String] = []
}

/// Compiled, immutable schema: nodes addressed by index, so navigation is array and
/// dictionary lookups with no string parsing on the merge path.
final class SchemaStore: Sendable {
    static let none: Int32 = -1
    /// Index of the shared schema for values the table does not describe further
    /// (scalar list items, objects without patch metadata): present, but with no fields.
    static let opaque: Int32 = 0

    let nodes: [SchemaNode]
    let definitions: [String: Int32]
    let byType: [TypeKey: Int32]

    init(nodes: [SchemaNode], definitions: [String: Int32], byType: [TypeKey: Int32]) {
        self.nodes = nodes
        self.definitions = definitions
        self.byType = byType
    }

    func root(apiVersion: String, kind: String) -> Int32 {
        byType[TypeKey(apiVersion: apiVersion, kind: kind)] ?? SchemaStore.none
    }

    /// kyaml `ResourceSchema.Field`: a property, else the map value schema.
    func field(_ node: Int32, _ name: String) -> Int32 {
        guard node >= 0 else { return SchemaStore.none }
        let n = nodes[Int(node)]
        if let p = n.properties[name] { return p }
        return n.additionalProperties
    }

    /// kyaml `ResourceSchema.Elements`: the item schema of an array.
    func elements(_ node: Int32) -> Int32 {
        guard node >= 0 else { return SchemaStore.none }
        let n = nodes[Int(node)]
        return n.isArray ? n.items : SchemaStore.none
    }

    /// kyaml `PatchStrategyAndKeyList`.
    func patchStrategyAndKeys(_ node: Int32) -> (String, [String]) {
        guard node >= 0 else { return ("", []) }
        let n = nodes[Int(node)]
        if n.patchStrategy.isEmpty { return ("", []) }
        if !n.listMapKeys.isEmpty { return (n.patchStrategy, n.listMapKeys) }
        if !n.mergeKey.isEmpty { return (n.patchStrategy, [n.mergeKey]) }
        return (n.patchStrategy, [])
    }

    /// kyaml `schemaHasMergeStrategy`: one of the comma-separated strategies is `merge`.
    func hasMergeStrategy(_ node: Int32) -> Bool {
        guard node >= 0 else { return false }
        let s = nodes[Int(node)].patchStrategy
        if s == "merge" { return true }
        return s.split(separator: ",").contains { $0 == "merge" }
    }

    /// Reads the generated line table (format in scripts/gen_merge_keys.py). Works on the UTF-8
    /// bytes: this runs once per process, on the first strategic merge.
    static func parseTable(_ text: String) -> SchemaStore {
        var text = text
        return text.withUTF8 { parseTable(bytes: $0) }
    }

    private static func parseTable(bytes: UnsafeBufferPointer<UInt8>) -> SchemaStore {
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        // Each line as the ranges of its space-separated fields.
        var lines: [[Range<Int>]] = []
        var fields: [Range<Int>] = []
        var start = 0
        for i in 0...bytes.count {
            let c = i < bytes.count ? bytes[i] : newline
            guard c == space || c == newline else { continue }
            if i > start { fields.append(start..<i) }
            start = i + 1
            if c == newline {
                if !fields.isEmpty { lines.append(fields) }
                fields.removeAll(keepingCapacity: true)
            }
        }
        func string(_ r: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
        }
        func isDash(_ r: Range<Int>) -> Bool { r.count == 1 && bytes[r.lowerBound] == UInt8(ascii: "-") }
        func tag(_ line: [Range<Int>]) -> UInt8 { line[0].count == 1 ? bytes[line[0].lowerBound] : 0 }

        var nodes = [SchemaNode()]  // index 0: opaque
        var definitions: [String: Int32] = [:]
        // First pass: number the definitions so fields can point forward.
        for line in lines where tag(line) == UInt8(ascii: "D") && line.count >= 2 {
            definitions[string(line[1])] = Int32(nodes.count)
            nodes.append(SchemaNode())
        }
        var byType: [TypeKey: Int32] = [:]
        var current = SchemaStore.none
        func target(_ r: Range<Int>) -> Int32 {
            isDash(r) ? SchemaStore.opaque : (definitions[string(r)] ?? SchemaStore.opaque)
        }
        func optional(_ r: Range<Int>) -> String { isDash(r) ? "" : string(r) }
        for line in lines {
            switch tag(line) {
            case UInt8(ascii: "D") where line.count >= 2:
                current = definitions[string(line[1])] ?? SchemaStore.none
            case UInt8(ascii: "G") where line.count >= 3 && current >= 0:
                byType[TypeKey(apiVersion: string(line[1]), kind: string(line[2]))] = current
            case UInt8(ascii: "F") where line.count >= 8 && current >= 0:
                let child: Int32
                switch bytes[line[2].lowerBound] {
                case UInt8(ascii: "o"):
                    child = target(line[3])
                case UInt8(ascii: "a"):
                    var n = SchemaNode()
                    n.isArray = true
                    n.items = target(line[3])
                    n.patchStrategy = optional(line[4])
                    n.mergeKey = optional(line[5])
                    n.listType = optional(line[6])
                    n.listMapKeys = isDash(line[7]) ? [] : string(line[7]).split(separator: ",").map(String.init)
                    child = Int32(nodes.count)
                    nodes.append(n)
                default:  // "m"
                    var n = SchemaNode()
                    n.additionalProperties = target(line[3])
                    child = Int32(nodes.count)
                    nodes.append(n)
                }
                nodes[Int(current)].properties[string(line[1])] = child
            default:
                continue
            }
        }
        return SchemaStore(nodes: nodes, definitions: definitions, byType: byType)
    }
}
