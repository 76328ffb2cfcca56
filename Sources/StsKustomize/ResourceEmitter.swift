import KubeModel
import Manifests
import YAML

/// Turns resources into kustomize's output bytes.
public enum ResourceEmitter {
    /// The whole stream: documents separated by `---`, as `kustomize build` prints them.
    public static func stream(_ resources: [Resource]) throws -> [UInt8] {
        // Large builds are emitted in chunks on all cores; documents keep their order.
        let chunks = resources.count >= 256 ? 8 : 1
        if chunks == 1 { return try emitChunk(resources[...], first: true) }
        let size = (resources.count + chunks - 1) / chunks
        let parts = Parallel.map(chunks) { c in
            let lo = c * size, hi = min(resources.count, lo + size)
            return Result { lo < hi ? try emitChunk(resources[lo..<hi], first: c == 0) : [] }
        }
        var bytes: [UInt8] = []
        for part in parts { bytes += try part.get() }
        return bytes
    }

    private static func emitChunk(_ resources: ArraySlice<Resource>, first: Bool) throws -> [UInt8] {
        let sink = OutputSink()
        let emitter = YAMLEmitter()
        for (i, r) in zip(resources.indices, resources) {
            if i > resources.startIndex || !first { sink.bytes.append(contentsOf: "---\n".utf8) }
            try emit(r, with: emitter, into: sink)
        }
        return sink.bytes
    }

    /// One resource's document, as `build -o DIR` writes it.
    public static func document(_ r: Resource) throws -> [UInt8] {
        let sink = OutputSink()
        try emit(r, with: YAMLEmitter(), into: sink)
        return sink.bytes
    }

    /// An emitter error names the resource and the file it came from.
    private static func emit(_ r: Resource, with emitter: YAMLEmitter, into sink: OutputSink) throws {
        do {
            try emitter.emit(.mapping(r.object), into: sink)
        } catch let e as EmitError {
            throw Diagnostic("\(r.id): \(e.description)", file: r.origin, mark: r.object.mark)
        }
    }

    /// kustomize's file names for `build -o DIR`: `group_version_kind_name.yaml`, lower-cased;
    /// when the namespaced resources span more than one namespace, theirs start with
    /// `<namespace>_` (`default_` for none), cluster-scoped ones never do. A name that would
    /// put a file outside DIR (it holds a `/`) is an error, not a path.
    public static func fileNames(for resources: [Resource]) throws -> [(name: String, resource: Resource)] {
        let namespaces = Set(resources.filter { !$0.id.isClusterScoped }.map(\.id.effectiveNamespace))
        return try resources.map { r in
            var name = fileName(for: r)
            if namespaces.count > 1 && !r.id.isClusterScoped { name = r.id.effectiveNamespace.lowercased() + "_" + name }
            if name.contains("/") || name.utf8.contains(0) {
                throw Diagnostic("\(r.id): its name would place a file outside the output directory (\(name))", file: r.origin)
            }
            return (name, r)
        }
    }

    /// `group_version_kind_name.yaml`, lower-cased.
    static func fileName(for r: Resource) -> String {
        let g = r.gvk
        let gvk = [g.group, g.version, g.kind].filter { !$0.isEmpty }.joined(separator: "_")
        return (gvk + "_" + r.name).lowercased() + ".yaml"
    }
}
