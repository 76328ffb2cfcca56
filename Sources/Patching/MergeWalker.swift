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
    private var path: [PathStep] = []

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
                if d.style != .plain { o.tag = .string }
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
    private func schemaFromTypeMeta(_ dest: Node?, _ origin: Node?) -> Int32 {
        let fromDest = schemaFromTypeMeta(dest)
        return fromDest >= 0 ? fromDest : schemaFromTypeMeta(origin)
    }

    private func schemaFromTypeMeta(_ node: Node?) -> Int32 {
        guard case .mapping(let m)? = node,
              let apiVersion = m.string("apiVersion"), !apiVersion.isEmpty,
              let kind = m.string("kind"), !kind.isEmpty else { return SchemaStore.none }
        return store.root(apiVersion: apiVersion, kind: kind)
    }

    private func checkSameKind(_ dest: Node?, _ origin: Node?, as reference: Node?) throws {
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

    private func walkMap(_ dest: Node?, _ origin: Node?, schema: Int32) throws -> Node? {
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
                    target.entries[i].value = value
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
            // kyaml `FieldSetter`: nil or null clears the field
            if let value, !isTaggedNull(value) {
                if let i = target.entryIndex(name) {
                    target.entries[i].value = value
                } else {
                    target.entries.append(MapEntry(key: .string(name), value: value))
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

    /// Takes `$setElementOrder/…`, `$retainKeys`, `$deleteFromPrimitiveList/…` out of the patch
    /// when they are to be applied; otherwise leaves them (kustomize copies them) and warns.
    private func takeKubernetesDirectives(from patch: Mapping) -> [MapEntry] {
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

    // MARK: lists

    /// merge2's choice for a map or associative list the target already has: a tagged-null
    /// patch deletes it; otherwise the patch's `$patch` directive deletes it, replaces it with
    /// the patch, or keeps the target to merge into.
    private enum DirectiveOutcome { case delete, keep(Node?) }

    private func directiveOutcome(_ dest: Node?, _ origin: Node?) throws -> DirectiveOutcome {
        if isTaggedNull(origin) { return .delete }
        switch try PatchDirective.take(from: origin, file: file) {
        case .delete: return .delete
        case .replace: return .keep(origin)
        case .merge: return .keep(dest)
        }
    }

    private func walkAssociativeSequence(_ dest: Node?, _ origin: Node?, schema: Int32) throws -> Node? {
        // merge2 `VisitList` for an associative list
        let merged: Node?
        if isMissingOrNull(dest) {
            merged = origin
        } else {
            guard case .keep(let base) = try directiveOutcome(dest, origin) else { return nil }
            merged = base
        }
        guard case .sequence(let target)? = merged else { return merged }
        let patch = origin?.asSequence

        let (_, keys) = store.patchStrategyAndKeys(schema)
        if useFastPaths, !keys.isEmpty, let targetKeys = Self.distinctKeyValues(target, keys: keys) {
            if patch == nil || patch === target {
                try walkItemsInPlace(target, againstThemselves: patch != nil, schema: schema)
                return merged
            }
            if let patch, let patchKeys = Self.distinctKeyValues(patch, keys: keys) {
                return try mergeDistinctItems(target: target, targetKeys: targetKeys, patch: patch,
                                              patchKeys: patchKeys, keys: keys, schema: schema)
            }
        }
        let values = Self.elementValues(keys: keys, patch: patch, target: target)
        if !values.isEmpty || !keys.isEmpty {
            return try setElements(values, keys: keys, target: target, patch: patch, schema: schema)
        }
        // a list of scalars with a merge strategy (finalizers): union, patch values first
        return try setElements(Self.primitiveValues(patch: patch, target: target), keys: [""],
                               target: target, patch: patch, schema: schema)
    }

    // Fast paths. kyaml's list merge (setElements below) is quadratic and full of corner cases,
    // which only matter when an item is not a mapping, is empty, lacks a key value, or repeats
    // another item's keys. When no item of either list does that, its result is simple: with one
    // merge key, the items in key order (patch items first) with target items merged in place;
    // with several keys, the patch's new items then the target's items in their order. These
    // paths compute that with dictionaries; tests compare them with the general path.

    /// Each item's key values, or nil when some item is not a non-empty mapping with a non-empty
    /// scalar value for every key, or two items share their key values.
    static func distinctKeyValues(_ seq: YAML.Sequence, keys: [String]) -> [[String]]? {
        var result: [[String]] = []
        result.reserveCapacity(seq.items.count)
        var seen = Set<[String]>()
        seen.reserveCapacity(seq.items.count)
        for item in seq.items {
            guard case .mapping(let m) = item, !m.entries.isEmpty else { return nil }
            var values: [String] = []
            values.reserveCapacity(keys.count)
            for key in keys {
                guard case .scalar(let s)? = m[key], s.tag != .null, !s.value.isEmpty else { return nil }
                values.append(s.value)
            }
            guard seen.insert(values).inserted else { return nil }
            result.append(values)
        }
        return result
    }

    /// A merged list the patch does not touch (or that is the patch itself): kyaml's rebuild keeps
    /// every item where it is, so only the items' own content needs walking; an item that walks
    /// to nothing (`$patch: delete` in a new list) is dropped.
    private func walkItemsInPlace(_ target: YAML.Sequence, againstThemselves: Bool, schema: Int32) throws {
        let elementSchema = store.elements(schema)
        var dropped = false
        var kept: [Node] = []
        kept.reserveCapacity(target.items.count)
        for item in target.items {
            path.append(.element([]))
            let value = try walk(item, againstThemselves ? item : nil, schema: elementSchema)
            path.removeLast()
            if isMissingOrNull(value) || isEmptyMap(value) {
                dropped = true
            } else {
                kept.append(item)
            }
        }
        if dropped { target.items = kept }
    }

    private func mergeDistinctItems(target: YAML.Sequence, targetKeys: [[String]], patch: YAML.Sequence,
                                    patchKeys: [[String]], keys: [String], schema: Int32) throws -> Node {
        let elementSchema = store.elements(schema)
        var targetIndex: [[String]: Int] = [:]
        targetIndex.reserveCapacity(targetKeys.count)
        for (i, k) in targetKeys.enumerated() { targetIndex[k] = i }
        var patchIndex: [[String]: Int] = [:]
        patchIndex.reserveCapacity(patchKeys.count)
        for (i, k) in patchKeys.enumerated() { patchIndex[k] = i }

        var merged: [Node] = []          // one key: the result, in key order
        var added: [Node] = []           // several keys: the patch's new items
        var keptTarget = [Bool](repeating: false, count: target.items.count)
        func visit(_ tuple: [String]) throws {
            let ti = targetIndex[tuple]
            let targetItem = ti.map { target.items[$0] }
            let patchItem = patchIndex[tuple].map { patch.items[$0] }
            path.append(.element(tuple))
            let value = try walk(targetItem, patchItem, schema: elementSchema)
            path.removeLast()
            guard let value, !isMissingOrNull(value), !isEmptyMap(value) else { return }
            if let ti {
                // kyaml puts the target's own item back, even after `$patch: replace`
                keptTarget[ti] = true
                merged.append(target.items[ti])
            } else {
                merged.append(value)
                added.append(value)
            }
        }
        for tuple in patchKeys { try visit(tuple) }
        for tuple in targetKeys where patchIndex[tuple] == nil { try visit(tuple) }
        if keys.count == 1 { return .sequence(YAML.Sequence(merged, mark: target.mark)) }
        var result = added
        for (i, item) in target.items.enumerated() where keptTarget[i] { result.append(item) }
        return .sequence(YAML.Sequence(result, mark: target.mark))
    }

    /// kyaml `elementValues`: each item's key values, patch items first, duplicates dropped.
    private static func elementValues(keys: [String], patch: YAML.Sequence?, target: YAML.Sequence) -> [[String]] {
        guard !keys.isEmpty else { return [] }
        var result: [[String]] = []
        var seen = Set<[String]>()
        for seq in [patch, target] {
            guard let seq else { continue }
            for item in seq.items {
                var values: [String] = []
                values.reserveCapacity(keys.count)
                for key in keys { values.append(keyValue(of: item, key)) }
                if seen.insert(values).inserted { result.append(values) }
            }
        }
        return result
    }

    /// A key field's text, or "" when the item lacks it or it is null or empty.
    private static func keyValue(of item: Node, _ key: String) -> String {
        guard case .mapping(let m) = item else { return "" }
        for e in m.entries where e.key.value == key {
            switch e.value {
            case .scalar(let s): return s.tag == .null ? "" : s.value
            default: return ""
            }
        }
        return ""
    }

    /// kyaml `elementPrimitiveValues`.
    private static func primitiveValues(patch: YAML.Sequence?, target: YAML.Sequence) -> [[String]] {
        var result: [[String]] = []
        var seen = Set<String>()
        for seq in [patch, target] {
            guard let seq else { continue }
            for item in seq.items where seen.insert(item.goValue).inserted { result.append([item.goValue]) }
        }
        return result
    }

    /// kyaml `setAssociativeSequenceElements`.
    private func setElements(_ valuesList: [[String]], keys: [String], target: YAML.Sequence,
                             patch: YAML.Sequence?, schema: Int32) throws -> Node? {
        let items = YAML.Sequence(mark: target.mark)
        let elementSchema = store.elements(schema)
        var valuesList = valuesList
        if keys.count > 1 { Self.mergeValues(&valuesList) }
        let keysWithValues = Self.keysWithValues(valuesList, keys: keys)

        var validKeys: [String] = []
        var validValues: [String] = []
        for values in valuesList where !values.isEmpty {
            (validKeys, validValues) = Self.validateKeys(values, keys: keys, keysWithValues: keysWithValues)
            let (lookupKeys, lookupValues) = Self.validateKeys(
                validValues, keys: validKeys,
                keysWithValues: Self.keysWithValues([validValues], keys: validKeys))
            let targetItem = try SequenceElements.match(in: target, keys: lookupKeys, values: lookupValues)
            let patchItem = try patch.flatMap { try SequenceElements.match(in: $0, keys: lookupKeys, values: lookupValues) }
            path.append(.element(validValues))
            let value = try walk(targetItem, patchItem, schema: elementSchema)
            path.removeLast()

            if isMissingOrNull(value) || isEmptyMap(value) {
                try SequenceElements.set(target, element: nil, keys: validKeys, values: validValues)
                continue
            }
            if case .mapping(let m)? = value {
                for (i, key) in validKeys.enumerated() where m.entryIndex(key) == nil && !validValues[i].isEmpty {
                    m.entries.append(MapEntry(key: .string(key), value: .scalar(.resolving(validValues[i]))))
                }
            }
            try SequenceElements.set(items, element: value, keys: validKeys, values: validValues)
        }
        guard !valuesList.isEmpty else { return .sequence(target) }
        // the target's items go after the patch's (kustomize's ListIncreaseDirection: prepend)
        try SequenceElements.append(into: items, from: target, keys: validKeys)
        return .sequence(items)
    }

    /// kyaml `mergeValues`: key tuples equal up to empty entries become one
    /// (`[80, ""]` and `[80, TCP]` are the same port).
    private static func mergeValues(_ list: inout [[String]]) {
        for i in list.indices {
            let first = list[i]
            for j in list.indices {
                if let merged = match(first, list[j]) {
                    list[i] = merged
                    list[j] = merged
                }
            }
        }
    }

    private static func match(_ a: [String], _ b: [String]) -> [String]? {
        guard a.count == b.count else { return nil }
        var common = false
        var result: [String] = []
        result.reserveCapacity(a.count)
        for i in a.indices {
            if a[i] == b[i] {
                common = true
                result.append(a[i])
            } else if !a[i].isEmpty && !b[i].isEmpty {
                return nil
            } else {
                result.append(a[i].isEmpty ? b[i] : a[i])
            }
        }
        return common ? result : nil
    }

    /// The keys that have a value in at least one tuple.
    private static func keysWithValues(_ valuesList: [[String]], keys: [String]) -> Set<String> {
        var set = Set<String>()
        for values in valuesList {
            for (i, v) in values.enumerated() where !v.isEmpty && i < keys.count { set.insert(keys[i]) }
        }
        return set
    }

    /// kyaml `validateKeys`: drop the keys no item has a value for.
    private static func validateKeys(_ values: [String], keys: [String], keysWithValues: Set<String>) -> ([String], [String]) {
        if keysWithValues.isEmpty { return (keys, values) }
        let validKeys = keys.filter { keysWithValues.contains($0) }
        var validValues: [String] = []
        for (i, v) in values.enumerated() where !v.isEmpty || (i < keys.count && keysWithValues.contains(keys[i])) {
            validValues.append(v)
        }
        return (validKeys, validValues)
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
