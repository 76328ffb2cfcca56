import YAML

/// Lists in a strategic merge: associative lists merged item by item by their merge keys,
/// kyaml's element matching and `$setElementOrder`-free ordering, `$patch` on lists.
extension MergeWalker {
    /// merge2's choice for a map or associative list the target already has: a tagged-null
    /// patch deletes it; otherwise the patch's `$patch` directive deletes it, replaces it with
    /// the patch, or keeps the target to merge into.
    enum DirectiveOutcome { case delete, keep(Node?) }

    func directiveOutcome(_ dest: Node?, _ origin: Node?) throws -> DirectiveOutcome {
        if isTaggedNull(origin) { return .delete }
        switch try PatchDirective.take(from: origin, file: file) {
        case .delete: return .delete
        case .replace: return .keep(origin)
        case .merge: return .keep(dest)
        }
    }

    func walkAssociativeSequence(_ dest: Node?, _ origin: Node?, schema: Int32) throws -> Node? {
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
    func walkItemsInPlace(_ target: YAML.Sequence, againstThemselves: Bool, schema: Int32) throws {
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

    func mergeDistinctItems(target: YAML.Sequence, targetKeys: [[String]], patch: YAML.Sequence,
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
    static func elementValues(keys: [String], patch: YAML.Sequence?, target: YAML.Sequence) -> [[String]] {
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
    static func keyValue(of item: Node, _ key: String) -> String {
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
    static func primitiveValues(patch: YAML.Sequence?, target: YAML.Sequence) -> [[String]] {
        var result: [[String]] = []
        var seen = Set<String>()
        for seq in [patch, target] {
            guard let seq else { continue }
            for item in seq.items where seen.insert(item.goValue).inserted { result.append([item.goValue]) }
        }
        return result
    }

    /// kyaml `setAssociativeSequenceElements`.
    func setElements(_ valuesList: [[String]], keys: [String], target: YAML.Sequence,
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
    static func mergeValues(_ list: inout [[String]]) {
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

    static func match(_ a: [String], _ b: [String]) -> [String]? {
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
    static func keysWithValues(_ valuesList: [[String]], keys: [String]) -> Set<String> {
        var set = Set<String>()
        for values in valuesList {
            for (i, v) in values.enumerated() where !v.isEmpty && i < keys.count { set.insert(keys[i]) }
        }
        return set
    }

    /// kyaml `validateKeys`: drop the keys no item has a value for.
    static func validateKeys(_ values: [String], keys: [String], keysWithValues: Set<String>) -> ([String], [String]) {
        if keysWithValues.isEmpty { return (keys, values) }
        let validKeys = keys.filter { keysWithValues.contains($0) }
        var validValues: [String] = []
        for (i, v) in values.enumerated() where !v.isEmpty || (i < keys.count && keysWithValues.contains(keys[i])) {
            validValues.append(v)
        }
        return (validKeys, validValues)
    }
}
