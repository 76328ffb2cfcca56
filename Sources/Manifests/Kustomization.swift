import KubeModel
import YAML

/// A kustomization file (or a Component), decoded strictly: every kustomize v5 field
/// is known; anything else is an error naming the file and line.
public struct Kustomization {
    public enum Kind: String { case kustomization = "Kustomization", component = "Component" }

    public struct Label {
        public var pairs: [(String, String)]
        public var includeSelectors: Bool
        public var includeTemplates: Bool
        public var fields: [FieldSpec]
    }

    public struct Patch {
        public var path: String?
        public var patch: String?
        public var target: Node?
        public var allowNameChange: Bool
        public var allowKindChange: Bool
        public var mark: Mark
    }

    public struct Image {
        public var name: String
        public var newName: String?
        public var newTag: String?
        public var digest: String?
        public var tagSuffix: String?
        public var mark: Mark

        public init(name: String, newName: String? = nil, newTag: String? = nil, digest: String? = nil,
                    tagSuffix: String? = nil, mark: Mark = .none) {
            self.name = name
            self.newName = newName
            self.newTag = newTag
            self.digest = digest
            self.tagSuffix = tagSuffix
            self.mark = mark
        }
    }

    public struct Replica {
        public var name: String
        public var count: Int
        public var mark: Mark

        public init(name: String, count: Int, mark: Mark = .none) {
            self.name = name
            self.count = count
            self.mark = mark
        }
    }

    public struct SortOptions {
        public enum Order: String { case legacy, fifo }
        public var order: Order
        public var orderFirst: [String]?
        public var orderLast: [String]?
    }

    public var file: String
    public var kind: Kind = .kustomization
    public var namePrefix = ""
    public var nameSuffix = ""
    public var namespace = ""
    public var commonLabels: [(String, String)] = []
    public var labels: [Label] = []
    public var commonAnnotations: [(String, String)] = []
    public var patchesStrategicMerge: [Node] = []
    public var patchesJson6902: [Patch] = []
    public var patches: [Patch] = []
    public var images: [Image] = []
    public var replicas: [Replica] = []
    public var sortOptions: SortOptions?
    public var resources: [String] = []
    public var components: [String] = []
    public var crds: [String] = []
    public var configurations: [String] = []
    public var generators: [String] = []
    public var transformers: [String] = []
    public var validators: [String] = []
    public var buildMetadata: [String] = []
    public var openapi: [(String, String)] = []
    /// Fields decoded elsewhere (generators, replacements, vars…), kept as written.
    public var configMapGenerator: [Node] = []
    public var secretGenerator: [Node] = []
    public var generatorOptions: Node?
    public var replacements: [Node] = []
    public var vars: [Node] = []
    /// sts-kustomize's own `storage:` extension.
    public var storage: [StorageEntry] = []
    /// Fields present that need what we refuse to do (network, plugins…), with their marks.
    public var refusedFields: [(String, Mark)] = []

    public init(file: String) {
        self.file = file
    }

    public static func decode(_ node: Node, file: String) throws -> Kustomization {
        var k = Kustomization(file: file)
        var d = try StrictDecoder(node, file: file, context: "kustomization")
        let apiVersion = try d.string("apiVersion")
        if let kind = try d.string("kind") {
            guard let parsed = Kind(rawValue: kind) else {
                throw Diagnostic("kind should be Kustomization or Component", file: file, mark: node.asMapping?["kind"]?.mark)
            }
            k.kind = parsed
        }
        if let apiVersion {
            let required = k.kind == .component ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
            if apiVersion != required {
                throw Diagnostic("apiVersion for \(k.kind.rawValue) should be \(required)", file: file, mark: node.asMapping?["apiVersion"]?.mark)
            }
        }
        _ = try d.optional("metadata")
        k.openapi = try d.stringMap("openapi") ?? []
        k.namePrefix = try d.string("namePrefix") ?? ""
        k.nameSuffix = try d.string("nameSuffix") ?? ""
        k.namespace = try d.string("namespace") ?? ""
        k.commonLabels = try d.stringMap("commonLabels") ?? []
        k.commonAnnotations = try d.stringMap("commonAnnotations") ?? []
        for item in try d.list("labels") ?? [] {
            var ld = try StrictDecoder(item, file: file, context: "labels entry")
            let pairs = try ld.stringMap("pairs") ?? []
            let sel = try ld.bool("includeSelectors") ?? false
            let tmpl = try ld.bool("includeTemplates") ?? false
            let fields = try (ld.list("fields") ?? []).map { try FieldSpec.decode($0, file: file) }
            try ld.finish()
            k.labels.append(Label(pairs: pairs, includeSelectors: sel, includeTemplates: tmpl, fields: fields))
        }
        k.patchesStrategicMerge = try d.list("patchesStrategicMerge") ?? []
        k.patchesJson6902 = try (d.list("patchesJson6902") ?? []).map { try decodePatch($0, file: file) }
        k.patches = try (d.list("patches") ?? []).map { try decodePatch($0, file: file) }
        k.images = try (d.list("images") ?? []).map { try decodeImage($0, file: file) }
        k.images += try (d.list("imageTags") ?? []).map { try decodeImage($0, file: file) }
        k.replacements = try d.list("replacements") ?? []
        for item in try d.list("replicas") ?? [] {
            var rd = try StrictDecoder(item, file: file, context: "replicas entry")
            let name = try rd.requiredString("name")
            let count = try rd.int("count") ?? 0
            try rd.finish()
            k.replicas.append(Replica(name: name, count: count, mark: item.mark))
        }
        k.vars = try d.list("vars") ?? []
        if let so = try d.optional("sortOptions") {
            var sd = try StrictDecoder(so, file: file, context: "sortOptions")
            let orderText = try sd.string("order") ?? ""
            guard let order = SortOptions.Order(rawValue: orderText) else {
                throw Diagnostic("the field 'sortOptions.order' must be one of [legacy, fifo]", file: file, mark: so.mark)
            }
            var opts = SortOptions(order: order)
            if let legacy = try sd.optional("legacySortOptions") {
                if order != .legacy {
                    throw Diagnostic("the field 'sortOptions.legacySortOptions' is set but the selected sort order is '\(order.rawValue)', not 'legacy'", file: file, mark: legacy.mark)
                }
                var ld = try StrictDecoder(legacy, file: file, context: "legacySortOptions")
                opts.orderFirst = try ld.stringList("orderFirst")
                opts.orderLast = try ld.stringList("orderLast")
                try ld.finish()
            }
            try sd.finish()
            k.sortOptions = opts
        }
        k.resources = try d.stringList("resources") ?? []
        k.components = try d.stringList("components") ?? []
        k.crds = try d.stringList("crds") ?? []
        k.resources += try d.stringList("bases") ?? []
        k.configMapGenerator = try d.list("configMapGenerator") ?? []
        k.secretGenerator = try d.list("secretGenerator") ?? []
        k.generatorOptions = try d.optional("generatorOptions")
        k.configurations = try d.stringList("configurations") ?? []
        k.generators = try d.stringList("generators") ?? []
        k.transformers = try d.stringList("transformers") ?? []
        k.validators = try d.stringList("validators") ?? []
        k.buildMetadata = try d.stringList("buildMetadata") ?? []
        k.storage = try (d.list("storage") ?? []).map { try StorageEntry.decode($0, file: file) }
        // Helm fields matter only when they name a chart: empty lists build as nothing.
        var helmGlobals: Node?
        for refused in ["helmGlobals", "helmCharts", "helmChartInflationGenerator", "inventory"] {
            guard let v = try d.optional(refused) else { continue }
            switch refused {
            case "helmGlobals": helmGlobals = v
            case "inventory": k.refusedFields.append((refused, v.mark))
            default: if !(v.asSequence?.items.isEmpty ?? false) { k.refusedFields.append((refused, v.mark)) }
            }
        }
        if let helmGlobals, !k.refusedFields.isEmpty { k.refusedFields.append(("helmGlobals", helmGlobals.mark)) }
        try d.finish()
        // commonLabels are labels that include selectors (kustomize converts them so).
        return k
    }

    /// kustomize refuses a kustomization that decodes to its zero value, `apiVersion` and
    /// `kind` aside: every field absent, null or an empty string. An empty list or map that
    /// is written out counts as content (Go tells a nil slice from an empty one).
    public static func isEmpty(_ node: Node) -> Bool {
        guard case .mapping(let m) = node else { return node.isNull }
        return m.entries.allSatisfy { e in
            switch e.key.value.lowercased() {
            case "apiversion", "kind": return true
            // Deprecated lists kustomize moves into their successors before it checks:
            // an empty one leaves nothing behind.
            case "bases", "imagetags", "helmchartinflationgenerator":
                if case .sequence(let s) = e.value, s.items.isEmpty { return true }
                fallthrough
            default:
                guard case .scalar(let s) = e.value else { return false }
                return s.tag == .null || (s.tag == .string && s.value.isEmpty)
            }
        }
    }

    static func decodePatch(_ node: Node, file: String) throws -> Patch {
        var d = try StrictDecoder(node, file: file, context: "patch")
        let path = try d.string("path")
        let patch = try d.string("patch")
        let target = try d.optional("target")
        var allowName = false, allowKind = false
        if let opts = try d.optional("options") {
            var od = try StrictDecoder(opts, file: file, context: "patch options")
            allowName = try od.bool("allowNameChange") ?? false
            allowKind = try od.bool("allowKindChange") ?? false
            try od.finish()
        }
        try d.finish()
        return Patch(path: path, patch: patch, target: target, allowNameChange: allowName, allowKindChange: allowKind, mark: node.mark)
    }

    static func decodeImage(_ node: Node, file: String) throws -> Image {
        var d = try StrictDecoder(node, file: file, context: "image")
        let name = try d.string("name") ?? ""
        let newName = try d.string("newName")
        let newTag = try d.string("newTag")
        let digest = try d.string("digest")
        let tagSuffix = try d.string("tagSuffix")
        try d.finish()
        return Image(name: name, newName: newName, newTag: newTag, digest: digest, tagSuffix: tagSuffix, mark: node.mark)
    }
}
