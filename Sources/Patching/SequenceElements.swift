import YAML

// The list-element primitives of kyaml (`ElementSetter`, `MatchElementList`, `FieldMatcher`,
// `appendListNode`), reproduced with their quirks: kustomize's list merge results (which
// elements survive, in which order) fall out of exactly these rules. Each helper is linear in
// the list, so a merge is quadratic in one list's length, as in kustomize; lists are short.

enum SequenceElements {
    /// kyaml `FieldMatcher{Name, Value}` on one element: the value of field `name` (any value when
    /// `value` is nil, else one whose text equals it). An empty name matches a scalar element by
    /// its text. Throws on an element of the wrong kind, as kyaml does.
    static func field(of element: Node, named name: String, value: String?) throws -> Node? {
        if isMissingOrNull(element) { return nil }
        if name.isEmpty {
            guard case .scalar(let s) = element else { throw wrongKind(expected: "ScalarNode", element) }
            return s.value == (value ?? "") ? element : nil
        }
        guard case .mapping(let m) = element else { throw wrongKind(expected: "MappingNode", element) }
        for e in m.entries where e.key.value == name {
            if value == nil || e.value.goValue == value { return e.value }
        }
        return nil
    }

    /// kyaml `ElementMatcher{Keys, Values}` (`RNode.ElementList`): the first element whose fields
    /// equal all the values; with the key `""`, the first element whose text equals the value.
    static func match(in seq: YAML.Sequence, keys: [String], values: [String]) throws -> Node? {
        let keys = keys.isEmpty ? [""] : keys
        let values = values.isEmpty ? [""] : values
        if keys[0].isEmpty {
            for item in seq.items where item.goValue == values[0] { return item }
            return nil
        }
        for item in seq.items {
            guard case .mapping(let m) = item else { continue }
            guard keys.count == values.count else {
                throw Diagnostic(message: "length of keys must equal length of values when MatchAnyValue is false")
            }
            var matches = true
            for i in keys.indices {
                var found = false
                for e in m.entries where e.key.value == keys[i] && e.value.goValue == values[i] {
                    found = true
                    break
                }
                if !found { matches = false; break }
            }
            if matches { return item }
        }
        return nil
    }

    /// kyaml `ElementSetter`: replaces every element matching the key values with `element`
    /// (or removes them when `element` is nil), appending `element` when none matched. As a side
    /// effect it drops null and empty-map elements, and — kyaml's quirk — when `values` is empty
    /// it keeps no unmatched element at all.
    static func set(_ seq: YAML.Sequence, element: Node?, keys: [String], values: [String]) throws {
        let keys = keys.isEmpty ? [""] : keys
        let isMappingSetter = !keys[0].isEmpty && !values.isEmpty && !values[0].isEmpty
        var kept: [Node] = []
        kept.reserveCapacity(seq.items.count + 1)
        var matched = false
        for item in seq.items {
            if isMissingOrNull(item) || isEmptyMap(item) { continue }
            if isMappingSetter, item.asMapping == nil {
                kept.append(item)
                continue
            }
            var found = true
            var fieldValue: Node? = nil  // carried over when there are fewer values than keys
            for j in keys.indices {
                if j < values.count {
                    fieldValue = try field(of: item, named: keys[j], value: values[j].isEmpty ? nil : values[j])
                }
                if fieldValue == nil {
                    found = false
                    break
                }
            }
            if !found {
                if !values.isEmpty { kept.append(item) }
                continue
            }
            matched = true
            if let element { kept.append(element) }
        }
        seq.items = kept
        guard let element, !isMissingOrNull(element) else { return }
        if !matched { seq.items.append(element) }
    }

    /// kyaml `appendListNode(dst, src, keys)`: puts each element of `src` into `dst`, replacing
    /// the elements it matches by key; elements without a key value are appended as they are.
    static func append(into dst: YAML.Sequence, from src: YAML.Sequence, keys: [String]) throws {
        let snapshot = src.items
        for item in snapshot {
            if keys.isEmpty || keys[0].isEmpty {
                try set(dst, element: item, keys: [""], values: [item.goValue])
                continue
            }
            var values: [String] = []
            for key in keys {
                guard let v = try field(of: item, named: key, value: nil) else {
                    dst.items.append(item)
                    continue
                }
                values.append(v.goValue)
            }
            if keys.count > 1 {
                // several keys: ElementSetter would append a duplicate, so remove first
                try set(dst, element: nil, keys: keys, values: values)
            }
            try set(dst, element: item, keys: keys, values: values)
        }
    }

    /// kyaml `GetElementByKey`: the first mapping element that has `key`.
    static func firstMapping(in seq: YAML.Sequence, withKey key: String) -> Mapping? {
        for item in seq.items {
            if case .mapping(let m) = item, m.entryIndex(key) != nil { return m }
        }
        return nil
    }

    static func wrongKind(expected: String, _ node: Node) -> Diagnostic {
        Diagnostic(mark: node.mark,
                   message: "wrong node kind: expected \(expected) but got \(node.kindName): node contents:\n\(node.snippet)")
    }
}
