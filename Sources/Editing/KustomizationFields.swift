import YAML

/// The top-level fields of a kustomization as kustomize's `edit` knows them
/// (kustfile `determineFieldOrder`), plus our `storage:`, and its comment capture.
enum KustomizationFields {
    /// Output order for fields the file did not have (kustomize's, `storage` last).
    static let order = [
        "apiVersion", "kind", "metadata", "sortOptions", "resources", "bases", "namePrefix", "nameSuffix",
        "namespace", "crds", "commonLabels", "labels", "commonAnnotations", "patchesStrategicMerge",
        "patchesJson6902", "patches", "configMapGenerator", "secretGenerator", "helmCharts",
        "helmChartInflationGenerator", "helmGlobals", "generatorOptions", "vars", "images", "replacements",
        "replicas", "configurations", "generators", "transformers", "validators", "components", "openapi",
        "buildMetadata", "storage",
    ]

    private static let byLowercase: [String: String] = Dictionary(
        uniqueKeysWithValues: (order + ["imageTags"]).map { ($0.lowercased(), $0) })

    /// The canonical key for a key as written (Go's JSON decoding ignores case).
    static func canonicalKey(_ key: String) -> String? {
        byLowercase[key.lowercased()]
    }

    /// kustomize's `parseCommentedFields`, line by line: comment and blank lines go above the
    /// next top-level field line; comments met inside a field's content move above that field;
    /// comments after the last field, and a last line without a line break, are dropped.
    static func commentedFields(in bytes: [UInt8]) -> [(key: String, comment: [UInt8])] {
        var fields: [(key: String, comment: [UInt8])] = []
        var pending: [UInt8] = []
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = bytes[start...newline]
            start = newline + 1
            if isCommentOrBlank(line) {
                pending += line
            } else if let key = fieldKey(line) {
                fields.append((key, pending))
                pending = []
            } else if !pending.isEmpty && !fields.isEmpty {
                fields[fields.count - 1].comment += pending
                pending = []
            }
        }
        return fields
    }

    /// Blank, or `#` after leading spaces (tabs and `\r` count as content, as in kustomize).
    private static func isCommentOrBlank(_ line: ArraySlice<UInt8>) -> Bool {
        var body = line.drop { $0 == UInt8(ascii: " ") }
        if body.last == UInt8(ascii: "\n") { body = body.dropLast() }
        return body.isEmpty || body.first == UInt8(ascii: "#")
    }

    /// `key:` at column 0 for a known field, any case.
    private static func fieldKey(_ line: ArraySlice<UInt8>) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        guard let key = canonicalKey(name), key != "imageTags" else { return nil }
        return key
    }
}
