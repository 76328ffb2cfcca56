import KubeModel
import Manifests
import Patching
import YAML

/// The text of a patch — inline or from a file (through the load restrictor) — read the way
/// each patch field reads it (`PatchDocument` holds the rules).
struct PatchSource {
    enum Reading {
        /// A `patches:` entry: strategic merge or JSON 6902, whichever it parses as.
        case either
        /// `patchesJson6902:` and the JSON 6902 plugin: the JSON reading only.
        case json6902
    }

    let file: String
    let content: PatchDocument
    /// The text of a single strategic merge patch, kept for the node history of generated
    /// objects it patches (`GeneratedNodeHistory`) when `KyamlReplay` can replay it: one
    /// document, no comments (libyaml does not report them, go-yaml keeps them in the node),
    /// no `$` directives, anchors, tags, carriage returns or byte-order mark. nil drops the
    /// history of what it patches.
    var replayText: [UInt8]? = nil

    static func load(path: String?, inline: String?, kustomization k: Kustomization, root: String,
                     loader: ManifestLoader, mark: Mark, reading: Reading = .either) throws -> PatchSource {
        let trimmed = inline?.trimmingWhitespace() ?? ""
        if !trimmed.isEmpty && path != nil {
            throw Diagnostic("patch and path can't be set at the same time", file: k.file, mark: mark)
        }
        if let path {
            let full = try loader.resolveFile(path, root: root, kustomizationFile: k.file)
            return try parse(bytes: loader.fileSystem.readBytes(full, limit: loader.limits.maxInputBytes), file: full, reading: reading, limits: loader.limits)
        }
        guard !trimmed.isEmpty else {
            throw Diagnostic("must specify one of patch and path", file: k.file, mark: mark)
        }
        // `patches:` trims the text (a last block scalar loses its final line break);
        // `patchesJson6902:` reads its `patch` as written.
        let text = reading == .json6902 ? inline ?? "" : trimmed
        return try parse(bytes: Array(text.utf8), file: k.file, reading: reading, limits: loader.limits)
    }

    static func parse(bytes: [UInt8], file: String, reading: Reading = .either, limits: ParseLimits = .default) throws -> PatchSource {
        switch reading {
        case .either:
            let content = try PatchDocument.parse(bytes: bytes, file: file, limits: limits)
            var source = PatchSource(file: file, content: content)
            if case .strategicMerge(let patches) = content, patches.count == 1, Self.isReplayable(bytes) {
                source.replayText = bytes
            }
            return source
        case .json6902:
            return PatchSource(file: file, content: .json(try PatchDocument.jsonPatch(bytes: bytes, file: file, limits: limits)))
        }
    }
}

extension PatchSource {
    private static func isReplayable(_ bytes: [UInt8]) -> Bool {
        let refused: Set<UInt8> = [UInt8(ascii: "#"), UInt8(ascii: "$"), 13, UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!")]
        if bytes.contains(where: { refused.contains($0) }) || bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return false }
        // a document marker anywhere (at a line start) could split or end the stream
        var lineStart = true
        for (i, b) in bytes.enumerated() {
            if lineStart, i + 3 <= bytes.count, bytes[i..<(i + 3)].elementsEqual("---".utf8) || bytes[i..<(i + 3)].elementsEqual("...".utf8) {
                return false
            }
            lineStart = b == 10
        }
        return true
    }
}

/// Applying patches to resources in a map, shared by the three patch fields.
struct PatchApplier {
    let schema: MergeSchema
    let diagnostics: Diagnostics

    /// The one resource a patch names by its own apiVersion, kind, name and namespace
    /// (matching current or earlier IDs, as kustomize's GetById).
    func target(of patch: Mapping, in resources: ResourceMap, file: String) throws -> Resource {
        let gvk = GVK(apiVersion: patch.string("apiVersion") ?? "", kind: patch.string("kind") ?? "")
        let meta = patch.mapping("metadata")
        let id = ResourceID(gvk: gvk, name: meta?.string("name") ?? "", namespace: meta?.string("namespace") ?? "")
        let found = resources.matchingAnyID { $0.gvk == id.gvk && $0.name == id.name && $0.isNamespaceEqual(id) }
        if found.count == 1 { return found[0] }
        let what = found.isEmpty ? "no matches" : "multiple matches"
        throw Diagnostic("\(what) for Id \(id); failed to find unique target for patch \(id)", file: file, mark: patch.mark)
    }

    /// Strategic-merges `patch` into each of `targets`; resources the patch deletes leave the map.
    /// With `unitingMetadata` (kustomize's resource-map patching: `patchesStrategicMerge`, and
    /// `patches` with a target) the patch's labels and annotations are first united with the
    /// target's (kustomize's `CopyMergeMetaDataFieldsFrom`): the patch's own values become
    /// text, and a null or empty map there deletes nothing.
    /// `replayText` (the patch's text when it can be replayed) is recorded in the node history
    /// of each generated target; without it their histories are dropped.
    func merge(_ patch: Mapping, into targets: [Resource], resources: ResourceMap, file: String,
               unitingMetadata: Bool, allowNameChange: Bool = false, allowKindChange: Bool = false,
               replayText: [UInt8]? = nil) throws {
        let smp = StrategicMergePatch(schema: schema, options: .init(
            allowNameChange: allowNameChange, allowKindChange: allowKindChange, watchedLists: [StatefulSetView.claimTemplatesSpec],
            copiesEmptyAPIVersion: unitingMetadata))
        for r in targets {
            if allowNameChange || allowKindChange { r.rememberCurrentID() }
            let outcome: PatchOutcome
            let warnings: [PatchWarning]
            let applied = unitingMetadata ? Self.unitingMetadata(of: patch, with: r)
                : (allowNameChange || allowKindChange) ? Self.annotationsAsText(of: patch) : patch
            (outcome, warnings) = try smp.apply(applied, to: r, patchFile: file)
            for w in warnings { diagnostics.warn(BuildWarning(message: w.message, patchFile: file, patch: w)) }
            if outcome == .deleteResource { resources.remove(r) }
            if let replayText, r.generator?.nodeHistory != nil {
                r.generator?.nodeHistory?.patches.append(GeneratedNodeHistory.Patch(
                    text: replayText, targeted: unitingMetadata, allowNameChange: allowNameChange, allowKindChange: allowKindChange))
            } else {
                r.generator?.nodeHistory = nil
            }
        }
    }

    /// A key as kyaml's `SetLabels`/`SetAnnotations` make it anew: a plain string.
    static func newKey(_ key: Scalar) -> Scalar {
        Scalar(key.value, tag: .string, mark: key.mark)
    }

    /// kustomize marks a patch that may rename or re-kind with an annotation (`SetAnnotations`),
    /// which turns the patch's own annotation values into text (`.5` is `".5"`).
    static func annotationsAsText(of patch: Mapping) -> Mapping {
        guard let annotations = patch.mapping("metadata")?.mapping("annotations"), !annotations.entries.isEmpty else { return patch }
        let copy = patch.deepCopy()
        if let copied = copy.mapping("metadata")?.mapping("annotations") {
            copied.entries = Self.textPairs(of: copied).map { MapEntry(key: Self.newKey($0.0), value: .scalar(.kyamlString($0.1))) }
            copied.droppedDuplicates = []
        }
        return copy
    }

    /// kustomize's `CopyMergeMetaDataFieldsFrom` on a copy of the patch, as the oracle shows
    /// it: the target's own labels and annotations stay as they are, the patch's values are
    /// set as text (`5` is `"5"`, `null` is `"null"`), and a patch map that is null or empty
    /// removes nothing.
    static func unitingMetadata(of patch: Mapping, with target: Resource) -> Mapping {
        guard let patchMetadata = patch.mapping("metadata"),
              patchMetadata["labels"] != nil || patchMetadata["annotations"] != nil else { return patch }
        let copy = patch.deepCopy()
        let metadata = copy.ensureMapping("metadata")
        for field in ["labels", "annotations"] where metadata[field] != nil {
            let pairs = metadata.mapping(field).map(Self.textPairs) ?? []
            if pairs.isEmpty {
                metadata.removeValue(forKey: field)
            } else {
                // new nodes, keys written plain (kyaml's SetLabels/SetAnnotations)
                metadata[field] = .mapping(Mapping(pairs.map {
                    MapEntry(key: Self.newKey($0.0), value: .scalar(.kyamlString($0.1)))
                }))
            }
        }
        return copy
    }

    /// kyaml's `GetLabels`/`GetAnnotations` on a patch: each value's text; a key written
    /// twice takes its last value, at its first place.
    static func textPairs(of map: Mapping) -> [(Scalar, String)] {
        var pairs = map.entries.map { ($0.key, $0.value.asScalar?.value ?? "") }
        for (dropped, _) in map.droppedDuplicates {
            if let i = pairs.firstIndex(where: { $0.0.value == dropped.key.value }) {
                pairs[i].1 = dropped.value.asScalar?.value ?? ""
            }
        }
        return pairs
    }

    /// `storingPreviousID`: kustomize's `patches:` records each target's ID first (so its build
    /// annotations, and `metadata.annotations`, always exist when the patch runs);
    /// `patchesJson6902:` does not, so there the map exists only if the resource already has
    /// build annotations.
    func applyJSON(_ patch: JSONPatch, to targets: [Resource], file: String, storingPreviousID: Bool = true) throws {
        for r in targets {
            if storingPreviousID { r.rememberCurrentID() }
            let result: Node
            try JSONRoundTrip.checkEncodable(.mapping(r.object), file: r.origin)
            JSONRoundTrip.unshare(.mapping(r.object))
            JSONRoundTrip.marshal(.mapping(r.object))
            // The patch sees kustomize's build annotations, so `metadata.annotations` exists.
            var madeAnnotations = false
            if r.hasBuildAnnotations, let metadata = r.metadata, metadata["annotations"] == nil {
                metadata["annotations"] = .mapping(Mapping())
                madeAnnotations = true
            }
            defer {
                if madeAnnotations, r.metadata?.mapping("annotations")?.entries.isEmpty == true {
                    r.metadata?.removeValue(forKey: "annotations")
                }
            }
            result = try patch.apply(to: .mapping(r.object))
            guard let m = result.asMapping else {
                throw Diagnostic("JSON patch turned \(r.id) into something that is not an object", file: file)
            }
            JSONRoundTrip.apply(to: m)
            r.object = m
            Self.resetAnnotations(of: r)
        }
    }

    /// After a JSON patch kustomize sets the annotations again from their string map
    /// (`SetAnnotations(GetAnnotations())`): values become strings of their text (a map or
    /// list value is ""), and annotations that are no map at all are gone.
    static func resetAnnotations(of r: Resource) {
        guard let metadata = r.metadata, let annotations = metadata["annotations"] else { return }
        guard case .mapping(let m) = annotations else {
            metadata.removeValue(forKey: "annotations")
            return
        }
        for i in m.entries.indices {
            let text = m.entries[i].value.asScalar.map { $0.tag == .null && $0.value.isEmpty ? "" : $0.value } ?? ""
            m.entries[i].value = .scalar(.kyamlString(text))
            // the keys are new nodes too, written plain
            let key = m.entries[i].key
            if key.style != .plain { m.entries[i].key = newKey(key) }
        }
    }

    func select(_ target: Node, in resources: ResourceMap, file: String) throws -> [Resource] {
        guard let m = target.asMapping else {
            throw Diagnostic("patch target must be a mapping", file: file, mark: target.mark)
        }
        return try PatchSelector(from: m, file: file).select(resources.resources)
    }
}

extension Diagnostic {
    init(_ e: Diagnostic) {
        self.init(e.message, file: e.file, mark: e.mark)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Resource {
    /// Whether `id` (from a patch or selector) names this resource's current or any earlier ID.
    func isNamespaceEqual(_ id: ResourceID) -> Bool { self.id.isNamespaceEqual(id) }
}
