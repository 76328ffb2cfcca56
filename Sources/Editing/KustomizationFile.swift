import KubeModel
import Manifests
import YAML

/// A kustomization file read for editing and written back as kustomize v5.5.0's `edit` writes
/// it (kustomize/commands/internal/kustfile): fields the file had keep their place and the
/// comment lines above them; new fields follow in kustomize's field order; each field is
/// written as kustomize's JSON round trip leaves it (nested keys sorted, empty values dropped,
/// styles reset). Our `storage:` extension is a field like the others (kustomize's own `edit`
/// refuses files that have it).
public struct KustomizationFile {
    /// The file, as found in the directory (its name is kept).
    public let path: String
    /// The top-level fields by their canonical key, decoded and fixed as kustomize reads them.
    public private(set) var fields: [String: Node] = [:]
    /// Fields present in the file, in file order, with the comment bytes placed above each.
    private var originalFields: [(key: String, comment: [UInt8])] = []

    /// The kustomization file in `dir`, as `edit` looks for it.
    public static func locate(in dir: String, fileSystem: any FileSystem) throws -> String {
        let found = ManifestLoader.kustomizationFileNames.filter { fileSystem.realPath(PathName.join(dir, $0)) != nil }
        switch found.count {
        case 0: throw Diagnostic("Missing kustomization file 'kustomization.yaml'.", file: dir)
        case 1: break
        default: throw Diagnostic("Found multiple kustomization file: [\(found.joined(separator: " "))]", file: dir)
        }
        let path = PathName.join(dir, found[0])
        if fileSystem.type(of: path) == .directory { throw Diagnostic("\(found[0]) should be a file", file: path) }
        return path
    }

    /// Reads the kustomization in `dir`.
    public init(in dir: String, fileSystem: any FileSystem, limits: ParseLimits = .default) throws {
        let path = try Self.locate(in: dir, fileSystem: fileSystem)
        try self.init(path: path, bytes: fileSystem.readBytes(path, limit: limits.maxInputBytes), limits: limits)
    }

    /// Parses and checks `bytes` strictly (an error names the line and column), then applies
    /// kustomize's `FixKustomization`.
    public init(path: String, bytes: [UInt8], limits: ParseLimits = .default) throws {
        self.path = path
        var parser = YAMLParser(limits: limits, duplicateKeys: .lastWins)
        parser.goYAMLv2 = true
        let doc = try parser.parseFirstDocument(bytes: bytes, file: path)
        if let doc, !doc.isNull {
            guard let top = doc.asMapping else {
                throw Diagnostic("invalid Kustomization: a kustomization must be a mapping", file: path, mark: doc.mark)
            }
            // The same checks a build makes: unknown fields and wrong types are errors here too.
            // kustomize's edit does not check the kind's spelling (`kind: kustomization` stays).
            let checked = top.deepCopy()
            if let kind = checked.string("kind"), ["kustomization", "component"].contains(kind.lowercased()) {
                checked["kind"] = .string(kind.lowercased() == "component" ? "Component" : "Kustomization")
            }
            _ = try Kustomization.decode(.mapping(checked), file: path)
            for entry in top.entries {
                guard let key = KustomizationFields.canonicalKey(entry.key.value) else { continue }
                fields[key] = entry.value
            }
        }
        fix()
        originalFields = KustomizationFields.commentedFields(in: bytes)
    }

    /// kustomize's `FixKustomization`: apiVersion and kind defaults, `bases` into `resources`,
    /// `imageTags` into `images`, a generator's `env` into `envs`.
    private mutating func fix() {
        if string("kind") == nil { fields["kind"] = .string("Kustomization") }
        if string("apiVersion") == nil {
            fields["apiVersion"] = .string(string("kind") == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1")
        }
        if let bases = fields.removeValue(forKey: "bases")?.asSequence {
            append(bases.items, to: "resources")
        }
        if let tags = fields.removeValue(forKey: "imageTags")?.asSequence {
            append(tags.items, to: "images")
        }
        for generator in ["configMapGenerator", "secretGenerator"] {
            for item in sequence(generator) {
                guard let g = item.asMapping, let env = g.removeValue(forKey: "env") else { continue }
                if let text = env.stringValue, !text.isEmpty {
                    let envs = g.sequence("envs") ?? Sequence()
                    envs.items.append(.string(text))
                    g["envs"] = .sequence(envs)
                }
            }
        }
    }

    // MARK: reading and changing fields

    public func string(_ key: String) -> String? {
        guard let s = fields[key]?.asScalar, s.tag != .null else { return nil }
        return s.value
    }

    /// The items of a list field; empty when it is absent.
    public func sequence(_ key: String) -> [Node] {
        fields[key]?.asSequence?.items ?? []
    }

    /// A map field's entries (`commonLabels`, …); empty when it is absent.
    public func mapping(_ key: String) -> Mapping {
        fields[key]?.asMapping ?? Mapping()
    }

    public mutating func set(_ key: String, _ value: Node?) {
        fields[key] = value
    }

    public mutating func append(_ items: [Node], to key: String) {
        set(key, .sequence(Sequence(sequence(key) + items)))
    }

    // MARK: writing

    /// The file's new bytes.
    public func serialized() throws -> [UInt8] {
        var out: [UInt8] = []
        let written = Set(originalFields.map(\.key))
        for field in originalFields {
            out += field.comment
            out += try Self.marshal(field.key, fields[field.key])
        }
        for key in KustomizationFields.order where !written.contains(key) {
            out += try Self.marshal(key, fields[key])
        }
        return out
    }

    /// One field as its own one-key document; nothing when its value is empty.
    private static func marshal(_ key: String, _ value: Node?) throws -> [UInt8] {
        guard let value, let normalized = JSONRoundTripView.normalized(value, key: key) else { return [] }
        return try YAMLEmitter().emit(.mapping(Mapping([MapEntry(key: .string(key), value: normalized)])))
    }
}
