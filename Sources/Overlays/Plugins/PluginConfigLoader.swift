import KubeModel
import Manifests
import YAML

/// Turns the entries of `generators:`, `transformers:` or `validators:` into plugin
/// configs, as kustomize's configureExternalGenerators/Transformers do. An entry is
///   - an inline config (YAML text holding one or more objects),
///   - a file holding one or more configs (read through the load restrictor), or
///   - a directory whose kustomization builds to the configs (its own transformers run on them).
/// kustomize takes every inline entry first and the paths after, and gathers all of them in
/// one resource map, so two configs with the same kind and name are an error.
struct PluginConfigLoader {
    let loader: ManifestLoader
    let directoryBuilder: PluginDirectoryBuilder

    func load(_ entries: [String], field: String, kustomization k: Kustomization, root: String) throws -> [PluginConfig] {
        let configs = ResourceMap()
        var paths: [(entry: String, inlineError: Diagnostic?)] = []
        for entry in entries {
            switch inline(entry, file: k.file) {
            case .configs(let resources):
                for r in resources { try configs.append(r) }
            case .notInline(let inlineError):
                paths.append((entry, inlineError))
            }
        }
        for (entry, inlineError) in paths {
            for r in try loadPath(entry, inlineError: inlineError, field: field, kustomization: k, root: root) {
                try configs.append(r)
            }
        }
        return configs.resources.map { PluginConfig(resource: $0) }
    }

    private enum InlineParse {
        case configs([Resource])
        /// Not inline; the error is kept when the text looked like objects but was invalid,
        /// to report it if the entry is no path either.
        case notInline(Diagnostic?)
    }

    /// kustomize first tries every entry as YAML objects; only if that fails is it a path.
    private func inline(_ entry: String, file: String) -> InlineParse {
        guard let docs = try? loader.parseDocuments(entry, file: file) else { return .notInline(nil) }
        let objects = docs.filter { !$0.isNull }
        guard !objects.isEmpty, objects.allSatisfy({ $0.asMapping != nil }) else { return .notInline(nil) }
        do {
            return .configs(try ManifestLoader.resources(from: objects, file: file))
        } catch let e as Diagnostic {
            return .notInline(e)
        } catch {
            return .notInline(Diagnostic("\(error)", file: file))
        }
    }

    private func loadPath(_ entry: String, inlineError: Diagnostic?, field: String,
                          kustomization k: Kustomization, root: String) throws -> [Resource] {
        if RemoteReference.looksRemote(entry) {
            throw Diagnostic("remote \(field) entry '\(entry)' is not supported: sts-kustomize reads only local files", file: k.file)
        }
        let full = PathName.join(root, entry)
        switch loader.fileSystem.type(of: full) {
        case .file:
            let file = try loader.resolveFile(entry, root: root, kustomizationFile: k.file)
            return try loader.loadResources(file: file)
        case .directory:
            return try directoryBuilder.build(full, from: k)
        case .missing:
            if let inlineError { throw inlineError }
            throw Diagnostic("\(field): '\(entry)' doesn't exist", file: k.file)
        }
    }
}
