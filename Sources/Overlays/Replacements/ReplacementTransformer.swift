import KubeModel
import Manifests
import YAML

/// `replacements:` — copies a field from a source resource into target fields
/// (kustomize's ReplacementTransformer; runs last among a kustomization's transformers).
public struct ReplacementTransformer: Transformer {
    let file: String
    public let replacements: [Replacement]

    /// Decodes the kustomization's entries; `path:` entries load a file (through the
    /// load restrictor) holding one replacement or a list of them.
    public init(replacements entries: [Node], kustomization k: Kustomization, root: String, loader: ManifestLoader) throws {
        file = k.file
        replacements = try Self.load(entries, strict: true, file: k.file, root: root, loader: loader)
    }

    /// A `transformers:` entry of `kind: ReplacementTransformer` (apiVersion `builtin`):
    /// its `replacements:` list, read leniently as kustomize reads plugin configs, with
    /// `path:` entries relative to the kustomization's root.
    public init(pluginConfig node: Node, file: String, kustomizationFile: String, root: String, loader: ManifestLoader) throws {
        self.file = file
        guard let m = node.asMapping else {
            throw Diagnostic("a ReplacementTransformer config must be a mapping", file: file, mark: node.mark)
        }
        var entries: [Node] = []
        for e in m.entries where e.key.value.lowercased() == "replacements" {
            switch e.value {
            case .sequence(let seq): entries = seq.items
            case .scalar(let s) where s.tag == .null: entries = []
            default: throw Diagnostic("ReplacementTransformer: 'replacements' must be a list", file: file, mark: e.value.mark)
            }
        }
        replacements = try Self.load(entries, strict: false, file: file, root: root, loader: loader, kustomizationFile: kustomizationFile)
    }

    static func load(_ entries: [Node], strict: Bool, file: String, root: String, loader: ManifestLoader,
                     kustomizationFile: String? = nil) throws -> [Replacement] {
        var list: [Replacement] = []
        for entry in entries {
            let (inline, path) = try Replacement.decode(entry, file: file, strict: strict, allowPath: true)
            if let inline {
                list.append(inline)
                continue
            }
            guard let path else { continue }
            let real = try loader.resolveFile(path, root: root, kustomizationFile: kustomizationFile ?? file)
            let docs = try loader.parse(file: real)
            switch docs.first {
            case .sequence(let seq)?:
                for item in seq.items {
                    if let r = try Replacement.decode(item, file: real, strict: false).0 { list.append(r) }
                }
            case .mapping?:
                if let doc = docs.first, let r = try Replacement.decode(doc, file: real, strict: false).0 { list.append(r) }
            case .scalar(let s)?:
                let kind = s.tag == .null ? "invalid" : (s.tag == .string ? "string" : "\(s.tag)")
                throw Diagnostic("unsupported replacement type encountered within replacement path: \(kind)", file: real)
            case nil:
                throw Diagnostic("unsupported replacement type encountered within replacement path: invalid", file: real)
            }
        }
        return list
    }

    public init(replacements: [Replacement], file: String) {
        self.replacements = replacements
        self.file = file
    }

    public func transform(_ resources: ResourceMap) throws {
        for r in replacements {
            do {
                try apply(r, to: resources)
            } catch let e as ReplacementValue.Failure {
                throw Diagnostic(e.message, file: file)
            } catch let e as FieldLookup.Failure {
                throw Diagnostic("error looking up replacement source: \(e.message)", file: file)
            } catch let e as TargetPathMatcher.Failure {
                throw Diagnostic(e.message, file: file)
            }
        }
    }

    private func apply(_ r: Replacement, to resources: ResourceMap) throws {
        guard let source = r.source, let targets = r.targets else {
            throw Diagnostic("replacements must specify a source and at least one target", file: file, mark: r.mark)
        }
        let (sourceResource, value) = try sourceValue(source, resources)
        for target in targets {
            guard let select = target.select else {
                throw Diagnostic("target must specify resources to select", file: file)
            }
            let paths = target.fieldPaths.isEmpty ? [Replacement.defaultFieldPath] : target.fieldPaths
            let matchers = try paths.map { fp -> (String, TargetPathMatcher) in
                do {
                    return (fp, try TargetPathMatcher(path: KustomizeFieldPath.split(fp)))
                } catch let e as TargetPathMatcher.Failure {
                    throw Diagnostic("\(fieldError(fp, create: target.options?.create == true)): \(e.message)", file: file)
                }
            }
            for resource in resources.resources where ReplacementSelector.targetSelects(select, reject: target.reject, resource) {
                try copy(value, into: resource, matchers, options: target.options, source: source, from: sourceResource)
            }
        }
    }

    /// kustomize's `getReplacement`: the one resource the source selects, and its field.
    private func sourceValue(_ source: Replacement.Source, _ resources: ResourceMap) throws -> (Resource, Node) {
        var found: Resource?
        for resource in resources.resources where ReplacementSelector.ids(of: resource).contains(where: { source.id.selects($0) }) {
            if found != nil {
                throw Diagnostic("multiple matches for selector \(source.text)", file: file)
            }
            found = resource
        }
        guard let resource = found else {
            throw Diagnostic("nothing selected by \(source.text)", file: file)
        }
        let fieldPath = source.fieldPath.isEmpty ? Replacement.defaultFieldPath : source.fieldPath
        let node = try FieldLookup.lookup(.mapping(resource.object), KustomizeFieldPath.split(fieldPath))
        guard let node, !node.isNilOrEmpty else {
            throw Diagnostic("fieldPath `\(fieldPath)` is missing for replacement source \(source.id.text)", file: file)
        }
        return (resource, try ReplacementValue.refine(node, options: source.options))
    }

    private func fieldError(_ fieldPath: String, create: Bool) -> String {
        create ? "unable to find or create field \"\(fieldPath)\" in replacement target"
            : "unable to find field \"\(fieldPath)\" in replacement target"
    }

    /// The source's value as it is now. kyaml hands the source node itself to every write, so
    /// when a target is that very node (a replacement into its own source), later targets
    /// see the value it was given; a source refined by a delimiter is a new node instead.
    private func currentSourceValue(_ source: Replacement.Source, in resource: Resource, initial: Node) -> Node {
        if let options = source.options, !options.delimiter.isEmpty { return initial }
        let fieldPath = source.fieldPath.isEmpty ? Replacement.defaultFieldPath : source.fieldPath
        return ((try? FieldLookup.lookup(.mapping(resource.object), KustomizeFieldPath.split(fieldPath))) ?? nil) ?? initial
    }

    /// kustomize's `copyValueToTarget`.
    private func copy(_ initial: Node, into resource: Resource, _ matchers: [(String, TargetPathMatcher)], options: Replacement.Options?,
                      source: Replacement.Source, from sourceResource: Resource) throws {
        let value = initial
        let create: TargetPathMatcher.CreateKind?
        if options?.create == true {
            switch value {
            case .scalar: create = .scalar
            case .mapping: create = .mapping
            case .sequence: create = .sequence
            }
        } else {
            create = nil
        }
        for (fieldPath, matcher) in matchers {
            let slots: [NodeSlot]
            do {
                slots = try matcher.slots(in: resource.object, create: create)
            } catch let e as TargetPathMatcher.Failure {
                throw Diagnostic("\(fieldError(fieldPath, create: create != nil)): \(e.message)", file: file)
            }
            if slots.isEmpty {
                throw Diagnostic(fieldError(fieldPath, create: create != nil), file: file)
            }
            for slot in slots {
                try ReplacementValue.write(currentSourceValue(source, in: sourceResource, initial: value), into: slot, options: options)
            }
        }
    }
}

fileprivate extension Node {
    /// kyaml's `IsNilOrEmpty`: null, or an empty mapping or list.
    var isNilOrEmpty: Bool {
        switch self {
        case .scalar(let s): return s.tag == .null
        case .mapping(let m): return m.entries.isEmpty
        case .sequence(let s): return s.items.isEmpty
        }
    }
}
