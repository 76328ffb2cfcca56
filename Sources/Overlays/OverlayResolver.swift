import KubeModel
import Manifests
import Patching
import YAML

/// Walks a kustomization and everything it uses, applying kustomize's steps in kustomize's
/// order. This file is the one place that order is written down.
public final class OverlayResolver {
    public let options: BuildOptions
    public let loader: ManifestLoader
    public let diagnostics = Diagnostics()
    private let buildMetadata: BuildMetadataTracker
    /// Real paths of kustomizations being built, to catch cycles.
    private var inProgress: [String] = []
    /// Merge keys for strategic merge: the built-in Kubernetes schema unless a kustomization's
    /// `openapi:` replaces it (the first one met, the root's, wins, as in kustomize).
    private var schema: MergeSchema = .kubernetes
    private var schemaChosen = false
    /// Real paths of every kustomization accumulated so far (or taken from the cache), so a
    /// cache entry can name all the directories it went through.
    private var accumulatedRoots: [String] = []

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
        self.loader = ManifestLoader(restrictor: options.loadRestrictor, limits: options.limits, fileSystem: options.fileSystem,
                                     sharedCache: options.sharedCache)
        self.buildMetadata = BuildMetadataTracker(options: options)
    }

    /// Cluster-scoped kinds a custom `openapi:` document declares, for this build (and for
    /// what is done with its output afterwards, such as naming `-o DIR` files).
    public let customScope = CustomScope()

    /// `kustomize build DIR`: the resources in output order.
    public func build(_ dir: String) throws -> ResourceMap {
        try CustomScope.$current.withValue(customScope) { try buildInScope(dir) }
    }

    private func buildInScope(_ dir: String) throws -> ResourceMap {
        guard loader.fileSystem.type(of: dir) == .directory else {
            throw Diagnostic("must build at directory: not a valid directory", file: dir)
        }
        let root = loader.realPath(dir) ?? dir
        // A Component may be built directly; only as a `resources:` entry is it an error.
        let k = try loader.loadKustomization(in: root)
        let cacheable = k.openapi.isEmpty && !BuildMetadataMode(k.buildMetadata).tracks
        let acc = try (cacheable ? cachedAccumulation(root) : nil) ?? storingAccumulation(root, k) {
            try accumulate(k, root: root, into: Accumulator())
        }
        let resources = acc.resources
        // Steps that run once, after the whole tree is accumulated.
        try NameHashTransformer(replaysNodeHistory: !buildMetadata.isTracking, schema: schema).transform(resources)
        for r in resources.resources { try r.checkPreviousIDsReadBack() }
        try NameReferenceTransformer(backReferences: acc.config.nameReference, isBuiltinTable: acc.config.isBuiltin).transform(resources)
        try VarResolver(vars: acc.vars, fieldSpecs: acc.config.varReference).transform(resources)
        try buildMetadata.finish(resources, root: k)
        let kept = try Self.ignoringLocal(resources.resources)
        // kustomize rebuilds its map here (IgnoreLocal): two resources that transformers gave
        // one ID (a replacement writing the same name twice) are its error.
        let unique = ResourceMap()
        let fifo = k.sortOptions.map { $0.order == .fifo } ?? (options.reorder == .none)
        for r in kept {
            try r.validateMetadata(nameAsText: true)
            try OutputCheck.check(r)
            if r.isLocalConfig {
                // kept beside a resource of its ID (see `ignoringLocal`): only the legacy
                // sort, which rebuilds the map, fails on the pair; in FIFO order both print
                if !fifo { throw Diagnostic("may not add resource with an already registered id: \(r.id)", file: r.origin) }
            } else {
                try unique.append(r)
            }
            try FinalAnnotationRewrite.apply(to: r)
            r.object.writeTrailingComment()
        }
        resources.setOrder(kept)
        if k.sortOptions != nil && options.reorder != .unspecified {
            diagnostics.warn(BuildWarning(message: "Sorting order is set both in 'kustomization.yaml' ('sortOptions') and in a CLI "
                + "flag ('--reorder'). Using the kustomization file over the CLI flag."))
        }
        if !fifo {
            let sorter = LegacySortTransformer(
                orderFirst: k.sortOptions?.orderFirst ?? LegacySortTransformer.defaultOrderFirst,
                orderLast: k.sortOptions?.orderLast ?? LegacySortTransformer.defaultOrderLast)
            try sorter.transform(resources)
        }
        return resources
    }

    /// kustomize's `IgnoreLocal`: it keeps every resource whose ID some resource that is not
    /// local config has (so a local one renamed onto a kept one stays, and their shared ID
    /// fails when the map is rebuilt) and removes the others by ID, which fails when two of
    /// them share one.
    static func ignoringLocal(_ resources: [Resource]) throws -> [Resource] {
        guard resources.contains(where: { $0.isLocalConfig }) else { return resources }
        let keptIDs = Set(resources.lazy.filter { !$0.isLocalConfig }.map(\.id))
        var kept: [Resource] = []
        var removed = Set<ResourceID>()
        for r in resources {
            if keptIDs.contains(r.id) {
                kept.append(r)
            } else if !removed.insert(r.id).inserted {
                throw Diagnostic("id \(r.id) not found in removal: two local-config resources share it", file: r.origin)
            }
        }
        return kept
    }

    /// Builds a kustomization directory used as a resource (a base).
    func accumulateDirectory(_ dir: String, from parent: Kustomization, isComponent: Bool, into acc: Accumulator?) throws -> Accumulator {
        let root = loader.realPath(dir) ?? dir
        if inProgress.contains(root) {
            throw Diagnostic("cycle detected: '\(root)' includes itself through its resources", file: parent.file)
        }
        // A cached accumulation needs no second reading of its kustomization file.
        if acc == nil, let entry = cachedEntry(root) {
            try Self.checkKind(entry.kind, file: entry.file, root: root, isComponent: isComponent)
            if let cached = use(entry, root: root) { return cached }
        }
        let k = try loader.loadKustomization(in: root)
        try Self.checkKind(k.kind, file: k.file, root: root, isComponent: isComponent)
        guard acc == nil else { return try accumulate(k, root: root, into: acc ?? Accumulator()) }
        return try storingAccumulation(root, k) {
            try accumulate(k, root: root, into: Accumulator())
        }
    }

    private static func checkKind(_ kind: Kustomization.Kind, file: String, root: String, isComponent: Bool) throws {
        if isComponent && kind != .component {
            throw Diagnostic("expected kind 'Component' for path '\(root)' but got '\(kind.rawValue)'", file: file)
        }
        if !isComponent && kind == .component {
            throw Diagnostic("expected kind != 'Component' for path '\(root)'", file: file)
        }
    }

    /// The shared cache, when nothing outside a directory can change what it accumulates to.
    private var usableCache: AccumulationCache? {
        guard let cache = options.accumulationCache, !schemaChosen, !buildMetadata.isTracking else { return nil }
        return cache
    }

    /// A copy of the directory's cached accumulation, with the warnings it gave; nil when
    /// there is none or one of its directories is being built (a cycle, reported by building).
    private func cachedAccumulation(_ root: String) -> Accumulator? {
        cachedEntry(root).flatMap { use($0, root: root) }
    }

    private func cachedEntry(_ root: String) -> AccumulationCache.Entry? {
        guard let entry = usableCache?.entry(for: root), !entry.visited.contains(where: inProgress.contains) else { return nil }
        return entry
    }

    /// The entry's accumulation for this build (nil when an earlier use took the last one).
    private func use(_ entry: AccumulationCache.Entry, root: String) -> Accumulator? {
        guard let resources = usableCache?.resources(of: entry, for: root) else { return nil }
        for w in entry.warnings { diagnostics.warn(w) }
        accumulatedRoots += entry.visited
        return Accumulator(resources: resources, config: entry.config)
    }

    /// Runs `accumulation` and keeps a copy in the shared cache when the result depends only
    /// on the directory.
    private func storingAccumulation(_ root: String, _ k: Kustomization, _ accumulation: () throws -> Accumulator) throws -> Accumulator {
        guard let cache = usableCache else { return try accumulation() }
        let firstRoot = accumulatedRoots.count
        let firstWarning = diagnostics.warnings.count
        let acc = try accumulation()
        if acc.vars.isEmpty && !schemaChosen && !buildMetadata.isTracking && cache.wouldStore(root) {
            cache.store(AccumulationCache.Entry(resources: acc.resources.deepCopy(), config: acc.config,
                                                warnings: Array(diagnostics.warnings[firstWarning...]),
                                                visited: Array(accumulatedRoots[firstRoot...]), kind: k.kind, file: k.file), for: root)
        }
        return acc
    }

    /// kustomize's order of field-spec merges after the resources: the builtin configuration
    /// merged with the `configurations:` files (each read and sorted, then merged in turn),
    /// then that merged into the accumulator, then the `crds:` specs.
    private func mergeConfigurations(_ k: Kustomization, root: String, into acc: Accumulator) throws {
        var own = TransformerConfig.builtin
        if !k.configurations.isEmpty {
            var custom = TransformerConfig.empty
            var files: [(file: String, config: TransformerConfig)] = []
            for path in k.configurations {
                let file = try loader.resolveFile(path, root: root, kustomizationFile: k.file)
                for doc in try loader.parse(file: file) {
                    files.append((file, try TransformerConfig.decode(doc, file: file)))
                    do {
                        custom = try custom.merging(files[files.count - 1].config)
                    } catch {
                        throw Diagnostic(error.message, file: file)
                    }
                }
            }
            do {
                own = try own.merging(custom)
            } catch {
                // named after the first file that disagrees with the builtin tables
                let culprit = files.first { (try? TransformerConfig.builtin.merging($0.config)) == nil }
                throw Diagnostic(error.message, file: culprit?.file ?? k.file)
            }
        }
        do {
            acc.config = try acc.config.merging(own)
            if !k.crds.isEmpty {
                acc.config = try acc.config.merging(try CRDFieldSpecs.load(k.crds, kustomization: k, root: root, loader: loader))
            }
        } catch let conflict as TransformerConfig.MergeConflict {
            throw Diagnostic("merging config: \(conflict.message)", file: k.file)
        }
    }

    /// kustomize's accumulateTarget: resources → configurations → generators → components →
    /// transformers → validators.
    func accumulate(_ k: Kustomization, root: String, into acc: Accumulator) throws -> Accumulator {
        accumulatedRoots.append(root)
        inProgress.append(root)
        defer { inProgress.removeLast() }
        try refuseUnsupported(k)
        try buildMetadata.begin(k, root: root)
        try chooseSchema(k, root: root)
        loader.prefetch(k.resources.compactMap { entry in
            guard !RemoteReference.looksRemote(entry), loader.fileSystem.type(of: PathName.join(root, entry)) == .file else { return nil }
            return try? loader.resolveFile(entry, root: root, kustomizationFile: k.file)
        })
        for entry in k.resources {
            try accumulateResource(entry, kustomization: k, root: root, into: acc)
        }
        try mergeConfigurations(k, root: root, into: acc)
        var plugins = PluginRunner(loader: loader, schema: schema, diagnostics: diagnostics)
        // Plugin-config directories are built like bases (cycle detection included), and
        // build metadata learns which plugin generator made what.
        plugins.accumulateDirectory = { [unowned self] dir, parent in
            try self.accumulateDirectory(dir, from: parent, isComponent: false, into: nil).resources.resources
        }
        plugins.generatedBy = { [buildMetadata] produced, config in
            try buildMetadata.pluginGenerated(produced, config: config, kustomization: k, root: root)
        }
        // Each generator's output is annotated before the next runs, as kustomize does (a
        // `replace` then a `merge` of one ConfigMap keeps the replacing entry's origin).
        try GeneratorRunner(loader: loader, diagnostics: diagnostics).run(k, root: root, into: acc.resources) { [buildMetadata] produced in
            buildMetadata.generated([produced], kustomization: k, root: root)
        }
        try plugins.generate(k, root: root, config: acc.config, into: acc.resources)
        for entry in k.components {
            let full = PathName.join(root, entry)
            guard loader.fileSystem.type(of: full) == .directory else {
                throw Diagnostic("component '\(entry)' must be a directory holding a kustomization", file: k.file)
            }
            if entry.hasPrefix("/") {
                throw Diagnostic("accumulating components: new root '\(entry)' cannot be absolute", file: k.file)
            }
            _ = try accumulateDirectory(full, from: k, isComponent: true, into: acc)
            // kustomize hands a component's accumulator to a new, empty one: its field specs
            // are merged again from nothing
            do {
                acc.config = try TransformerConfig.empty.merging(acc.config)
            } catch {
                throw Diagnostic("accumulating components: recursed merging from path '\(full)': \(error.message)", file: k.file)
            }
            // kustomize merges a component's result back into the map: two resources it gave
            // one ID are its error
            do {
                try acc.resources.checkUniqueIDs()
            } catch let e as Diagnostic {
                throw Diagnostic("accumulating components: recursed merging from path '\(full)': \(e.message)", file: k.file)
            }
        }
        for t in try transformers(for: k, root: root, config: acc.config) + plugins.transformers(for: k, root: root, config: acc.config) {
            try buildMetadata.wrap(t, kustomization: k, root: root).transform(acc.resources)
            if !t.keepsNodeHistory {
                for r in acc.resources.resources where r.generator?.nodeHistory != nil { r.generator?.nodeHistory = nil }
            }
        }
        // Vars bind to the resource they name when their kustomization declares them.
        try acc.mergeVars(VarDeclaration.decodeAll(k.vars, file: k.file, resources: acc.resources))
        return acc
    }

    private func accumulateResource(_ entry: String, kustomization k: Kustomization, root: String, into acc: Accumulator) throws {
        if RemoteReference.looksRemote(entry) {
            throw Diagnostic("remote resource '\(entry)' is not supported: sts-kustomize reads only local files", file: k.file)
        }
        let full = PathName.join(root, entry)
        switch loader.fileSystem.type(of: full) {
        case .missing:
            throw Diagnostic("accumulating resources: '\(entry)' doesn't exist", file: k.file)
        case .directory:
            // kustomize's loader refuses to open an absolute root, whatever the restrictor.
            if entry.hasPrefix("/") {
                throw Diagnostic("accumulating resources from '\(entry)': new root '\(entry)' cannot be absolute", file: k.file)
            }
            let sub = try accumulateDirectory(full, from: k, isComponent: false, into: nil)
            do {
                try acc.merge(sub)
            } catch let conflict as TransformerConfig.MergeConflict {
                throw Diagnostic("accumulating resources: recursed merging from path '\(entry)': \(conflict.message)", file: k.file)
            }
        case .file:
            let file = try loader.resolveFile(entry, root: root, kustomizationFile: k.file)
            let loaded = try loader.loadResources(file: file)
            buildMetadata.loaded(loaded, file: file, kustomization: k, root: root)
            for r in loaded {
                try acc.resources.append(r)
            }
        }
    }

    private func chooseSchema(_ k: Kustomization, root: String) throws {
        guard !k.openapi.isEmpty, !schemaChosen else { return }
        schemaChosen = true
        // kyaml reads only `path` and `version`; other keys are ignored.
        let known = k.openapi.filter { $0.0 == "path" || $0.0 == "version" }
        if Set(known.map(\.0)).count > 1 {
            throw Diagnostic("builtin version and path cannot both be specified in openapi", file: k.file)
        }
        for (key, value) in known {
            switch key {
            case "path":
                let file = try loader.resolveFile(value, root: root, kustomizationFile: k.file)
                guard let doc = try loader.parse(file: file).first else {
                    throw Diagnostic("the OpenAPI document is empty", file: file)
                }
                schema = try MergeSchema(openAPIDocument: doc, file: file)
                customScope.declare(openAPIDocument: doc)
            case "version":
                guard value == MergeSchema.builtinVersion else {
                    throw Diagnostic("the specified OpenAPI version '\(value)' is not built in (only \(MergeSchema.builtinVersion))", file: k.file)
                }
            default:
                break
            }
        }
    }

    /// The transformers of one kustomization, in kustomize's order.
    func transformers(for k: Kustomization, root: String, config: TransformerConfig) throws -> [Transformer] {
        var list: [Transformer] = []
        let applier = PatchApplier(schema: schema, diagnostics: diagnostics)
        if !k.patchesStrategicMerge.isEmpty {
            let patches = try StrategicMergePatchesTransformer.load(k.patchesStrategicMerge, kustomization: k, root: root, loader: loader)
            if patches.isEmpty {
                throw Diagnostic("patchesStrategicMerge: patch appears to be empty", file: k.file)
            }
            list.append(StrategicMergePatchesTransformer(patches: patches, applier: applier))
        }
        for p in k.patches {
            let source = try PatchSource.load(path: p.path, inline: p.patch, kustomization: k, root: root, loader: loader, mark: p.mark)
            list.append(PatchTransformer(patch: p, source: source, applier: applier, file: k.file))
        }
        list.append(NamespaceTransformer(namespace: k.namespace, fieldSpecs: config.namespace))
        list.append(NameAffixTransformer(k.namePrefix, position: .prefix, fieldSpecs: config.namePrefix))
        list.append(NameAffixTransformer(k.nameSuffix, position: .suffix, fieldSpecs: config.nameSuffix))
        // kustomize's LabelTransformer configurator: the entry's fields, the configuration's
        // `labels` specs, then selectors or (templates and) metadata, each merged by MergeOne
        for label in k.labels {
            var specs = label.fields
            do {
                try specs.mergeAll(config.labels)
                if label.includeSelectors {
                    try specs.mergeAll(config.commonLabels)
                } else {
                    if label.includeTemplates {
                        do {
                            try specs.mergeAll(config.templateLabels)
                        } catch {
                            throw Diagnostic("failed to merge template fieldSpec: \(error.message)", file: k.file)
                        }
                    }
                    try specs.mergeOne(FieldSpec(path: "metadata/labels", create: true))
                }
            } catch let conflict as FieldSpecConflict {
                throw Diagnostic("failed to merge labels: \(conflict.message)", file: k.file)
            }
            list.append(KeyValueTransformer(pairs: label.pairs, fieldSpecs: specs))
        }
        list.append(KeyValueTransformer(pairs: k.commonLabels, fieldSpecs: config.commonLabels))
        list.append(KeyValueTransformer(pairs: k.commonAnnotations, fieldSpecs: config.commonAnnotations))
        for p in k.patchesJson6902 {
            let source = try PatchSource.load(path: p.path, inline: p.patch, kustomization: k, root: root, loader: loader,
                                              mark: p.mark, reading: .json6902)
            guard case .json(let json) = source.content else { continue }
            list.append(JSON6902PatchTransformer(patch: p, json: json, applier: applier, file: k.file))
        }
        if !k.replicas.isEmpty {
            list.append(ReplicaTransformer(replicas: k.replicas, fieldSpecs: config.replicas, file: k.file))
        }
        if !k.storage.isEmpty {
            list.append(StorageTransformer(entries: k.storage, file: k.file))
        }
        for image in k.images {
            list.append(try ImageTransformer(image: image, fieldSpecs: config.images, file: k.file))
        }
        if !k.replacements.isEmpty {
            list.append(try ReplacementTransformer(replacements: k.replacements, kustomization: k, root: root, loader: loader))
        }
        return list
    }

    /// Fields we know but cannot honour yet, or refuse on principle: an error, never ignored.
    private func refuseUnsupported(_ k: Kustomization) throws {
        for (field, mark) in k.refusedFields {
            let why = field == "inventory" ? "kustomize v5 dropped inventory objects" : "sts-kustomize does not run Helm or fetch charts"
            throw Diagnostic("'\(field)' is not supported: \(why)", file: k.file, mark: mark)
        }
    }
}

extension Resource {
    /// Resources annotated `config.kubernetes.io/local-config` with any value but `"false"`
    /// (`""` included) are dropped from the output, as the oracle shows.
    var isLocalConfig: Bool {
        guard let value = metadata?.mapping("annotations")?["config.kubernetes.io/local-config"] else { return false }
        return value.asScalar?.value != "false"
    }
}
