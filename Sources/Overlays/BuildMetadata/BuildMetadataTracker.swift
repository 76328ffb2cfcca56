import KubeModel
import Manifests
import YAML

/// `buildMetadata:` (originAnnotations, transformerAnnotations, managedByLabel) and
/// `--enable-managedby-label`: records where resources come from and what changed them.
///
/// As in kustomize, a non-empty `buildMetadata` on the kustomization being built turns
/// tracking on for the whole tree (bases and components take their parent's list):
/// - a resource read from a file gets `config.kubernetes.io/origin: path: <file>`, the path
///   being the chain of entries from the top-level directory (`../base/service.yaml`);
/// - a generated one gets `configuredIn: <kustomization file>` and `configuredBy:` the builtin
///   generator (a `merge` keeps the merged resource's origin, a `replace` takes the new one);
/// - after each transformer kustomize would configure, every resource in the build gets
///   that transformer appended to `alpha.config.kubernetes.io/transformations`.
/// These are ordinary annotations during the build; `finish` strips what was not asked for.
/// Without `buildMetadata` every hook returns at once, except `finish`'s cleanup, which
/// kustomize runs on every build.
final class BuildMetadataTracker {
    let options: BuildOptions
    /// The top-level kustomization's list, from its `begin` to `finish`.
    private var mode: BuildMetadataMode?
    private let paths: OriginPaths
    private let annotator = OriginAnnotator()
    /// Resources a plugin generator already annotated in the kustomization being generated.
    private var pluginMade: Set<ObjectIdentifier> = []
    /// Every resource read or generated while tracking, kept alive until `finish`: resources
    /// are told apart by ObjectIdentifier (here and in the resolver's list of new generated
    /// resources), and a freed resource's identifier could be reused by a newer one, e.g. a
    /// resource replaced by a generator `merge` for the next generator's output.
    private var retained: [Resource] = []
    /// The directory being built: met again, it starts a new build (one that failed left
    /// this tracker mid-build).
    private var topRoot = ""

    init(options: BuildOptions) {
        self.options = options
        self.paths = OriginPaths(fileSystem: options.fileSystem)
    }

    /// Forgets a build that failed halfway (the next `begin` is a top-level kustomization).
    func reset() {
        mode = nil
        topRoot = ""
        paths.reset()
        annotator.reset()
        pluginMade.removeAll()
        retained.removeAll()
    }

    private var tracking: Bool { mode?.tracks ?? false }

    /// Whether resources get build metadata in the build under way (its results then depend
    /// on the top-level directory).
    var isTracking: Bool { tracking || options.enableManagedByLabel }

    /// A kustomization is about to be accumulated.
    func begin(_ k: Kustomization, root: String) throws {
        if mode != nil && root == topRoot { reset() }
        guard let mode else {
            let top = BuildMetadataMode(k.buildMetadata)
            self.mode = top
            topRoot = root
            if top.tracks { paths.begin(k, root: root) }
            return
        }
        if mode.tracks { paths.begin(k, root: root) }
    }

    /// Resources read from `file` (a `resources:` entry of `k`).
    func loaded(_ resources: [Resource], file: String, kustomization k: Kustomization, root: String) {
        guard tracking, !resources.isEmpty else { return }
        let frame = paths.frame(root, k)
        let origin = Origin.file(paths.filePath(file, in: frame, list: "resources"))
        retained.append(contentsOf: resources)
        guard let text = try? origin.annotationText() else { return }
        for r in resources {
            annotator.setOrigin(text, on: r)
        }
    }

    /// Resources a generator of `k` made or changed.
    func generated(_ resources: [Resource], kustomization k: Kustomization, root: String) {
        guard tracking else { return }
        let frame = paths.frame(root, k)
        frame.pastGenerators = true
        retained.append(contentsOf: resources)
        defer { pluginMade.removeAll() }
        var texts: [String: String] = [:]
        for r in resources where !pluginMade.contains(ObjectIdentifier(r)) {
            // A merge keeps the origin of the resource merged into; a replace takes the
            // generator's; a new resource keeps an origin its options set.
            let behavior = r.generator?.behavior ?? ""
            if behavior != "replace" && OriginAnnotator.hasOrigin(r) { continue }
            let kind = r.kind == "Secret" ? "SecretGenerator" : "ConfigMapGenerator"
            if texts[kind] == nil {
                texts[kind] = try? Origin.builtin(kind, configuredIn: frame.kustomizationFilePath).annotationText()
            }
            if let text = texts[kind] { annotator.setOrigin(text, on: r) }
        }
    }

    /// Resources a plugin generator (an entry of `k.generators`, configured by `config`)
    /// made or changed, told as each one runs (PluginRunner.generatedBy). Best called after
    /// `generated` has seen the builtin generators' output, as kustomize annotates each
    /// generator's output before the next runs; if called before it, `generated` leaves
    /// these resources alone.
    func pluginGenerated(_ resources: [Resource], config: Resource, kustomization k: Kustomization, root: String) throws {
        guard tracking else { return }
        let frame = paths.frame(root, k)
        retained.append(contentsOf: resources)
        let text = try pluginOrigin(config, frame: frame, list: "generators").annotationText()
        for r in resources {
            pluginMade.insert(ObjectIdentifier(r))
            if r.generator?.behavior != "replace" && OriginAnnotator.hasOrigin(r) { continue }
            annotator.setOrigin(text, on: r)
        }
    }

    /// Wraps a transformer so the resources it changes can be annotated.
    func wrap(_ t: Transformer, kustomization k: Kustomization, root: String) -> Transformer {
        guard tracking else { return t }
        let frame = paths.frame(root, k)
        let origins: [Origin]
        if let plugin = t as? PluginConfigured {
            guard let o = try? pluginOrigin(plugin.pluginConfig, frame: frame, list: "transformers") else { return t }
            origins = [o]
        } else {
            origins = BuiltinTransformerKinds.kinds(of: t, in: k).map {
                Origin.builtin($0, configuredIn: frame.kustomizationFilePath)
            }
        }
        guard !origins.isEmpty, let rendered = try? origins.map(RenderedOrigin.init) else { return t }
        return TransformationRecorder(inner: t, origins: rendered, annotator: annotator)
    }

    /// After the whole build, before sorting: write or strip the annotations and labels.
    func finish(_ resources: ResourceMap, root k: Kustomization) throws {
        let mode = self.mode ?? BuildMetadataMode(k.buildMetadata)
        reset()
        if options.enableManagedByLabel || mode.managedByLabel {
            try ManagedByLabel.apply(to: resources)
        }
        BuildAnnotationCleanup(keepOrigin: mode.originAnnotations, keepTransformations: mode.transformerAnnotations)
            .run(resources)
    }

    /// kustomize's OriginFromCustomPlugin: where the config was written (its own origin
    /// annotation when it has one, e.g. from a kustomization of configs) and its identity.
    private func pluginOrigin(_ config: Resource, frame: OriginPaths.Frame, list: String) throws -> Origin {
        var o = Origin()
        if let text = config.metadata?.mapping("annotations")?.string(BuildMetadataKeys.origin),
           let own = try Origin.parse(text) {
            o.repo = own.repo
            o.ref = own.ref
            o.configuredIn = own.path
        } else if config.origin.isEmpty || config.origin == frame.kustomization.file {
            o.configuredIn = frame.kustomizationFilePath
        } else {
            o.configuredIn = paths.filePath(config.origin, in: frame, list: list)
        }
        o.configuredBy = Origin.ConfiguredBy(apiVersion: config.apiVersion, kind: config.kind,
                                             name: config.name, namespace: config.namespace)
        return o
    }
}
