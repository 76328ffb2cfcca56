import KubeModel
import Manifests
import YAML

/// `kustomize create` (kustomize/commands/create): a new `kustomization.yaml` in a directory
/// that has none.
public struct KustomizationCreation: Sendable {
    public var resources: [String] = []
    public var namespace = ""
    public var namePrefix = ""
    public var nameSuffix = ""
    /// `k:v,k2:v2`, split on commas (unlike `edit add label`).
    public var labels = ""
    public var annotations = ""
    public var autodetect = false
    public var recursive = false

    public init() {}

    /// The new file's path and bytes. Errors: a resource that matches nothing, an existing
    /// kustomization (`kustomization file already exists`).
    public func create(in dir: String, fileSystem: any FileSystem) throws -> (path: String, bytes: [UInt8]) {
        var found = resources.isEmpty ? [] : try ResourceGlob.expand(resources.flatMap { $0.split(separator: ",").map(String.init) }, in: dir, fileSystem: fileSystem)
        if (try? KustomizationFile.locate(in: dir, fileSystem: fileSystem)) != nil {
            throw EditError("kustomization file already exists")
        }
        if autodetect {
            for path in try detect(in: dir, relative: "", fileSystem: fileSystem) where !found.contains(path) { found.append(path) }
        }
        let path = PathName.join(dir, "kustomization.yaml")
        var file = try KustomizationFile(path: path, bytes: [])
        file.set("resources", .sequence(Sequence(found.map { .string($0) })))
        file.set("namespace", .string(namespace))
        file.set("namePrefix", .string(namePrefix))
        file.set("nameSuffix", .string(nameSuffix))
        file.set("commonAnnotations", .mapping(KustomizationEdit.mapping(try Self.pairs(annotations, kind: "annotation"))))
        file.set("commonLabels", .mapping(KustomizationEdit.mapping(try Self.pairs(labels, kind: "label"))))
        return (path, try file.serialized())
    }

    private static func pairs(_ text: String, kind: String) throws -> [(String, String)] {
        text.isEmpty ? [] : try KustomizationEdit.pairs(text.split(separator: ",", omittingEmptySubsequences: false).map(String.init), kind: kind)
    }

    /// kustomize's `detectResources`: files that read as Kubernetes resources, in lexical
    /// order; with `recursive`, subdirectories too, a subdirectory holding a kustomization
    /// being added as a directory.
    private func detect(in dir: String, relative: String, fileSystem: any FileSystem) throws -> [String] {
        var out: [String] = []
        let here = relative.isEmpty ? dir : PathName.join(dir, relative)
        for name in try fileSystem.listDirectory(here) {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = PathName.join(dir, rel)
            if fileSystem.type(of: full) == .directory {
                guard recursive else { continue }
                if ManifestLoader.kustomizationFileNames.contains(where: { fileSystem.type(of: PathName.join(full, $0)) == .file }) {
                    out.append(rel)
                } else {
                    out += try detect(in: dir, relative: rel, fileSystem: fileSystem)
                }
                continue
            }
            guard let bytes = try? fileSystem.readBytes(full),
                  let docs = try? YAMLParser().parse(bytes: bytes, file: full),
                  (try? ManifestLoader.resources(from: docs, file: full)) != nil else { continue }
            out.append(rel)
        }
        return out
    }
}

extension KustomizationFile {
    /// `kustomize edit fix` without `--vars`: `patchesJson6902` and `patchesStrategicMerge` into
    /// `patches` (a strategic-merge entry naming a readable file becomes a path), `commonLabels`
    /// into a `labels` entry with `includeSelectors: true`.
    public mutating func fix(directory: String, fileSystem: any FileSystem) throws {
        var patches = sequence("patches") + sequence("patchesJson6902")
        for entry in sequence("patchesStrategicMerge") {
            let text = entry.stringValue ?? ""
            let isFile = (try? fileSystem.readBytes(PathName.join(directory, text))) != nil
            patches.append(.mapping(Mapping([MapEntry(key: .string(isFile ? "path" : "patch"), value: .string(text))])))
        }
        set("patches", .sequence(Sequence(patches)))
        set("patchesJson6902", nil)
        set("patchesStrategicMerge", nil)
        let common = mapping("commonLabels")
        if !common.entries.isEmpty {
            for label in sequence("labels") {
                for e in label.asMapping?.mapping("pairs")?.entries ?? [] where common[e.key.value] != nil {
                    throw EditError("label name '\(e.key.value)' exists in both commonLabels and labels")
                }
            }
            append([.mapping(Mapping([MapEntry(key: .string("pairs"), value: .mapping(common)),
                                      MapEntry(key: .string("includeSelectors"), value: .scalar(Scalar("true", tag: .bool)))]))], to: "labels")
            set("commonLabels", nil)
        }
    }

    /// What `edit fix --vars` prints.
    public static let fixVarsReport = """

        Fixed fields:
          patchesJson6902 -> patches
          patchesStrategicMerge -> patches
          commonLabels -> labels
          vars -> replacements

        """

    /// What `edit fix` prints (kustomize's text, trailing spaces included).
    public static let fixReport = """

        Fixed fields:
          patchesJson6902 -> patches
          patchesStrategicMerge -> patches
          commonLabels -> labels

        To convert vars -> replacements, run the command `kustomize edit fix --vars`

        WARNING: Converting vars to replacements will potentially overwrite many resource files 
        and the resulting files may not produce the same output when `kustomize build` is run. 
        We recommend doing this in a clean git repository where the change is easy to undo.

        """
}
