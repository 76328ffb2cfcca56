import KubeModel
import Synchronization
import Manifests
import YAML

/// Fixes references after renames (prefix, suffix, generator hashes, namespace moves):
/// a field that names a resource by one of its earlier names gets its current name.
/// Runs once, at the end of the top-level build, as kustomize does.
public struct NameReferenceTransformer: Transformer {
    public var backReferences: [NameBackReference]
    /// Whether `backReferences` is kustomize's builtin table (no `configurations:` or `crds:`
    /// added to it): its selections per kind are then made once and shared by every build.
    var isBuiltinTable = false

    public init(backReferences: [NameBackReference]) {
        self.backReferences = backReferences
    }

    init(backReferences: [NameBackReference], isBuiltinTable: Bool) {
        self.backReferences = backReferences
        self.isBuiltinTable = isBuiltinTable
    }

    /// The builtin table's selections by referrer kind, for the whole process.
    private static let builtinSelections = Mutex<[GVK: Selection]>([:])

    public func transform(_ resources: ResourceMap) throws {
        let all = resources.resources
        // Index candidates by every earlier name: references only change when they name an earlier name.
        var byPreviousName: [String: [Resource]] = [:]
        for r in all {
            var names = Set<String>()
            for id in r.previousIDs where names.insert(id.name).inserted {
                byPreviousName[id.name, default: []].append(r)
            }
        }
        for referrer in all where referrer.kind == "RoleBinding" {
            try Self.checkSubjectNamespaces(referrer)
        }
        // Walked even when nothing was renamed: kustomize walks, and fails on a malformed referrer.
        // The table is long and resources share few kinds: select its entries once per GVK,
        // with their paths prepared for walking.
        var specsByGVK: [GVK: Selection] = [:]
        for referrer in all {
            let orgGVK = referrer.originalID.gvk
            let selection: Selection
            if let cached = specsByGVK[orgGVK] {
                selection = cached
            } else if isBuiltinTable, let shared = Self.builtinSelections.withLock({ $0[orgGVK] }) {
                selection = shared
                specsByGVK[orgGVK] = selection
            } else {
                selection = Selection(backReferences.flatMap { ref in
                    ref.referrers.filter { $0.gvk.selects(orgGVK) }.map { PreparedSpec(spec: $0, target: ref.target) }
                })
                specsByGVK[orgGVK] = selection
                if isBuiltinTable { Self.builtinSelections.withLock { $0[orgGVK] = selection } }
            }
            // One walk finds where every spec points; the specs then update those fields in
            // the table's order, exactly as walking them one by one would.
            if let trie = selection.trie, let visits = trie.visits(in: referrer.object, pathCount: selection.specs.count) {
                for (prepared, points) in zip(selection.specs, visits) {
                    for (parent, key) in points {
                        try updateField(parent, key, referrer: referrer, spec: prepared.spec, target: prepared.target,
                                        byPreviousName: byPreviousName, all: all)
                    }
                }
            } else {
                for prepared in selection.specs {
                    try update(referrer, prepared, byPreviousName: byPreviousName, all: all)
                }
            }
        }
    }

    /// The specs for one referrer kind, and the trie of their paths when walking them all at
    /// once cannot differ from walking them one by one: no path reaches into a `name` or
    /// `namespace` field that an update sets (which could make a later walk find more), and
    /// none goes through `metadata/annotations` (which a walk may create).
    private final class Selection: Sendable {
        let specs: [PreparedSpec]
        let trie: FieldPathTrie?

        init(_ specs: [PreparedSpec]) {
            self.specs = specs
            let independent = specs.allSatisfy { p in
                let path = p.spec.path
                return !path.isEmpty && !path.contains("namespace") && !path.dropLast().contains("name")
                    && !(path.count >= 2 && path[0] == "metadata" && path[1] == "annotations")
            }
            trie = independent && specs.count > 1 ? FieldPathTrie(paths: specs.map(\.segments)) : nil
        }
    }

    /// A referrer field spec with its target kind and its path split for the walker, shared by
    /// reference (the specs are visited once per resource).
    private final class PreparedSpec: Sendable {
        let spec: FieldSpec
        let target: GVK
        let segments: [FieldWalker.Segment]

        init(spec: FieldSpec, target: GVK) {
            self.spec = spec
            self.target = target
            segments = FieldWalker.Segment.prepare(spec.path)
        }
    }

    private func update(_ referrer: Resource, _ prepared: PreparedSpec,
                        byPreviousName: [String: [Resource]], all: [Resource]) throws {
        let spec = prepared.spec, target = prepared.target
        try FieldWalker.visit(referrer, path: spec.path, segments: prepared.segments, create: false, leaf: nil) { parent, key in
            try updateField(parent, key, referrer: referrer, spec: spec, target: target, byPreviousName: byPreviousName, all: all)
        }
    }

    /// The field `parent[key]` a spec points at: a name, a list of names, or a mapping with
    /// a name (and namespace), updated to the current name of what it refers to.
    private func updateField(_ parent: Mapping, _ key: String, referrer: Resource, spec: FieldSpec, target: GVK,
                             byPreviousName: [String: [Resource]], all: [Resource]) throws {
        guard let value = parent[key] else { return }
        switch value {
        case .scalar(let s):
            if s.tag == .null { return }
            if let newName = try selectScalar(s.value, referrer: referrer, spec: spec, target: target, byPreviousName: byPreviousName) {
                parent[key] = .scalar(.settingText(newName, over: s))
            }
        case .mapping(let m):
            try updateMapping(m, referrer: referrer, spec: spec, target: target, byPreviousName: byPreviousName, all: all)
        case .sequence(let seq):
            for (i, item) in seq.items.enumerated() {
                switch item {
                case .scalar(let s):
                    if let newName = try selectScalar(s.value, referrer: referrer, spec: spec, target: target, byPreviousName: byPreviousName) {
                        seq.items[i] = .scalar(.settingText(newName, over: s))
                    }
                case .mapping(let m):
                    try updateMapping(m, referrer: referrer, spec: spec, target: target, byPreviousName: byPreviousName, all: all)
                case .sequence:
                    break
                }
            }
        }
    }

    private func selectScalar(_ oldName: String, referrer: Resource, spec: FieldSpec, target: GVK,
                              byPreviousName: [String: [Resource]]) throws -> String? {
        let candidates = couldBeReferenced(by: referrer, byPreviousName[oldName] ?? [])
        guard let referral = try select(candidates, referrer: referrer, spec: spec, target: target, sameNamespaceToo: false) else { return nil }
        let name = referral.name
        return name == oldName ? nil : name
    }

    private func updateMapping(_ m: Mapping, referrer: Resource, spec: FieldSpec, target: GVK,
                               byPreviousName: [String: [Resource]], all: [Resource]) throws {
        guard let oldName = m.string("name") else {
            if m["name"] == nil {
                throw Diagnostic("path config error; no 'name' field in node at '\(spec.pathString)' of \(referrer.id)", file: referrer.origin)
            }
            return
        }
        var candidates = couldBeReferenced(by: referrer, byPreviousName[oldName] ?? [])
        if let ns = m.string("namespace") {
            // kustomize groups everything the referrer could refer to (any kind, any name) by
            // original effective namespace and takes the group the field names; only when no
            // resource was there at first does it group by current namespace
            func original(_ r: Resource) -> String { ResourceID.effectiveNamespace(r.originalID.namespace, of: r.originalID.gvk) }
            let byOriginal = couldBeReferenced(by: referrer, all).contains { original($0) == ns }
            candidates = candidates.filter { (byOriginal ? original($0) : $0.id.effectiveNamespace) == ns }
        }
        guard let referral = try select(candidates, referrer: referrer, spec: spec, target: target, sameNamespaceToo: true) else { return }
        if referral.name == oldName && referral.namespace.isEmpty { return }
        // kyaml's FieldSetter with a string value: untagged, in the style of the value it
        // replaces (so a name that reads as a number stays one only where it was plain), and
        // quoted where it creates a field whose text YAML 1.1 reads as another type.
        func set(_ key: String, _ text: String) {
            m[key] = .scalar(m[key]?.asScalar.map { .settingText(text, over: $0) } ?? .settingField(text))
        }
        set("name", referral.name)
        if !referral.namespace.isEmpty { set("namespace", referral.namespace) }
    }

    /// A ServiceAccount subject with a namespace key must give a namespace.
    static func checkSubjectNamespaces(_ r: Resource) throws {
        guard let subjects = r.object.sequence("subjects") else { return }
        for case .mapping(let s) in subjects.items where s.string("kind") == "ServiceAccount" {
            if let ns = s["namespace"], ns.asScalar?.tag != .string {
                throw Diagnostic("Invalid Input: namespace is blank for resource \"\(r.id)\"", file: r.origin, mark: ns.mark)
            }
        }
    }

    /// kustomize's SubsetThatCouldBeReferencedByResource.
    private func couldBeReferenced(by referrer: Resource, _ list: [Resource]) -> [Resource] {
        let rid = referrer.id
        if rid.isClusterScoped { return list }
        var bindingNamespaces = Set<String>()
        if rid.gvk.kind == "RoleBinding", let subjects = referrer.object.sequence("subjects") {
            for case .mapping(let s) in subjects.items where s.string("kind") == "ServiceAccount" {
                if let ns = s.string("namespace") { bindingNamespaces.insert(ns) }
            }
        }
        return list.filter { t in
            let tid = t.id
            return tid.isClusterScoped || tid.isNamespaceEqual(rid) || bindingNamespaces.contains(t.namespace)
        }
    }

    private func select(_ candidates: [Resource], referrer: Resource, spec: FieldSpec, target: GVK,
                        sameNamespaceToo: Bool) throws -> Resource? {
        var c = candidates.filter { r in r.previousIDs.contains { target.selects($0.gvk) } }
        if spec.path.suffix(2) == ["roleRef", "name"], let roleRef = referrer.object.mapping("roleRef"),
           let group = roleRef.string("apiGroup"), let kind = roleRef.string("kind") {
            let roleGVK = GVK(group: group, kind: kind)
            c = c.filter { r in r.previousIDs.contains { roleGVK.selects($0.gvk) } }
        }
        let rid = referrer.id
        if !rid.isClusterScoped {
            c = c.filter { r in
                let id = r.id
                return id.isClusterScoped || r.kind == "ServiceAccount" || rid.isNamespaceEqual(id)
            }
        }
        if c.count == 1 { return c[0] }
        // Prefer targets renamed like the referrer; an empty prefix or suffix list on either
        // side does not count against a candidate at first, then the lists must agree exactly.
        c = c.filter { affixesMatch($0, referrer, allowEmpty: true) }
        if c.count == 1 { return c[0] }
        c = c.filter { affixesMatch($0, referrer, allowEmpty: false) }
        if c.count == 1 { return c[0] }
        if c.isEmpty { return nil }
        let first = c[0]
        let identical = c.allSatisfy { $0.name == first.name && (!sameNamespaceToo || $0.namespace == first.namespace) }
        if identical { return first }
        throw Diagnostic("found multiple possible referrals: \(c.map { $0.id.description }.joined(separator: ", ")) for '\(spec.pathString)' of \(referrer.id)", file: referrer.origin)
    }

    private func affixesMatch(_ candidate: Resource, _ referrer: Resource, allowEmpty: Bool) -> Bool {
        func agree(_ a: [String], _ b: [String]) -> Bool {
            (allowEmpty && (a.isEmpty || b.isEmpty)) || sameEnding(a, b)
        }
        return agree(candidate.namePrefixes, referrer.namePrefixes) && agree(candidate.nameSuffixes, referrer.nameSuffixes)
    }

    private func sameEnding(_ a: [String], _ b: [String]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.isEmpty { return long.isEmpty }
        return Array(long.suffix(short.count)) == short
    }
}
