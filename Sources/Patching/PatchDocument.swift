import YAML

// Public API
//   switch try PatchDocument.parse(bytes: text, file: "patch.yaml") { … }   // a `patches:` entry
//   let maps = try PatchDocument.strategicMergePatches(bytes:file:)        // patchesStrategicMerge
//   let json = try PatchDocument.jsonPatch(bytes:file:)                    // patchesJson6902
//
// How kustomize v5.5.0 reads the text of a patch, checked with `kubectl kustomize`. A `patches:`
// entry is read both ways, and exactly one reading must succeed:
// - as strategic merge patches: every YAML document, empty ones skipped; each must be a mapping
//   with a `kind` and a non-empty `metadata.name` (a `…List` kind needs no name, and its
//   `items` become patches of their own);
// - as a JSON patch: text starting with `[` is strict JSON; any other text is read as YAML 1.1
//   (first document only, `yes`/`on` are booleans, timestamps stay text, `.inf`/`.nan` fail)
//   and must be a list of operation mappings (`null` is the empty patch).
// Both readings succeeding (`[]`, a comment-only text) is "illegally qualifies as both an SM and
// JSON patch"; both failing is "unable to parse SM or JSON patch". When the strategic merge
// reading finds no patch and the JSON reading fails (`{}`), kustomize takes it as a JSON patch
// that fails on the first resource it is applied to.

/// The contents of a patch, as kustomize classifies them.
public enum PatchDocument {
    /// A patch file of zero bytes: with a `target:`, nothing happens; without, kustomize fails.
    case empty
    case strategicMerge([Mapping])
    case json(JSONPatch)
    /// Taken as a JSON patch that cannot be decoded: an error once it meets a resource.
    case undecodableJSON(Diagnostic)

    /// Reads patch text as kustomize does: a strategic merge patch or a JSON 6902 patch.
    /// `limits` are the build's parse budgets.
    public static func parse(bytes: [UInt8], file: String, limits: ParseLimits = .default) throws -> PatchDocument {
        if bytes.isEmpty { return .empty }
        // A JSON reading with operations means the first document is a non-empty list, which
        // the strategic merge reading refuses: that is the answer without it.
        var jsonFirst: Result<JSONPatch, Error>?
        if !startsWithKey(bytes) {
            let read = Result { try jsonPatch(bytes: bytes, file: file, limits: limits) }
            if case .success(let patch) = read, !patch.operations.isEmpty { return .json(patch) }
            jsonFirst = read
        }
        let sm = Result { try strategicMergePatches(bytes: bytes, file: file, limits: limits) }
        // A stream whose first document starts with a key is a mapping, which no JSON reading
        // takes; when the strategic merge reading found patches there, that is the answer.
        if case .success(let maps) = sm, !maps.isEmpty, startsWithKey(bytes) { return .strategicMerge(maps) }
        let json = jsonFirst ?? Result { try jsonPatch(bytes: bytes, file: file, limits: limits) }
        switch (sm, json) {
        case (.success, .success):
            throw Diagnostic(file: file, message: "illegally qualifies as both an SM and JSON patch")
        case (.failure(let smError), .failure):
            throw Diagnostic(file: file, message: "unable to parse SM or JSON patch: \(describe(smError))")
        case (.success(let maps), .failure(let jsonError)):
            if maps.isEmpty {
                return .undecodableJSON(jsonError as? Diagnostic ?? Diagnostic(file: file, message: describe(jsonError)))
            }
            return .strategicMerge(maps)
        case (.failure, .success(let patch)):
            return .json(patch)
        }
    }

    /// Whether the first thing after blank and comment lines is an ASCII letter (a plain key).
    static func startsWithKey(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                i += 1
            case UInt8(ascii: "#"):
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                return true
            default:
                return false
            }
        }
        return false
    }

    public static func parse(_ text: String, file: String) throws -> PatchDocument {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// The strategic merge reading: kustomize's resource factory over every document.
    public static func strategicMergePatches(bytes: [UInt8], file: String, limits: ParseLimits = .default) throws -> [Mapping] {
        // go-yaml keeps a key read twice; fields are looked up by their first occurrence
        let docs = try bytes.withUnsafeBufferPointer {
            try YAMLParser(limits: limits, duplicateKeys: .firstWins).parseResourceStream(bytes: $0, file: file)
        }
        var patches: [Mapping] = []
        for doc in docs {
            switch doc {
            case .mapping(let m) where m.entries.isEmpty:
                continue
            case .sequence(let s) where s.items.isEmpty:
                continue
            case .mapping(let m):
                let kind = m.string("kind") ?? ""
                guard !kind.isEmpty else {
                    throw Diagnostic(file: file, mark: m.mark, message: "missing kind in strategic merge patch")
                }
                if kind.hasSuffix("List") {
                    if let items = m["items"]?.asSequence {
                        patches += items.items.compactMap(\.asMapping)
                    } else {
                        patches.append(m)
                    }
                    continue
                }
                guard let name = m.mapping("metadata")?.string("name"), !name.isEmpty else {
                    throw Diagnostic(file: file, mark: m.mark, message: "missing metadata.name in strategic merge patch")
                }
                patches.append(m)
            default:
                throw Diagnostic(file: file, mark: doc.mark, message: "a strategic merge patch must be a mapping")
            }
        }
        return patches
    }

    /// The JSON reading (kustomize's `jsonPatchFromBytes`).
    public static func jsonPatch(bytes: [UInt8], file: String, limits: ParseLimits = .default) throws -> JSONPatch {
        guard let first = bytes.first else {
            throw Diagnostic(file: file, message: "empty json patch operations")
        }
        var parser = YAMLParser(limits: limits)
        if first == UInt8(ascii: "[") {
            guard StrictJSON.isValid(bytes) else {
                throw Diagnostic(file: file, message: "a JSON patch that starts with '[' must be valid JSON")
            }
        } else {
            parser.goYAMLv2 = true
        }
        let document: Node?
        do {
            document = try parser.parseFirstDocument(bytes: bytes, file: file)
        } catch let e as Diagnostic {
            throw Diagnostic(file: e.file, mark: e.mark, message: e.message)
        }
        guard let document else { return try JSONPatch(document: .sequence(Sequence()), file: file) }
        if first != UInt8(ascii: "[") { try asJSON(document, file: file) }
        return try JSONPatch(document: document, file: file)
    }

    /// What YAML-to-JSON conversion does to values: timestamps stay text, and infinities and
    /// NaN have no JSON form.
    private static func asJSON(_ node: Node, file: String) throws {
        switch node {
        case .scalar:
            return
        case .mapping(let m):
            for i in m.entries.indices {
                m.entries[i].key = try jsonKey(m.entries[i].key, file: file)
                if case .scalar(var s) = m.entries[i].value {
                    try check(&s, file: file)
                    m.entries[i].value = .scalar(s)
                } else {
                    try asJSON(m.entries[i].value, file: file)
                }
            }
        case .sequence(let seq):
            for i in seq.items.indices {
                if case .scalar(var s) = seq.items[i] {
                    try check(&s, file: file)
                    seq.items[i] = .scalar(s)
                } else {
                    try asJSON(seq.items[i], file: file)
                }
            }
        }
    }

    /// A plain key YAML 1.1 reads as a boolean or an integer becomes that value's JSON text
    /// (`on` is "true", `0x1F` is "31"), as go-yaml v2's map keys do on their way to JSON; a
    /// null key (`~`, `null`, nothing) has no JSON text at all.
    private static func jsonKey(_ key: Scalar, file: String) throws -> Scalar {
        guard key.style == .plain else { return key }
        switch ScalarResolver.resolveYAML11(key.value) {
        case .null:
            throw Diagnostic(file: file, mark: key.mark, message: "a null map key (\"\(key.value)\") has no JSON form")
        case .bool:
            var k = key
            k.value = Scalar(key.value, tag: .bool).boolValue == true ? "true" : "false"
            return k
        case .int:
            guard let i = GoNumber.parseInt(key.value) else { return key }
            var k = key
            k.value = GoNumber.format(i)
            return k
        default:
            return key
        }
    }

    private static func check(_ s: inout Scalar, file: String) throws {
        switch s.tag {
        case .timestamp:
            s.tag = .string
        case .int:
            // go-yaml reads `-0` as the integer 0 (strict JSON's -0 stays a negative zero).
            if case .signed(0)? = GoNumber.parseInt(s.value) { s.value = "0" }
        case .float:
            if let d = GoNumber.parseFloat(s.value), !d.isFinite {
                throw Diagnostic(file: file, mark: s.mark, message: "json: unsupported value: \(s.value)")
            }
        default:
            return
        }
    }

    private static func describe(_ error: Error) -> String {
        (error as? Diagnostic)?.message ?? "\(error)"
    }
}
