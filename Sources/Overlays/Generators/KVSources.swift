import KubeModel
import Manifests
import YAML

/// One key of a generated ConfigMap or Secret with its raw content (file content may be
/// any bytes; literals and env values are always UTF-8).
struct KVPair {
    var key: String
    var value: [UInt8]
}

/// The `literals:`, `files:` and `envs:` of a generator entry.
struct KVSources {
    var literals: [String]
    var files: [String]
    var envs: [String]

    /// All pairs in kustomize's order: env files, then literals, then files. Every file is
    /// read through the loader, so the load restrictor applies.
    func load(loader: ManifestLoader, root: String, kustomizationFile: String) throws -> [KVPair] {
        var pairs: [KVPair] = []
        for path in envs {
            let content = try readFile(path, what: "env file", loader: loader, root: root, kustomizationFile: kustomizationFile)
            do {
                for (key, value) in try EnvFile.parse(content) {
                    pairs.append(KVPair(key: key, value: Array(value.utf8)))
                }
            } catch let error as EnvFileError {
                throw GeneratorSourceError("env file '\(path)': \(error.description)")
            }
        }
        for literal in literals {
            do {
                let (key, value) = try LiteralSource.parse(literal)
                pairs.append(KVPair(key: key, value: Array(value.utf8)))
            } catch let error as LiteralSourceError {
                throw GeneratorSourceError(error.description)
            }
        }
        for source in files {
            let key: String
            let path: String
            do {
                (key, path) = try FileSource.parse(source)
            } catch let error as FileSourceError {
                throw GeneratorSourceError("file source: \(error.description)")
            }
            pairs.append(KVPair(key: key, value: try readFile(path, what: "file", loader: loader, root: root, kustomizationFile: kustomizationFile)))
        }
        return pairs
    }

    private func readFile(_ path: String, what: String, loader: ManifestLoader, root: String, kustomizationFile: String) throws -> [UInt8] {
        if path.hasPrefix("http://") || path.hasPrefix("https://") {
            throw GeneratorSourceError("\(what) '\(path)' is remote: sts-kustomize reads only local files")
        }
        let resolved: String
        do {
            resolved = try loader.resolveFile(path, root: root, kustomizationFile: kustomizationFile)
        } catch let error as Diagnostic {
            throw GeneratorSourceError("\(what): \(error.message)")
        }
        if loader.fileSystem.type(of: resolved) == .directory {
            throw GeneratorSourceError("\(what) '\(path)' must resolve to a file, not a directory")
        }
        do {
            return try loader.fileSystem.readBytes(resolved)
        } catch let error as Diagnostic {
            throw GeneratorSourceError("\(what) '\(path)': \(error.message)")
        }
    }
}

/// A problem with one source of a generator entry; the runner adds the entry's position.
struct GeneratorSourceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
