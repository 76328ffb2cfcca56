import YAML

/// Compiles OpenAPI definitions (from a custom document or a CRD) into schema nodes on top of
/// an existing store.
///
/// Supported, as kyaml reads them: `definitions.<name>` with `properties`,
/// `additionalProperties` (a schema), `type: array` + `items` (a schema), `$ref:
/// "#/definitions/<name>"`, `x-kubernetes-group-version-kind`, and the patch extensions
/// `x-kubernetes-patch-strategy`, `x-kubernetes-patch-merge-key`, `x-kubernetes-list-type`,
/// `x-kubernetes-list-map-keys`. Not supported (kyaml ignores them too): `allOf`/`oneOf`,
/// tuple `items`, comment-embedded `$openapi` field schemas, and `paths` (cluster scope).
struct SchemaBuilder {
    var nodes: [SchemaNode]
    var definitions: [String: Int32]
    var byType: [TypeKey: Int32]
    private var file = ""

    init(base: SchemaStore) {
        nodes = base.nodes
        definitions = base.definitions
        byType = base.byType
    }

    func build() -> SchemaStore {
        SchemaStore(nodes: nodes, definitions: definitions, byType: byType)
    }

    mutating func addOpenAPIDocument(_ document: Node, file: String) throws {
        self.file = file
        guard let doc = document.asMapping else {
            throw Diagnostic(file: file, mark: document.mark, message: "an OpenAPI document must be a mapping")
        }
        guard let defsNode = doc["definitions"], !defsNode.isNull else { return }
        guard let defs = defsNode.asMapping else {
            throw Diagnostic(file: file, mark: defsNode.mark, message: "OpenAPI `definitions` must be a mapping")
        }
        // Reserve every name first: definitions reference each other in any order, and an
        // existing name keeps its index so that references to it see the new content.
        var reserved: [(Int32, Mapping)] = []
        for entry in defs.entries {
            guard let schema = entry.value.asMapping else {
                throw Diagnostic(file: file, mark: entry.value.mark,
                                 message: "OpenAPI definition \(entry.key.value) must be a mapping")
            }
            let index: Int32
            if let existing = definitions[entry.key.value] {
                index = existing
            } else {
                index = Int32(nodes.count)
                nodes.append(SchemaNode())
                definitions[entry.key.value] = index
            }
            reserved.append((index, schema))
        }
        for (index, schema) in reserved {
            nodes[Int(index)] = try compileContent(schema)
            try registerGVKs(schema, index: index)
        }
        // A definition that is only a `$ref` is an alias of its target.
        for (index, schema) in reserved {
            if let ref = schema.string("$ref") {
                let target = resolve(ref)
                nodes[Int(index)] = target >= 0 ? nodes[Int(target)] : SchemaNode()
            }
        }
    }

    mutating func addCustomResourceDefinition(_ crd: Node, file: String) throws {
        self.file = file
        guard let root = crd.asMapping, let spec = root.mapping("spec") else {
            throw Diagnostic(file: file, mark: crd.mark, message: "a CustomResourceDefinition needs a `spec` mapping")
        }
        guard let group = spec.string("group"), let kind = spec.mapping("names")?.string("kind") else {
            throw Diagnostic(file: file, mark: spec.mark, message: "a CustomResourceDefinition needs spec.group and spec.names.kind")
        }
        // v1beta1 may give one schema for all versions under spec.validation.
        let sharedSchema = spec.mapping("validation")?.mapping("openAPIV3Schema")
        var versions: [(String, Mapping?)] = []
        for item in spec.sequence("versions")?.items ?? [] {
            guard let v = item.asMapping, let name = v.string("name") else { continue }
            versions.append((name, v.mapping("schema")?.mapping("openAPIV3Schema") ?? sharedSchema))
        }
        if versions.isEmpty, let name = spec.string("version") { versions.append((name, sharedSchema)) }
        for (version, schema) in versions {
            guard let schema else { continue }
            let index = try compile(schema)
            guard index >= 0 else { continue }
            byType[TypeKey(apiVersion: "\(group)/\(version)", kind: kind)] = index
        }
    }

    private mutating func registerGVKs(_ schema: Mapping, index: Int32) throws {
        guard let list = schema.sequence("x-kubernetes-group-version-kind") else { return }
        for item in list.items {
            guard let gvk = item.asMapping, let version = gvk.string("version"), let kind = gvk.string("kind") else { continue }
            let group = gvk.string("group") ?? ""
            byType[TypeKey(apiVersion: group.isEmpty ? version : "\(group)/\(version)", kind: kind)] = index
        }
    }

    /// A schema: the referenced definition for `$ref`, else a new node.
    private mutating func compile(_ schema: Mapping) throws -> Int32 {
        if let ref = schema.string("$ref") { return resolve(ref) }
        let node = try compileContent(schema)
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    private mutating func compileContent(_ schema: Mapping) throws -> SchemaNode {
        var node = SchemaNode()
        if let props = schema.mapping("properties") {
            for entry in props.entries {
                guard let p = entry.value.asMapping else { continue }
                let child = try compile(p)
                if child >= 0 { node.properties[entry.key.value] = child }
            }
        }
        if let additional = schema.mapping("additionalProperties") {
            node.additionalProperties = try compile(additional)
        }
        node.isArray = Self.isArrayType(schema["type"])
        if node.isArray, let items = schema.mapping("items") {
            node.items = try compile(items)
        }
        node.patchStrategy = schema.string("x-kubernetes-patch-strategy") ?? ""
        node.mergeKey = schema.string("x-kubernetes-patch-merge-key") ?? ""
        node.listType = schema.string("x-kubernetes-list-type") ?? ""
        node.listMapKeys = schema.sequence("x-kubernetes-list-map-keys")?.items.compactMap(\.stringValue) ?? []
        return node
    }

    /// `type: array` or `type: [array]` (kyaml requires exactly one type, `array`).
    private static func isArrayType(_ type: Node?) -> Bool {
        switch type {
        case .scalar(let s)?: return s.value == "array"
        case .sequence(let seq)?: return seq.items.count == 1 && seq.items[0].stringValue == "array"
        default: return false
        }
    }

    /// `#/definitions/<name>` (RFC 6901 escapes decoded); unknown targets have no schema.
    private func resolve(_ ref: String) -> Int32 {
        let prefix = "#/definitions/"
        guard ref.hasPrefix(prefix) else { return SchemaStore.none }
        let name = JSONPointer.unescape(Substring(ref.dropFirst(prefix.count)))
        return definitions[name] ?? SchemaStore.none
    }
}
