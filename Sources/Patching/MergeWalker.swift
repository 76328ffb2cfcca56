import YAML

/// Walks a target and a strategic merge patch together, merging the patch into the target in
/// place. A port of kyaml's `walk.Walker` with merge2's `Merger` visitor and kustomize's options
/// (two sources, patch list items prepended, no inference of merge keys), because kustomize's
/// output is defined by that code, quirks included:
/// - maps merge key by key; a `null` value deletes; a null the target already has survives
///   when it is written out (`null`, `~`) and vanishes when its text is empty (`key:`); a field the target lacks is added after the
///   patch's own value has been walked against itself (so its nulls vanish too);
/// - a list merges item by item only when the schema gives it a `merge` strategy; every other
///   list (no schema, CRDs, `volumeClaimTemplates`, `args`) is replaced by the patch's;
/// - in a merged list, patch items come first in patch order, then the target's other items —
///   except lists with several merge keys (ports: `containerPort`+`protocol`), where the target's
///   items keep their order after the patch's new ones;
/// - `$patch: delete|replace|merge` on maps and list items, `- $patch: …` for a whole list; a
///   `replace` on a list item that the target has is ignored, as in kustomize.
final class MergeWalker {
    let store: SchemaStore
    let file: String
    let interpretKubernetesDirectives: Bool
    var warnings: [PatchWarning] = []
    var resourceDescription = ""
    /// Off only in tests that check the fast paths against kyaml's general algorithm.
    var useFastPaths = true
    var path: [PathStep] = []

    enum PathStep {
        case field(String)
        case element([String])
    }

    init(store: SchemaStore, file: String, interpretKubernetesDirectives: Bool) {
        self.store = store
        self.file = file
        self.interpretKubernetesDirectives = interpretKubernetesDirectives
    }

    /// kyaml `Walker.Walk`: the merged node, or nil when it is to be removed.
    func walk(_ dest: Node?, _ origin: Node?, schema given: Int32) throws -> Node? {
        let schema = given >= 0 ? given : schemaFromTypeMeta(dest, origin)
        let reference: Node? = !isMissingOrNull(dest) ? dest : (!isMissingOrNull(origin) ? origin : nil)
        // merge2's SetStyle: an empty map or list of the target takes the patch's style, so
        // `data: {}` patched with block fields is written in block style from then on
        if let origin {
            let patchFlow = origin.asMapping?.flow ?? origin.asSequence?.flow ?? false
            if let d = dest?.asMapping, d.entries.isEmpty { d.flow = patchFlow }
            if let d = dest?.asSequence, d.items.isEmpty { d.flow = patchFlow }
        }
        switch reference {
        case .mapping?:
            try checkSameKind(dest, origin, as: reference)
            return try walkMap(dest, origin, schema: schema)
        case .sequence?:
            try checkSameKind(dest, origin, as: reference)
            if store.hasMergeStrategy(schema) {
                return try walkAssociativeSequence(dest, origin, schema: schema)
            }
            return origin ?? dest  // replaced by the patch's list, kept when the patch has none
        case .scalar?:
            try checkSameKind(dest, origin, as: reference)
            // merge2 gives the patch's value the target's style, and a quoted scalar is a
            // string: a quoted target patched with 1.5e-3 or false holds "1.5e-3", "false";
            // a plain target patched with "7" holds a plain "7" (which later setters retype).
            if case .scalar(let d)? = dest, case .scalar(var o)? = origin, o.tag != .null, o.style != d.style {
                if d.style != .plain {
                    if o.tag != .string { o.declaredTag = o.tag }
                    o.tag = .string
                }
                o.style = d.style
                return .scalar(o)
            }
            return origin ?? dest
        case nil:
            return try walkMap(dest, origin, schema: schema)
        }
    }

    /// kyaml `GetSchema`: a node without a schema from its parent gets the one of its own
    /// `apiVersion`/`kind`, if any (also inside CRDs that embed a Deployment).
    func schemaFromTypeMeta(_ dest: Node?, _ origin: Node?) -> Int32 {
        let fromDest = schemaFromTypeMeta(dest)
        return fromDest >= 0 ? fromDest : schemaFromTypeMeta(origin)
    }

    func schemaFromTypeMeta(_ node: Node?) -> Int32 {
        guard case .mapping(let m)? = node,
              let apiVersion = m.string("apiVersion"), !apiVersion.isEmpty,
              let kind = m.string("kind"), !kind.isEmpty else { return SchemaStore.none }
        return store.root(apiVersion: apiVersion, kind: kind)
    }

    func checkSameKind(_ dest: Node?, _ origin: Node?, as reference: Node?) throws {
        guard let reference, let origin, !isMissingOrNull(origin) else { return }
        switch (reference, origin) {
        case (.mapping, .mapping), (.sequence, .sequence), (.scalar, .scalar): return
        default:
            throw Diagnostic(file: file, mark: origin.mark, message:
                "wrong node kind at \(pathDescription): expected \(reference.kindName) but got "
                + "\(origin.kindName): node contents:\n\(origin.snippet)")
        }
    }

    // MARK: maps

    func walkMap(_ dest: Node?, _ origin: Node?, schema: Int32) throws -> Node? {
        // merge2 `VisitMap`
        let merged: Node?
        if isMissingOrNull(dest) {
            // kyaml ignores a bad directive here: the patch's value is simply added
            if (try? PatchDirective.take(from: origin, file: file)) == .delete { return nil }
            merged = origin
        } else {
            guard case .keep(let base) = try directiveOutcome(dest, origin) else { return nil }
            merged = base
        }
        guard case .mapping(let target)? = merged else { return merged }
        try refuseEmptyKeys(target)
        if let patch = origin?.asMapping, patch === target, let dup = patch.droppedDuplicates.first {
            // A patch map added whole carries both keys into the resource, which kustomize
            // cannot read back at output. (Merged into a map the resource has, only the first
            // counts and the second is never seen.)
            let at = dup.entry.key.mark
            throw Diagnostic(file: file, mark: at, message:
                "yaml: unmarshal errors:\n  line \(at.line): mapping key \"\(dup.entry.key.value)\" already defined at line \(dup.first.line)")
        }
        if let patch = origin?.asMapping, patch !== target { try refuseEmptyKeys(patch) }
        guard let patch = origin?.asMapping else {
            // Nothing to merge in, but kyaml still walks the target: nulls vanish and merged
            // lists are rebuilt. Children never touch this map's entries, so go by index.
            var removals: [Int] = []
            for i in target.entries.indices {
                let entry = target.entries[i]
                if isWrittenNull(entry.value) { continue }
                path.append(.field(entry.key.value))
                let value = try walk(entry.value, nil, schema: store.field(schema, entry.key.value))
                path.removeLast()
                if let value, !isTaggedNull(value) {
                    target.entries[i].value = Self.fieldSetterValue(value)
                } else {
                    removals.append(i)
                }
            }
            for i in removals.reversed() { target.entries.remove(at: i) }
            return merged
        }

        let directives = takeKubernetesDirectives(from: patch)
        // Every field of either side, the target's first; fields are set in place.
        var names = target.keys
        if patch !== target {
            for e in patch.entries where target.entryIndex(e.key.value) == nil { names.append(e.key.value) }
        }
        for name in names {
            let targetValue = target[name]
            let patchValue = patch[name]
            if patchValue == nil, isWrittenNull(targetValue) { continue }
            path.append(.field(name))
            let value = try walk(targetValue, patchValue, schema: store.field(schema, name))
            path.removeLast()
            // kyaml `FieldSetter`: nil or null clears the field; but a patch's map that is
            // added whole keeps a null under a null key (`~:`), which fails at output
            if let value, !isTaggedNull(value) || (patch === target && Self.isNullKey(name, in: target)) {
                // a field on both sides already has the target's style (walk's scalar case);
                // in a map the patch adds whole, the field is set to its own node, so it is
                // restyled like a new one
                let value = patchValue == nil || targetValue == nil || patch === target ? Self.fieldSetterValue(value) : value
                if let i = target.entryIndex(name) {
                    target.entries[i].value = value
                } else {
                    // the new key keeps the patch's quotes (kyaml's AppendKeyStyle)
                    let key = patch.entryIndex(name).map { patch.entries[$0].key } ?? .string(name)
                    target.entries.append(MapEntry(key: key, value: value))
                }
            } else if let i = target.entryIndex(name) {
                target.entries.remove(at: i)
            }
        }
        if !directives.isEmpty {
            try KubernetesDirectives.apply(directives, to: target, schema: schema, store: store, file: file)
        }
        return merged
    }

    /// kyaml looks every field up by name, and `Get("")` refuses a map.
    private func refuseEmptyKeys(_ m: Mapping) throws {
        guard m.entries.contains(where: { $0.key.value.isEmpty }) else { return }
        throw Diagnostic(file: file, mark: m.mark, message:
            "wrong node kind at \(pathDescription): expected ScalarNode but got MappingNode: node contents:\n\(Node.mapping(m).snippet)")
    }

    private static func isNullKey(_ name: String, in m: Mapping) -> Bool {
        guard let i = m.entryIndex(name), m.entries[i].key.style == .plain else { return false }
        return ScalarResolver.resolveInput(name) == .null
    }

    /// kyaml's `FieldSetter`, which sets every field the walk visits: a string (or an untagged
    /// scalar, which kyaml counts as one) written plain whose text YAML 1.1 reads as another
    /// type is given double quotes — kept only where the field is new or is the target's own
    /// node (a field both sides have takes the target's style). So a replacement's created
    /// `5432` becomes the string "5432" once a patch walks its resource.
    static func fieldSetterValue(_ node: Node) -> Node {
        guard case .scalar(var s) = node, s.style == .plain, s.isKyamlString,
              ScalarResolver.isYAML11NonString(s.value) else { return node }
        s.style = .doubleQuoted
        s.tag = .string
        s.untagged = false
        return .scalar(s)
    }

    /// Takes `$setElementOrder/…`, `$retainKeys`, `$deleteFromPrimitiveList/…` out of the patch
    /// when they are to be applied; otherwise leaves them (kustomize copies them) and warns.
    func takeKubernetesDirectives(from patch: Mapping) -> [MapEntry] {
        var taken: [MapEntry] = []
        var i = 0
        while i < patch.entries.count {
            let key = patch.entries[i].key.value
            guard key.hasPrefix("$"), KubernetesDirectives.isDirective(key) else { i += 1; continue }
            if interpretKubernetesDirectives {
                taken.append(patch.entries.remove(at: i))
                continue
            }
            let where_ = path.isEmpty ? "the top level" : pathDescription
            warnings.append(PatchWarning(
                kind: .directiveNotApplied, resource: resourceDescription,
                message: "\(resourceDescription): patch directive \(key) at \(where_) is not applied; "
                    + "kustomize copies it into the output as a field"))
            i += 1
        }
        return taken
    }

    // MARK: messages

    var pathDescription: String {
        var s = ""
        for step in path {
            switch step {
            case .field(let name):
                if !s.isEmpty { s += "." }
                s += name
            case .element(let values):
                s += "[" + values.joined(separator: ",") + "]"
            }
        }
        return s.isEmpty ? "(top level)" : s
    }
}
