import KubeModel
import Patching
import YAML

/// Rebuilds, as `GoNode`s, the tree kustomize holds for a generated object when it hashes the
/// name: the generator's node operations, then each recorded strategic merge patch as
/// kustomize applies it (`Resource.ApplySmPatch` and, for a targeted patch, the copy it
/// prepares). Every step is kyaml's (`FieldSetter`, `PathGetter`, `SetAnnotations`, merge2's
/// walk), because node tags, styles and positions all reach the hash.
///
/// Only what these steps need is modelled; anything else (a list merged by key, `$patch`
/// directives, a null where a map is wanted) throws `Unsupported`, and the caller refuses the
/// hash instead of guessing it. Lists the schema does not merge by key are replaced whole, as
/// kyaml replaces them.
enum KyamlReplay {
    struct Unsupported: Error {}

    private static let buildAnnotationPrefix = "internal.config.kubernetes.io/"

    /// The object's tree when its name is hashed.
    static func tree(_ history: GeneratedNodeHistory, schema: MergeSchema) throws -> GoNode {
        let root = try generated(history.generated)
        for patch in history.patches {
            try apply(patch, to: root, schema: schema)
        }
        return root
    }

    // MARK: generator (api/internal/generators, resource.Factory.makeOne)

    private static func generated(_ g: GeneratedNodeHistory.Generated) throws -> GoNode {
        // makeBaseNode parses "\napiVersion: v1\nkind: <kind>\n"
        let root = GoNode(.mapping, tag: "!!map", content: [
            GoNode(.scalar, value: "apiVersion", tag: "!!str", line: 2, column: 1),
            GoNode(.scalar, value: "v1", tag: "!!str", line: 2, column: 13),
            GoNode(.scalar, value: "kind", tag: "!!str", line: 3, column: 1),
            GoNode(.scalar, value: g.kind, tag: "!!str", line: 3, column: 7),
        ], line: 2, column: 1)
        try setField(try lookupCreate(root, ["metadata"]), "name", stringNode(g.name))
        if !g.namespace.isEmpty {
            try setField(try lookupCreate(root, ["metadata"]), "namespace", stringNode(g.namespace))
        }
        let sorted = g.data.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        if let type = g.secretType {
            try setField(root, "type", stringNode(type))
            let data = try lookupCreate(root, ["data"])
            for entry in sorted { try setField(data, entry.key, stringNode(entry.value)) }
        } else {
            for entry in sorted {
                try setField(try lookupCreate(root, [entry.binary ? "binaryData" : "data"]), entry.key, stringNode(entry.value))
            }
        }
        for (k, v) in sortedPairs(g.labels) {
            let value = stringNode(v)
            value.style = GoNode.Style.singleQuoted
            try setField(try lookupCreate(root, ["metadata", "labels"]), k, value)
        }
        for (k, v) in sortedPairs(g.annotations) { try setAnnotation(root, k, v) }
        if g.immutable {
            try setField(root, "immutable", GoNode(.scalar, value: "true", tag: "!!bool"))
        }
        if g.needsHashSuffix { try enable(root, buildAnnotationPrefix + "needsHashSuffix") }
        var annotations = try getMap(root, "annotations")
        let behaviors = ["create", "merge", "replace"]
        annotations[buildAnnotationPrefix + "generatorBehavior"] = behaviors.contains(g.behavior) ? g.behavior : "unspecified"
        try setMapInMetadata(root, annotations, "annotations")
        return root
    }

    private static func sortedPairs(_ pairs: [(String, String)]) -> [(String, String)] {
        var map: [String: String] = [:]
        for (k, v) in pairs { map[k] = v }
        return map.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    // MARK: one strategic merge patch (PatchTransformer, resWrangler.ApplySmPatch)

    private static func apply(_ step: GeneratedNodeHistory.Patch, to resource: GoNode, schema: MergeSchema) throws {
        guard let patch = GoNode.parse(step.text), patch.kind == .mapping else { throw Unsupported() }
        // PatchTransformer.Config marks the loaded patch
        if step.allowNameChange { try enable(patch, buildAnnotationPrefix + "allowNameChange") }
        if step.allowKindChange { try enable(patch, buildAnnotationPrefix + "allowKindChange") }
        if step.targeted {
            // patchCopy.CopyMergeMetaDataFieldsFrom(patch); SetGvk(target's); SetKind(patch's)
            let original = patch.deepCopy()
            try setMapInMetadata(patch, try getMap(original, "labels"), "labels")
            // (the copy's annotations united with the patch's own: the same map)
            try setMapInMetadata(patch, try getMap(original, "annotations"), "annotations")
            try setMapField(patch, scalarNode(try metaString(original, "name")), ["metadata", "name"])
            try setNamespace(patch, try metaString(original, "namespace"))
            try setMapField(patch, scalarNode(fieldText(resource, "kind")), ["kind"])
            try setMapField(patch, scalarNode(fieldText(resource, "apiVersion")), ["apiVersion"])
            try setMapField(patch, scalarNode(fieldText(original, "kind")), ["kind"])
        }
        // Resource.ApplySmPatch
        let name = try metaString(resource, "name"), namespace = try metaString(resource, "namespace")
        let kind = fieldText(resource, "kind")
        let patchAnnotations = try getMap(patch, "annotations")
        let nameChange = patchAnnotations[buildAnnotationPrefix + "allowNameChange"] == "enabled"
        let kindChange = patchAnnotations[buildAnnotationPrefix + "allowKindChange"] == "enabled"
        if nameChange || kindChange {
            let gvk = GVK(apiVersion: fieldText(resource, "apiVersion"), kind: kind)
            try appendCsvAnnotation(resource, buildAnnotationPrefix + "previousNames", name)
            try appendCsvAnnotation(resource, buildAnnotationPrefix + "previousNamespaces",
                                    ResourceID.effectiveNamespace(namespace, of: gvk))
            try appendCsvAnnotation(resource, buildAnnotationPrefix + "previousKinds", kind)
        }
        let walker = MergeWalk(schema: schema)
        guard let merged = try walker.walk(resource, patch, type: walker.type(of: resource, patch)).node, merged === resource else {
            throw Unsupported()
        }
        if !kindChange { try setMapField(resource, scalarNode(kind), ["kind"]) }
        if !nameChange { try setMapField(resource, scalarNode(name), ["metadata", "name"]) }
        try setNamespace(resource, namespace)
    }

    // MARK: merge2 (walk.Walker with merge2.Merger)

    private static func isMissingOrNull(_ n: GoNode?) -> Bool { n == nil || n?.tag == "!!null" }

    /// The schema a node is walked with: a type and the path below its root (kyaml's
    /// `GetSchema`: a field's schema from its parent, else the type its own `apiVersion` and
    /// `kind` name).
    private struct SchemaPosition {
        var gvk: GVK
        var path: [String]
    }

    private struct MergeWalk {
        let schema: MergeSchema

        func type(of nodes: GoNode?...) -> SchemaPosition? {
            for n in nodes {
                guard let n, !isMissingOrNull(n), n.kind == .mapping else { continue }
                let gvk = GVK(apiVersion: fieldText(n, "apiVersion"), kind: fieldText(n, "kind"))
                if !gvk.apiVersion.isEmpty, !gvk.kind.isEmpty, schema.hasType(gvk) { return SchemaPosition(gvk: gvk, path: []) }
            }
            return nil
        }

        /// The node to set for a field (nil: clear it), and whether a null must be kept.
        func walk(_ dest: GoNode?, _ origin: GoNode?, type given: SchemaPosition?) throws -> (node: GoNode?, keep: Bool) {
            let kind = [dest, origin].compactMap { $0 }.first { !isMissingOrNull($0) }?.kind
            for s in [dest, origin] {
                if let s, !isMissingOrNull(s), s.kind != kind { throw Unsupported() }  // kustomize's error
            }
            let type = given ?? self.type(of: dest, origin)
            switch kind {
            case .scalar?:
                return (origin ?? dest, false)
            case .mapping?, nil:
                return try walkMap(dest, origin, type: type)
            case .sequence?:
                if let type, schema.patchInfo(for: type.gvk, path: type.path)?.mergesByKey == true { throw Unsupported() }
                if let dest, let origin, (dest.content ?? []).isEmpty { dest.style = origin.style }
                return (origin ?? dest, false)
            default:
                throw Unsupported()
            }
        }

        private func walkMap(_ dest: GoNode?, _ origin: GoNode?, type: SchemaPosition?) throws -> (node: GoNode?, keep: Bool) {
            if let dest, let origin, dest.kind != .scalar, (dest.content ?? []).isEmpty { dest.style = origin.style }
            let result: GoNode?
            var keep = false
            if isMissingOrNull(dest) {
                if origin == nil, let dest, !dest.value.isEmpty {
                    result = GoNode(.scalar, value: dest.value, tag: "!!null")
                    keep = true
                } else {
                    result = origin
                }
            } else if origin?.tag == "!!null" {
                result = nil
            } else {
                result = dest
            }
            guard let target = result else { return (nil, keep) }
            var names = Set<String>()
            for source in [target, origin] {
                guard let source, source.kind == .mapping else { continue }
                for (key, _) in pairs(source) { names.insert(key.value) }
            }
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let d = field(target, name), o = origin.flatMap { $0.kind == .mapping ? field($0, name) : nil }
                var child: SchemaPosition?
                if let type, schema.patchInfo(for: type.gvk, path: type.path + [name]) != nil {
                    child = SchemaPosition(gvk: type.gvk, path: type.path + [name])
                }
                let (value, keepValue) = try walk(d?.value, o?.value, type: child)
                // a field the walk appends gets the key style of the side its value came from
                var keyStyle = 0
                if let value, let o, value === o.value { keyStyle = o.key.style } else if let value, let d, value === d.value { keyStyle = d.key.style }
                try setField(target, name, value, keyStyle: keyStyle, keep: keepValue)
            }
            return (target, keep)
        }
    }

    // MARK: kyaml setters

    /// `NewStringRNode` (and a generator's data value): a string, literal when it has line breaks.
    private static func stringNode(_ text: String) -> GoNode {
        GoNode(.scalar, value: text, tag: "!!str", style: text.utf8.contains(10) ? GoNode.Style.literal : 0)
    }

    private static func scalarNode(_ text: String) -> GoNode { GoNode(.scalar, value: text) }

    private static func pairs(_ map: GoNode) -> [(key: GoNode, value: GoNode)] {
        let c = map.content ?? []
        return stride(from: 0, to: c.count - 1, by: 2).map { (c[$0], c[$0 + 1]) }
    }

    private static func field(_ map: GoNode, _ name: String) -> (key: GoNode, value: GoNode)? {
        pairs(map).first { $0.key.value == name }
    }

    /// `FieldSetter`: a nil (or, unless kept, null) value clears the field; an existing field
    /// takes the value's fields in its own style; a new one is appended with a plain key.
    private static func setField(_ map: GoNode, _ name: String, _ value: GoNode?, keyStyle: Int = 0, keep: Bool = false) throws {
        guard map.kind == .mapping else { throw Unsupported() }
        guard let value else { return clear(map, name) }
        if value.kind == .scalar, value.tag == "!!str" || value.tag == "", value.style == 0,
           ScalarResolver.isYAML11NonString(value.value) {
            value.style = GoNode.Style.doubleQuoted
        }
        if value.tag == "!!null" && !keep { return clear(map, name) }
        if let existing = field(map, name) {
            value.style = existing.value.style
            existing.value.assign(value)
        } else {
            var c = map.content ?? []
            map.content = nil
            c.append(GoNode(.scalar, value: name, style: keyStyle))
            c.append(value)
            map.content = c
        }
    }

    /// `FieldClearer`: removes the first field of that name.
    private static func clear(_ map: GoNode, _ name: String, ifEmpty: Bool = false) {
        guard var c = map.content else { return }
        for i in stride(from: 0, to: c.count - 1, by: 2) where c[i].value == name {
            if ifEmpty && !(c[i + 1].content ?? []).isEmpty { continue }
            c.removeSubrange(i...(i + 1))
            map.content = c
            return
        }
    }

    /// `PathGetter` with `Create: MappingNode`.
    private static func lookupCreate(_ root: GoNode, _ path: [String]) throws -> GoNode {
        var node = root
        for part in path {
            guard !isMissingOrNull(node), node.kind == .mapping else { throw Unsupported() }
            if let existing = field(node, part) {
                node = existing.value
            } else {
                let made = GoNode(.mapping)
                try setField(node, part, made)
                node = made
            }
        }
        guard !isMissingOrNull(node) else { throw Unsupported() }
        return node
    }

    private static func setMapField(_ root: GoNode, _ value: GoNode, _ path: [String]) throws {
        try setField(try lookupCreate(root, Array(path.dropLast())), path[path.count - 1], value)
    }

    /// `SetNamespace`: an empty one removes the field.
    private static func setNamespace(_ root: GoNode, _ namespace: String) throws {
        if namespace.isEmpty {
            if let meta = field(root, "metadata")?.value, meta.kind == .mapping { clear(meta, "namespace") }
        } else {
            try setMapField(root, scalarNode(namespace), ["metadata", "namespace"])
        }
    }

    private static func fieldText(_ root: GoNode, _ name: String) -> String { field(root, name)?.value.value ?? "" }

    private static func isNilOrEmpty(_ n: GoNode) -> Bool {
        n.tag == "!!null" || ((n.kind == .mapping || n.kind == .sequence) && (n.content ?? []).isEmpty)
    }

    /// `getMetaStringField`: a metadata field's text unless it is empty or null.
    private static func metaString(_ root: GoNode, _ name: String) throws -> String {
        guard let meta = field(root, "metadata")?.value, !isNilOrEmpty(meta) else { return "" }
        guard meta.kind == .mapping else { throw Unsupported() }
        guard let value = field(meta, name)?.value, !isNilOrEmpty(value) else { return "" }
        return value.value
    }

    /// `GetLabels`/`GetAnnotations`: each entry's text.
    private static func getMap(_ root: GoNode, _ name: String) throws -> [String: String] {
        guard let meta = field(root, "metadata")?.value, !isNilOrEmpty(meta) else { return [:] }
        guard meta.kind == .mapping else { throw Unsupported() }
        guard let map = field(meta, name)?.value else { return [:] }
        guard map.kind == .mapping || (map.kind == .scalar && map.tag == "!!null") else { throw Unsupported() }
        var result: [String: String] = [:]
        for (k, v) in pairs(map) { result[k.value] = v.value }
        return result
    }

    /// `setMapInMetadata` (`SetLabels`, `SetAnnotations`): the field made anew, keys sorted.
    private static func setMapInMetadata(_ root: GoNode, _ map: [String: String], _ name: String) throws {
        let meta = try lookupCreate(root, ["metadata"])
        clear(meta, name)
        guard !map.isEmpty else { return }
        let target = try lookupCreate(meta, [name])
        for (k, v) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            try setField(target, k, stringNode(v))
        }
    }

    /// `AnnotationSetter`: a single-quoted string; an empty annotations map, then an empty
    /// metadata, is removed first.
    private static func setAnnotation(_ root: GoNode, _ key: String, _ value: String) throws {
        let v = stringNode(value)
        v.style = GoNode.Style.singleQuoted
        if let meta = field(root, "metadata")?.value {
            guard meta.kind == .mapping else { throw Unsupported() }
            clear(meta, "annotations", ifEmpty: true)
        }
        clear(root, "metadata", ifEmpty: true)
        try setField(try lookupCreate(root, ["metadata", "annotations"]), key, v)
    }

    /// `Resource.enable`: the annotation set to `enabled` through `SetAnnotations`.
    private static func enable(_ root: GoNode, _ key: String) throws {
        var annotations = try getMap(root, "annotations")
        annotations[key] = "enabled"
        try setMapInMetadata(root, annotations, "annotations")
    }

    private static func appendCsvAnnotation(_ root: GoNode, _ key: String, _ value: String) throws {
        guard !value.isEmpty else { return }
        var parts: [String] = []
        if let current = try getMap(root, "annotations")[key] {
            parts = current.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        try setAnnotation(root, key, (parts + [value]).joined(separator: ","))
    }

    // MARK: checking the replay against the build

    /// Whether the replayed tree holds what the build's object holds, build annotations aside:
    /// the same fields (in any order) and scalar texts. A difference means something the
    /// history did not record touched the object.
    static func matches(_ tree: GoNode, _ object: Mapping) -> Bool {
        func same(_ g: GoNode, _ n: Node, path: [String]) -> Bool {
            switch n {
            case .scalar(let s):
                return g.kind == .scalar && g.value == s.value
            case .sequence(let q):
                let items = g.content ?? []
                guard g.kind == .sequence, items.count == q.items.count else { return false }
                return zip(items, q.items).allSatisfy { same($0, $1, path: path + ["[]"]) }
            case .mapping(let m):
                guard g.kind == .mapping else { return false }
                var mine = pairs(g).filter { path != ["metadata", "annotations"] || !$0.key.value.hasPrefix(buildAnnotationPrefix) }
                var theirs = m.entries
                if path == ["metadata"] {
                    // an annotations map holding only build annotations is gone from the object
                    if let a = mine.firstIndex(where: { $0.key.value == "annotations" }),
                       pairs(mine[a].value).allSatisfy({ $0.key.value.hasPrefix(buildAnnotationPrefix) }),
                       !theirs.contains(where: { $0.key.value == "annotations" }) {
                        mine.remove(at: a)
                    }
                }
                guard mine.count == theirs.count else { return false }
                for (k, v) in mine {
                    guard let i = theirs.firstIndex(where: { $0.key.value == k.value }),
                          same(v, theirs[i].value, path: path + [k.value]) else { return false }
                    theirs.remove(at: i)
                }
                return true
            }
        }
        return same(tree, .mapping(object), path: [])
    }
}

extension GoNode {
    /// `json.Marshal` of the node struct, as kustomize's hasher writes it for any kind but
    /// ConfigMap and Secret: fields in declaration order, no anchors, aliases or comments.
    func goJSON() -> [UInt8] {
        var out: [UInt8] = []
        appendGoJSON(to: &out)
        return out
    }

    private func appendGoJSON(to out: inout [UInt8]) {
        out.append(contentsOf: "{\"Kind\":\(kind.rawValue),\"Style\":\(style),\"Tag\":".utf8)
        GoJSON.appendString(tag, to: &out)
        out.append(contentsOf: ",\"Value\":".utf8)
        GoJSON.appendString(value, to: &out)
        out.append(contentsOf: ",\"Anchor\":\"\",\"Alias\":null,\"Content\":".utf8)
        if let content {
            out.append(UInt8(ascii: "["))
            for (i, child) in content.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                child.appendGoJSON(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: ",\"HeadComment\":\"\",\"LineComment\":\"\",\"FootComment\":\"\",\"Line\":\(line),\"Column\":\(column)}".utf8)
    }
}
