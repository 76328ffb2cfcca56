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
    /// Whether this is exactly kustomize's default configuration (`MakeDefaultConfig`), which
    /// every merge of default-only configurations gives back, so those merges are skipped.
    public private(set) var isBuiltin = false

    /// kustomize's default configuration: its tables in kustomize's order, sorted as
    /// `makeTransformerConfigFromBytes` sorts them.
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
        varReference: BuiltinVarReference.fieldSpecs
        )
        c.sortFields()
        c.isBuiltin = true
        return c
    }()

    /// No field specs: what kustomize's accumulator starts from.
    public static let empty = TransformerConfig(namePrefix: [], nameSuffix: [], namespace: [], commonLabels: [],
                                                templateLabels: [], commonAnnotations: [], images: [], replicas: [],
                                                nameReference: [], varReference: [])

    /// Whether no table holds a spec (merging such a config changes nothing).
    public var isEmpty: Bool {
        namePrefix.isEmpty && nameSuffix.isEmpty && namespace.isEmpty && commonLabels.isEmpty && templateLabels.isEmpty
            && labels.isEmpty && commonAnnotations.isEmpty && images.isEmpty && replicas.isEmpty
            && nameReference.isEmpty && varReference.isEmpty
    }

    /// A spec of `input` that conflicts with one already here, named as kustomize names it
    /// (`failed to merge CommonLabels fieldSpec: conflicting fieldspecs`).
    public struct MergeConflict: Error, Sendable {
        public let table: String
        public var message: String { "failed to merge \(table) fieldSpec: conflicting fieldspecs" }
    }

    /// kustomize's `TransformerConfig.Merge`: each of `input`'s specs is appended unless one
    /// here already stands for it (`FsSlice.MergeOne`), then every table is sorted by GVK.
    /// Where the merge happens decides what is kept: merged into an empty accumulator, a
    /// custom spec that sorts before a general builtin one on its path displaces it.
    public func merging(_ input: TransformerConfig) throws(MergeConflict) -> TransformerConfig {
        if input.isEmpty { return self }
        // (the builtin tables are their own merge from nothing and with themselves)
        if input.isBuiltin && (isBuiltin || isEmpty) { return input }
        return try mergingTables(input)
    }

    /// `merging` without the shortcut for the builtin configuration.
    func mergingTables(_ input: TransformerConfig) throws(MergeConflict) -> TransformerConfig {
        var merged = self
        merged.isBuiltin = false
        func add(_ a: inout [FieldSpec], _ b: [FieldSpec], _ table: String) throws(MergeConflict) {
            do { try a.mergeAll(b) } catch { throw MergeConflict(table: table) }
        }
        try add(&merged.namePrefix, input.namePrefix, "NamePrefix")
        try add(&merged.nameSuffix, input.nameSuffix, "NameSuffix")
        try add(&merged.namespace, input.namespace, "NameSpace")
        try add(&merged.commonAnnotations, input.commonAnnotations, "CommonAnnotations")
        try add(&merged.commonLabels, input.commonLabels, "CommonLabels")
        try add(&merged.labels, input.labels, "Labels")
        try add(&merged.templateLabels, input.templateLabels, "TemplateLabels")
        try add(&merged.varReference, input.varReference, "VarReference")
        for ref in input.nameReference {
            do { try merged.addNameReference(ref) } catch { throw MergeConflict(table: "NameReference") }
        }
        try add(&merged.images, input.images, "Images")
        try add(&merged.replicas, input.replicas, "Replicas")
        merged.sortFields()
        return merged
    }

    /// kustomize's `nbrSlice.mergeOne`: referrers of a target already listed are merged into
    /// its entry, a new target is appended.
    mutating func addNameReference(_ ref: NameBackReference) throws(FieldSpecConflict) {
        if let i = nameReference.firstIndex(where: { $0.target == ref.target }) {
            try nameReference[i].referrers.mergeAll(ref.referrers)
        } else {
            nameReference.append(ref)
        }
    }

    /// kustomize sorts each table by GVK (Go's `sort.Sort`) once a config is read or merged.
    /// The order decides what a later merge keeps, and where one transformer sets one value in
    /// several fields, the order they are set in (labels share one node, restyled by every
    /// field set in turn: `KeyValueTransformer`).
    private mutating func sortFields() {
        namePrefix.sortByGVK()
        nameSuffix.sortByGVK()
        namespace.sortByGVK()
        commonLabels.sortByGVK()
        labels.sortByGVK()
        templateLabels.sortByGVK()
        commonAnnotations.sortByGVK()
        nameReference.goSort { $0.target.precedesInKustomizeOrder($1.target) }
        varReference.sortByGVK()
        images.sortByGVK()
        replicas.sortByGVK()
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
        c.sortFields()
        return c
    }
}
