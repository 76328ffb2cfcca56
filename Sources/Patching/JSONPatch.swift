import YAML

// Public API
//   let patch = try JSONPatch(text: fileText, file: "patch.yaml")     // YAML or JSON
//   let patch = try JSONPatch(document: node, file: "kustomization.yaml")
//   let result = try patch.apply(to: .mapping(resource.object))        // mutates in place
//
// RFC 6902 with the behaviour of evanphx/json-patch v4 as used by kustomize v5.5.0, each point
// checked with `kubectl kustomize`:
// - `add` on an existing map key replaces it; `add` at index == length appends, `-` appends,
//   negative indices count from the end (`-1` on add appends); an index past the end is an error.
// - `replace` of a missing MAP key adds it (no error); of a missing list index is an error;
//   `replace` of the whole document (`""`) with a scalar does nothing.
// - `remove` of a missing key or index is an error; `-` is not an index for remove/replace.
// - `copy` from a missing map key writes `null`; `move` from a missing key is an error.
// - `test` compares JSON values (1 equals 1.0, "1" does not equal 1); a missing or null value
//   equals `null`; a missing `value` in `add` writes `null`.
// - the part of a path before its first `/` is ignored (`spec/x` is `/x`); `~1` is `/`, `~0` is `~`.
// Error messages follow the library's, prefixed with the patch file, the op's position and index:
//   `patch.yaml:3:3: operation 2 (remove /spec/x): error in remove for path: '/spec/x':
//    Unable to remove nonexistent key: x: missing value`

/// A JSON patch (RFC 6902): a list of operations applied in order.
public struct JSONPatch {
    public struct Operation {
        /// `add`, `remove`, `replace`, `move`, `copy`, `test`, or whatever the patch says.
        public var op: String
        public var path: JSONPointer?
        public var from: JSONPointer?
        /// The `value`; nil when absent or null.
        public var value: Node?
        /// Whether the operation has a `value` key at all (even `null`).
        public var hasValue: Bool
        public var mark: Mark
    }

    public let operations: [Operation]
    public let file: String

    public init(operations: [Operation], file: String = "") {
        self.operations = operations
        self.file = file
    }

    /// From a parsed document: a sequence of mappings with `op`, `path`, `from`, `value`.
    public init(document: Node, file: String) throws {
        self.file = file
        guard case .sequence(let seq) = document else {
            throw Diagnostic(file: file, mark: document.mark,
                             message: "a JSON patch must be a list of operations, found a \(document.kindName)")
        }
        var ops: [Operation] = []
        ops.reserveCapacity(seq.items.count)
        for item in seq.items {
            guard case .mapping(let m) = item else {
                throw Diagnostic(file: file, mark: item.mark, message: "a JSON patch operation must be a mapping")
            }
            let value = m["value"]
            ops.append(Operation(op: m.string("op") ?? "unknown",
                                 path: m.string("path").map(JSONPointer.init),
                                 from: m.string("from").map(JSONPointer.init),
                                 value: value.flatMap { $0.isNull ? nil : $0 },
                                 hasValue: value != nil,
                                 mark: m.mark))
        }
        operations = ops
    }

    /// From patch text in YAML or JSON (JSON is YAML); only its first document is read, as
    /// kustomize's YAML-to-JSON conversion does.
    public init(text: String, file: String) throws {
        let docs = try YAMLParser().parse(text, file: file)
        guard let first = docs.first else {
            throw Diagnostic(file: file, message: "empty json patch operations")
        }
        try self.init(document: first, file: file)
    }

    /// Applies the operations in order to `root` (edited in place) and returns the result,
    /// which is a different node only when the whole document is replaced.
    public func apply(to root: Node) throws -> Node {
        var doc = root
        for (index, op) in operations.enumerated() {
            do {
                try apply(op, to: &doc)
            } catch let failure as Failure {
                let what = op.path.map { "\(op.op) \($0.text)" } ?? op.op
                throw Diagnostic(file: file, mark: op.mark,
                                 message: "operation \(index + 1) (\(what)): \(failure.message)")
            }
        }
        return doc
    }

    // MARK: operations

    private struct Failure: Error { var message: String }

    private enum Container {
        case map(Mapping)
        case list(YAML.Sequence)
    }

    private func apply(_ op: Operation, to doc: inout Node) throws {
        switch op.op {
        case "add":
            let path = try decoded(op.path, "add operation failed to decode path")
            guard let (con, key) = findObject(doc, path) else {
                throw Failure(message: "add operation does not apply: doc is missing path: \"\(path.text)\": missing value")
            }
            try prefixed("error in add for path: '\(path.text)'") { try add(con, key, copyOf(op.value)) }
        case "remove":
            let path = try decoded(op.path, "remove operation failed to decode path")
            guard let (con, key) = findObject(doc, path) else {
                throw Failure(message: "remove operation does not apply: doc is missing path: \"\(path.text)\": missing value")
            }
            try prefixed("error in remove for path: '\(path.text)'") { _ = try remove(con, key) }
        case "replace":
            let path = try decoded(op.path, "replace operation failed to decode path")
            if path.text.isEmpty {
                guard op.hasValue else { throw Failure(message: "replace operation value must be object or array") }
                // a null or scalar document is silently ignored by kustomize's library
                if let value = op.value, value.asScalar == nil { doc = value.deepCopy() }
                return
            }
            guard let (con, key) = findObject(doc, path) else {
                throw Failure(message: "replace operation does not apply: doc is missing path: \(path.text): missing value")
            }
            do { _ = try get(con, key) } catch {
                throw Failure(message: "replace operation does not apply: doc is missing key: \(path.text): missing value")
            }
            try prefixed("error in remove for path: '\(path.text)'") { try set(con, key, copyOf(op.value)) }
        case "move":
            let from = try decoded(op.from, "move operation failed to decode from")
            guard let (fromCon, fromKey) = findObject(doc, from) else {
                throw Failure(message: "move operation does not apply: doc is missing from path: \(from.text): missing value")
            }
            let value = try prefixed("error in move for path: '\(fromKey)'") { try get(fromCon, fromKey) }
            try prefixed("error in move for path: '\(fromKey)'") { _ = try remove(fromCon, fromKey) }
            let path = try decoded(op.path, "move operation failed to decode path")
            guard let (con, key) = findObject(doc, path) else {
                throw Failure(message: "move operation does not apply: doc is missing destination path: \(path.text): missing value")
            }
            try prefixed("error in move for path: '\(path.text)'") { try add(con, key, value ?? .null) }
        case "copy":
            let from = try decoded(op.from, "copy operation failed to decode from")
            guard let (fromCon, fromKey) = findObject(doc, from) else {
                throw Failure(message: "copy operation does not apply: doc is missing from path: \(from.text): missing value")
            }
            let value = try prefixed("error in copy for from: '\(from.text)'") { try get(fromCon, fromKey) }
            let path = try decoded(op.path, "copy operation failed to decode path")
            guard let (con, key) = findObject(doc, path) else {
                throw Failure(message: "copy operation does not apply: doc is missing destination path: \(path.text): missing value")
            }
            try prefixed("error while adding value during copy") { try add(con, key, value?.deepCopy() ?? .null) }
        case "test":
            let path = try decoded(op.path, "test operation failed to decode path")
            let actual: Node?
            if path.text.isEmpty {
                actual = doc
            } else {
                guard let (con, key) = findObject(doc, path) else {
                    throw Failure(message: "test operation does not apply: is missing path: \(path.text): missing value")
                }
                actual = try prefixed("error in test for path: '\(path.text)'") { try get(con, key) }
            }
            let passed: Bool
            switch (actual, op.value) {
            case (nil, nil): passed = true
            case (nil, _), (_, nil): passed = false
            case let (a?, b?): passed = JSONValue.equal(a, b)
            }
            if !passed { throw Failure(message: "testing value \(path.text) failed: test failed") }
        default:
            throw Failure(message: "Unexpected kind: \(op.op)")
        }
    }

    private func decoded(_ pointer: JSONPointer?, _ message: String) throws -> JSONPointer {
        guard let pointer else { throw Failure(message: "\(message): missing value") }
        return pointer
    }

    private func prefixed<T>(_ prefix: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let f as Failure { throw Failure(message: "\(prefix): \(f.message)") }
    }

    /// A fresh copy of a patch value, so resources never share nodes; null when absent.
    private func copyOf(_ value: Node?) -> Node { value?.deepCopy() ?? .null }

    /// evanphx `findObject`: the container of the last token, walking the others.
    private func findObject(_ doc: Node, _ pointer: JSONPointer) -> (Container, String)? {
        guard let key = pointer.tokens.last, var con = container(doc) else { return nil }
        for token in pointer.tokens.dropLast() {
            guard let next = try? get(con, token), let c = container(next) else { return nil }
            con = c
        }
        return (con, key)
    }

    private func container(_ node: Node) -> Container? {
        switch node {
        case .mapping(let m): return .map(m)
        case .sequence(let s): return .list(s)
        case .scalar: return nil
        }
    }

    /// The value at `key`; nil for a missing map key or a null value.
    private func get(_ con: Container, _ key: String) throws -> Node? {
        switch con {
        case .map(let m):
            guard let v = m[key], !v.isNull else { return nil }
            return v
        case .list(let s):
            var idx = try Self.atoi(key)
            if idx < 0 {
                guard idx >= -s.items.count else { throw Self.invalidIndex(idx) }
                idx += s.items.count
            }
            guard idx < s.items.count else { throw Self.invalidIndex(idx) }
            let v = s.items[idx]
            return v.isNull ? nil : v
        }
    }

    private func set(_ con: Container, _ key: String, _ value: Node) throws {
        switch con {
        case .map(let m):
            m[key] = value
        case .list(let s):
            var idx = try Self.atoi(key)
            if idx < 0 {
                guard idx >= -s.items.count else { throw Self.invalidIndex(idx) }
                idx += s.items.count
            }
            guard idx < s.items.count else { throw Self.invalidIndex(idx) }
            s.items[idx] = value
        }
    }

    private func add(_ con: Container, _ key: String, _ value: Node) throws {
        switch con {
        case .map(let m):
            m[key] = value
        case .list(let s):
            if key == "-" {
                s.items.append(value)
                return
            }
            var idx: Int
            do { idx = try Self.atoi(key) } catch let f as Failure {
                throw Failure(message: "value was not a proper array index: '\(key)': \(f.message)")
            }
            let size = s.items.count + 1
            guard idx < size, idx >= -size else { throw Self.invalidIndex(idx) }
            if idx < 0 { idx += size }
            s.items.insert(value, at: idx)
        }
    }

    private func remove(_ con: Container, _ key: String) throws -> Node? {
        switch con {
        case .map(let m):
            guard let i = m.entryIndex(key) else {
                throw Failure(message: "Unable to remove nonexistent key: \(key): missing value")
            }
            return m.entries.remove(at: i).value
        case .list(let s):
            var idx = try Self.atoi(key)
            guard idx < s.items.count else { throw Self.invalidIndex(idx) }
            if idx < 0 {
                guard idx >= -s.items.count else { throw Self.invalidIndex(idx) }
                idx += s.items.count
            }
            return s.items.remove(at: idx)
        }
    }

    private static func invalidIndex(_ idx: Int) -> Failure {
        Failure(message: "Unable to access invalid index: \(idx): invalid index referenced")
    }

    /// Go's `strconv.Atoi`: optional sign, decimal digits, no spaces.
    private static func atoi(_ s: String) throws -> Int {
        var digits = Substring(s)
        var negative = false
        if let first = digits.first, first == "+" || first == "-" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else {
            throw Failure(message: "strconv.Atoi: parsing \"\(s)\": invalid syntax")
        }
        return negative ? -n : n
    }
}
