import KubeModel
import Manifests
import YAML

/// Resources of rendered YAML (a `build` output, a file or stdin), for `check` and `diff`.
public enum RenderedYAML {
    /// The resources in `bytes`; `file` names the source in errors and findings.
    public static func resources(bytes: [UInt8], file: String) throws -> [Resource] {
        let docs: [Node]
        docs = try YAMLParser().parse(bytes: bytes, file: file)
        return try ManifestLoader.resources(from: docs, file: file)
    }
}
