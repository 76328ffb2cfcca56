import KubeModel
import Manifests
import YAML

/// The field specs every transformer uses: kustomize's builtin tables plus whatever
/// `configurations:` files add. Bases pass theirs up to the kustomizations that use them.
public struct TransformerConfig: Sendable {
    public var namePrefix: [FieldSpec]
    public var nameSuffix: [FieldSpec]
    public var namespace: [FieldSpec]
    public var commonLabels: [FieldSpec]
    public var templateLabels: [FieldSpec]
    /// Extra fields for `labels:` entries (the `labels` key of a configuration file).
    public var labels: [FieldSpec] = []
    public var commonAnnotations: [FieldSpec]
    public var images: [FieldSpec]
    public var replicas: [FieldSpec]
    public var nameReference: [NameBackReference]
    public var varReference: [FieldSpec]
    /// Whether anything beyond the builtin tables was added (`configurations:`, `crds:`).
    /// Merging a config without additions into one that has the builtins changes nothing.
    public var hasAdditions = false

    public static let builtin: TransformerConfig = {
        var c = TransformerConfig(
        namePrefix: BuiltinFieldSpecs.nameAffix,
        nameSuffix: BuiltinFieldSpecs.nameAffix,
        namespace: BuiltinFieldSpecs.namespace,
        commonLabels: BuiltinFieldSpecs.commonLabels,
        templateLabels: BuiltinFieldSpecs.templateLabels,
        commonAnnotations: BuiltinFieldSpecs.commonAnnotations,
        images: BuiltinFieldSpecs.images,
        replicas: BuiltinFieldSpecs.replicas,
        nameReference: NameReferenceTable.builtin,
        varReference: []
        )
        c.sortFields()
        return c
    }()

    public static let empty = TransformerConfig(namePrefix: [], nameSuffix: [], namespace: [], commonLabels: [],
                                                templateLabels: [], commonAnnotations: [], images: [], replicas: [],
                                                nameReference: [], varReference: [], hasAdditions: true)

    /// Adds another config's specs, skipping ones already present.
    public mutating func merge(_ other: TransformerConfig) {
        guard other.hasAdditions else { return }
        hasAdditions = true
        mergeAll(other)
        sortFields()
    }

    /// A `configurations:` file: kustomize puts its specs first and then adds the ones it
    /// had, so a custom spec for one kind displaces a general builtin one on the same path.
    /// A spec that names a field the config already has, with the other `create`, is
    /// kustomize's error (`failed to merge CommonLabels fieldSpec: conflicting fieldspecs`).
    public mutating func adopt(custom: TransformerConfig, file: String) throws {
        try checkConflicts(custom, file: file)
        var c = custom
        c.mergeAll(self)
        c.hasAdditions = true
        c.sortFields()
        self = c
    }

    /// kustomize sorts each table by GVK once a config is built or merged (`sortFields`).
    /// The order shows where one transformer sets one value in several fields: labels share
    /// one node, restyled by every field set in turn (`KeyValueTransformer`).
    private mutating func sortFields() {
        namePrefix.sortByGVK()
        nameSuffix.sortByGVK()
        namespace.sortByGVK()
        commonLabels.sortByGVK()
        labels.sortByGVK()
        templateLabels.sortByGVK()
        commonAnnotations.sortByGVK()
        varReference.sortByGVK()
        images.sortByGVK()
        replicas.sortByGVK()
    }

    /// kustomize's `TransformerConfig.Merge` errors, found by merging `incoming` into what is here.
    private func checkConflicts(_ incoming: TransformerConfig, file: String) throws {
        let fields: [(String, [FieldSpec], [FieldSpec])] = [
            ("NamePrefix", namePrefix, incoming.namePrefix), ("NameSuffix", nameSuffix, incoming.nameSuffix),
            ("NameSpace", namespace, incoming.namespace), ("CommonAnnotations", commonAnnotations, incoming.commonAnnotations),
            ("CommonLabels", commonLabels, incoming.commonLabels), ("Labels", labels, incoming.labels),
            ("TemplateLabels", templateLabels, incoming.templateLabels), ("VarReference", varReference, incoming.varReference),
            ("Images", images, incoming.images), ("Replicas", replicas, incoming.replicas),
        ]
        for (name, existing, more) in fields {
            var merged = existing
            do {
                try merged.mergeAll(more)
            } catch {
                throw Diagnostic("failed to merge \(name) fieldSpec: \(error.message)", file: file)
            }
        }
    }

    /// kustomize's FsSlice merge: a spec counts as present when one on the same path has a
    /// GVK the new spec's GVK selects (so a general spec is absorbed by a specific one).
    private mutating func mergeAll(_ other: TransformerConfig) {
        func add(_ a: inout [FieldSpec], _ b: [FieldSpec]) {
            for s in b where a.indexOfEquivalent(s) == nil { a.append(s) }
        }
        add(&namePrefix, other.namePrefix)
        add(&nameSuffix, other.nameSuffix)
        add(&namespace, other.namespace)
        add(&commonLabels, other.commonLabels)
        add(&templateLabels, other.templateLabels)
        add(&labels, other.labels)
        add(&commonAnnotations, other.commonAnnotations)
        add(&images, other.images)
        add(&replicas, other.replicas)
        add(&varReference, other.varReference)
        for ref in other.nameReference {
            if let i = nameReference.firstIndex(where: { $0.target == ref.target }) {
                add(&nameReference[i].referrers, ref.referrers)
            } else {
                nameReference.append(ref)
            }
        }
    }

    /// Reads a `configurations:` file.
    public static func decode(_ node: Node, file: String) throws -> TransformerConfig {
        var c = TransformerConfig.empty
        var d = try StrictDecoder(node, file: file, context: "transformer configuration")
        func specs(_ key: String) throws -> [FieldSpec] {
            try (d.list(key) ?? []).map { try FieldSpec.decode($0, file: file) }
        }
        c.namePrefix = try specs("namePrefix")
        c.nameSuffix = try specs("nameSuffix")
        c.namespace = try specs("namespace")
        c.commonLabels = try specs("commonLabels")
        c.templateLabels = try specs("templateLabels")
        c.labels = try specs("labels")
        c.commonAnnotations = try specs("commonAnnotations")
        c.images = try specs("images")
        c.replicas = try specs("replicas")
        c.varReference = try specs("varReference")
        for item in try d.list("nameReference") ?? [] {
            var rd = try StrictDecoder(item, file: file, context: "nameReference entry")
            let gvk = GVK(group: try rd.string("group") ?? "", version: try rd.string("version") ?? "", kind: try rd.string("kind") ?? "")
            let referrers = try (rd.list("fieldSpecs") ?? []).map { try FieldSpec.decode($0, file: file) }
            try rd.finish()
            c.nameReference.append(NameBackReference(target: gvk, referrers: referrers))
        }
        try d.finish()
        return c
    }
}
