import KubeModel
import Manifests
import YAML

/// `crds:` — field specs read from OpenAPI definitions of custom types, as kustomize's
/// LoadConfigFromCRDs reads them.
///
/// Each file is a map from Go type name (`github.com/example/apis/v1beta1.MyKind`) to an
/// OpenAPI definition (`Schema:` with `properties:`), in JSON (when the file starts with
/// `{`) or YAML. It is *not* a CustomResourceDefinition object: kustomize v5.5.0 fails to
/// read one (`cannot unmarshal string into Go value of type accumulator.OpenAPIDefinition`).
/// Types whose properties include `kind`, `apiVersion` and `metadata` are resources of the
/// kind named by the type name's last dotted part; their properties, and those of the types
/// they `$ref`, may carry:
///   - `x-kubernetes-object-ref-kind` + `x-kubernetes-object-ref-api-version` (and optionally
///     `x-kubernetes-object-ref-name-key`, default `name`): a name reference to that kind;
///   - `x-kubernetes-annotation`, `x-kubernetes-label-selector`, `x-kubernetes-identity`:
///     a field for commonAnnotations, commonLabels, namePrefix.
/// Only string-valued, lower-case extension keys count, and only `$ref`s are followed
/// (not properties nested inline), as in kustomize.
enum CRDFieldSpecs {
    /// Each file's specs, merged in file order as kustomize's `LoadConfigFromCRDs` does.
    static func load(_ paths: [String], kustomization k: Kustomization, root: String, loader: ManifestLoader) throws -> TransformerConfig {
        var config = TransformerConfig.empty
        for path in paths {
            if RemoteReference.looksRemote(path) {
                throw Diagnostic("remote crds entry '\(path)' is not supported: sts-kustomize reads only local files", file: k.file)
            }
            let file = try loader.resolveFile(path, root: root, kustomizationFile: k.file)
            let definitions = try Definitions(file: file, path: path, loader: loader)
            config = try config.merging(definitions.config())
        }
        return config
    }

    /// The definitions of one file, in file order.
    struct Definitions {
        let types: [(name: String, schema: Mapping?)]
        let file: String

        init(file: String, path: String, loader: ManifestLoader) throws {
            self.file = file
            func unreadable(_ why: String, mark: Mark? = nil) -> Diagnostic {
                Diagnostic("unable to parse open API definition from '\(path)': \(why)", file: file, mark: mark)
            }
            if try loader.fileSystem.readBytes(file).isEmpty {
                throw unreadable("the file is empty")
            }
            guard let doc = try loader.parse(file: file).first, !doc.isNull else {
                throw unreadable("the file holds no definitions")
            }
            guard let top = doc.asMapping else {
                throw unreadable("expected a map from type names to OpenAPI definitions", mark: doc.mark)
            }
            var types: [(String, Mapping?)] = []
            for e in top.entries {
                if e.value.isNull {
                    types.append((e.key.value, nil))
                    continue
                }
                guard let definition = e.value.asMapping else {
                    throw unreadable("'\(e.key.value)' is not an OpenAPI definition (is this a CustomResourceDefinition? "
                        + "kustomize reads OpenAPI definitions keyed by type name here)", mark: e.value.mark)
                }
                // The definition is read through Go's JSON decoding: `Schema` matches in any case.
                var schemaNode: Node?
                for d in definition.entries where d.key.value.lowercased() == "schema" { schemaNode = d.value }
                if let schemaNode, !schemaNode.isNull {
                    guard let schema = schemaNode.asMapping else {
                        throw unreadable("the Schema of '\(e.key.value)' must be a map", mark: schemaNode.mark)
                    }
                    try Self.checkProperties(schema, type: e.key.value, unreadable)
                    types.append((e.key.value, schema))
                } else {
                    types.append((e.key.value, nil))
                }
            }
            self.types = types
        }

        private static func checkProperties(_ schema: Mapping, type: String, _ unreadable: (String, Mark?) -> Diagnostic) throws {
            guard let properties = schema["properties"], !properties.isNull else { return }
            guard let m = properties.asMapping else {
                throw unreadable("the properties of '\(type)' must be a map", properties.mark)
            }
            for p in m.entries where !p.value.isNull && p.value.asMapping == nil {
                throw unreadable("property '\(p.key.value)' of '\(type)' must be a schema (a map)", p.value.mark)
            }
        }

        func schema(of type: String) -> Mapping? {
            types.first { $0.name == type }?.schema
        }

        func config() -> TransformerConfig {
            var config = TransformerConfig.empty
            for t in types {
                guard let schema = t.schema, Self.looksLikeResource(schema) else { continue }
                let kind = t.name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? t.name
                var visiting: [String] = []
                add(type: t.name, kind: kind, path: [], visiting: &visiting, into: &config)
            }
            return config
        }

        private static func looksLikeResource(_ schema: Mapping) -> Bool {
            guard let properties = schema.mapping("properties") else { return false }
            return ["kind", "apiVersion", "metadata"].allSatisfy { properties[$0] != nil }
        }

        private func add(type: String, kind: String, path: [String], visiting: inout [String], into config: inout TransformerConfig) {
            guard let properties = schema(of: type)?.mapping("properties") else { return }
            // kustomize would recurse forever on a type that refers to itself; stop instead.
            guard !visiting.contains(type) else { return }
            visiting.append(type)
            defer { visiting.removeLast() }
            for p in properties.entries {
                guard let property = p.value.asMapping else { continue }
                let here = path + [p.key.value]
                func spec(_ segments: [String]) -> FieldSpec {
                    FieldSpec(kind: kind, path: segments.joined(separator: "/"))
                }
                func ext(_ key: String) -> String? {
                    guard case .scalar(let s)? = property[key], s.tag == .string else { return nil }
                    return s.value
                }
                if ext("x-kubernetes-annotation") != nil { add(spec(here), to: &config.commonAnnotations) }
                if ext("x-kubernetes-label-selector") != nil { add(spec(here), to: &config.commonLabels) }
                if ext("x-kubernetes-identity") != nil { add(spec(here), to: &config.namePrefix) }
                if let version = ext("x-kubernetes-object-ref-api-version"), let refKind = ext("x-kubernetes-object-ref-kind") {
                    let nameKey = ext("x-kubernetes-object-ref-name-key") ?? "name"
                    // (CRD specs never set `create`, so they cannot conflict)
                    try? config.addNameReference(NameBackReference(target: GVK(version: version, kind: refKind), referrers: [spec(here + [nameKey])]))
                }
                if case .scalar(let ref)? = property["$ref"], ref.tag != .null {
                    add(type: ref.value, kind: kind, path: here, visiting: &visiting, into: &config)
                }
            }
        }

        private func add(_ spec: FieldSpec, to specs: inout [FieldSpec]) {
            if !specs.contains(spec) { specs.append(spec) }
        }
    }
}
