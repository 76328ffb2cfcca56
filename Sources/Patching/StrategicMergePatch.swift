import KubeModel
import YAML

// Public API
//   let smp = StrategicMergePatch(schema: .kubernetes, options: .init())
//   let (outcome, warnings) = try smp.apply(patch, to: resource.object, gvk: resource.gvk, patchFile: "patch.yaml")
//   outcome == .deleteResource  → the caller removes the resource (`$patch: delete` at the top)
//
// `apply` does what kustomize's `Resource.ApplySmPatch` does for one selected resource:
// - it merges a COPY of the patch (the merge consumes and shares patch nodes), whose
//   `apiVersion` is first set to the target's (kustomize: `patchCopy.SetGvk(res.GetGvk())`);
// - afterwards it restores the target's `kind` and `metadata.name` unless the options allow a
//   change, and always its `metadata.namespace` (removed if it had none);
// - a top-level `$patch: replace` changes nothing (kustomize ignores the replacement node).
// The caller records previous IDs when a name or kind change is allowed, and chooses targets:
// by the patch's own ID (patchesStrategicMerge, `patches` without `target`) or a PatchSelector.
//
// Errors (Diagnostic, with the patch file and the position of the patch node):
// `unknown patch strategy 'x'`, `wrong node kind at spec.template: expected MappingNode but got
// ScalarNode: node contents: …` (kustomize: `wrong node kind: expected …`).

/// What applying a strategic merge patch did to the resource.
public enum PatchOutcome: Equatable, Sendable {
    /// The resource was merged in place (possibly unchanged).
    case patched
    /// The patch deletes the whole resource (`$patch: delete` at its top level).
    case deleteResource
}

/// Applies strategic merge patches the way kustomize v5.5.0 (kyaml merge2) does.
public struct StrategicMergePatch: Sendable {
    public struct Options: Sendable, Equatable {
        /// kustomize `options.allowNameChange`: keep the patch's `metadata.name`.
        public var allowNameChange: Bool
        /// kustomize `options.allowKindChange`: keep the patch's `kind`.
        public var allowKindChange: Bool
        /// Apply `$setElementOrder`, `$retainKeys` and `$deleteFromPrimitiveList` as the Kubernetes
        /// API server does. Off by default: kustomize copies them into the output as fields.
        public var interpretKubernetesDirectives: Bool
        /// Lists, by the kinds they are in, whose replacement by a patch is reported when the
        /// result lost items or fields of items (`PatchWarning.Kind.listItemsLost`).
        public var watchedLists: [FieldSpec]
        /// kustomize's resource-map patching (`patchesStrategicMerge`, `patches` with a target)
        /// gives the patch copy the target's apiVersion even when it has none
        /// (`patchCopy.SetGvk(res.GetGvk())`), so such a target ends with `apiVersion: ""`.
        /// Otherwise the copy takes the target's apiVersion only when it has one.
        public var copiesEmptyAPIVersion: Bool

        public init(allowNameChange: Bool = false, allowKindChange: Bool = false,
                    interpretKubernetesDirectives: Bool = false, watchedLists: [FieldSpec] = [],
                    copiesEmptyAPIVersion: Bool = false) {
            self.allowNameChange = allowNameChange
            self.allowKindChange = allowKindChange
            self.interpretKubernetesDirectives = interpretKubernetesDirectives
            self.watchedLists = watchedLists
            self.copiesEmptyAPIVersion = copiesEmptyAPIVersion
        }
    }

    public var schema: MergeSchema
    public var options: Options

    public init(schema: MergeSchema = .kubernetes, options: Options = Options()) {
        self.schema = schema
        self.options = options
    }

    /// Merges `patch` into `target` in place. `gvk` is the target's (its apiVersion is given to
    /// the patch copy). `patchFile` names the patch in errors. The patch itself is not modified.
    public func apply(_ patch: Mapping, to target: Mapping, gvk: GVK, patchFile: String = "")
        throws -> (PatchOutcome, [PatchWarning])
    {
        let origin = patch.deepCopy()
        if options.copiesEmptyAPIVersion {
            // kyaml's SetApiVersion: a new untagged node with the target's text (`1` stays a number)
            origin["apiVersion"] = .scalar(.resolving(target["apiVersion"]?.asScalar?.value ?? ""))
        } else if !gvk.apiVersion.isEmpty {
            origin["apiVersion"] = .string(gvk.apiVersion)
        }

        let metadata = target.mapping("metadata")
        let kind = target["kind"]
        let name = metadata?["name"]
        let namespace = metadata?["namespace"]
        let resource = Self.describe(kind: gvk.kind, name: name?.stringValue, namespace: namespace?.stringValue)
        let watched = options.watchedLists.compactMap { spec -> (path: [String], before: YAML.Sequence)? in
            guard spec.gvk.selects(gvk), let list = Self.sequence(at: spec.path, in: target), !list.items.isEmpty else { return nil }
            return (spec.path, list)
        }

        let walker = MergeWalker(store: schema.store, file: patchFile,
                                 interpretKubernetesDirectives: options.interpretKubernetesDirectives)
        walker.resourceDescription = resource
        let merged = try walker.walk(.mapping(target), .mapping(origin), schema: SchemaStore.none)
        guard merged != nil else { return (.deleteResource, walker.warnings) }

        // kustomize sets them back as new nodes (`SetKind`, `SetName`, `SetNamespace`).
        if !options.allowKindChange, let kind { target["kind"] = Self.setBack(kind, over: target["kind"]) }
        if !options.allowNameChange, let name {
            let m = target.ensureMapping("metadata")
            m["name"] = Self.setBack(name, over: m["name"])
        }
        if let namespace {
            let m = target.ensureMapping("metadata")
            m["namespace"] = Self.setBack(namespace, over: m["namespace"])
        } else {
            target.mapping("metadata")?.removeValue(forKey: "namespace")
        }

        var warnings = walker.warnings
        for (path, before) in watched {
            let after = Self.sequence(at: path, in: target)
            if after !== before {
                warnings += ReplacedListCheck.warnings(resource: resource, path: path, before: before, after: after)
            }
        }
        return (.patched, warnings)
    }

    private static func sequence(at path: [String], in object: Mapping) -> YAML.Sequence? {
        var m = object
        for key in path.dropLast() {
            guard let next = m.mapping(key) else { return nil }
            m = next
        }
        return path.last.flatMap { m.sequence($0) }
    }

    /// Applies `patch` to a resource's object.
    public func apply(_ patch: Mapping, to resource: Resource, patchFile: String = "")
        throws -> (PatchOutcome, [PatchWarning])
    {
        try apply(patch, to: resource.object, gvk: resource.gvk, patchFile: patchFile)
    }

    /// kyaml's `FieldSetter` with a new untagged node of the old text: where the field still
    /// exists the node takes that field's style (a quoted field stays a string, a plain one
    /// reads as whatever its text is: a name `123` is the number again); a field the patch
    /// removed is created, double-quoted when YAML 1.1 would read the text as another type.
    private static func setBack(_ node: Node, over current: Node?) -> Node {
        guard case .scalar(let s) = node, s.tag != .null else { return node }
        if case .scalar(let c)? = current { return .scalar(.settingText(s.value, over: c)) }
        return .scalar(.settingField(s.value))
    }

    static func describe(kind: String, name: String?, namespace: String?) -> String {
        var s = "\(kind.isEmpty ? "resource" : kind) \(name ?? "")"
        if let namespace, !namespace.isEmpty { s += " (namespace \(namespace))" }
        return s
    }
}
