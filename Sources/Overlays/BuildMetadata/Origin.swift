import KubeModel
import Manifests
import YAML

/// kustomize's `resource.Origin`: where a resource, or the generator or transformer that
/// touched it, was written. Paths are relative to the directory being built, as the
/// entries leading there were written (`../base/service.yaml`).
struct Origin: Equatable {
    /// The resource file a resource was read from.
    var path = ""
    var repo = ""
    var ref = ""
    /// The file holding the generator or transformer configuration.
    var configuredIn = ""
    /// The generator or transformer: `builtin` and its kind, or a plugin config's identity.
    var configuredBy = ConfiguredBy()

    struct ConfiguredBy: Equatable {
        var apiVersion = ""
        var kind = ""
        var name = ""
        var namespace = ""

        var isEmpty: Bool { apiVersion.isEmpty && kind.isEmpty && name.isEmpty && namespace.isEmpty }
    }

    static func file(_ path: String) -> Origin {
        Origin(path: path)
    }

    /// A builtin generator or transformer (`ConfigMapGenerator`, `PrefixTransformer`…) of the
    /// kustomization file at `configuredIn`.
    static func builtin(_ kind: String, configuredIn: String) -> Origin {
        Origin(configuredIn: configuredIn, configuredBy: ConfiguredBy(apiVersion: "builtin", kind: kind))
    }

    /// The fields kustomize marshals, in its struct order, empty ones left out.
    private var scalarFields: [(String, String)] {
        [("path", path), ("repo", repo), ("ref", ref), ("configuredIn", configuredIn)].filter { !$0.1.isEmpty }
    }

    private var configuredByFields: [(String, String)] {
        [("apiVersion", configuredBy.apiVersion), ("kind", configuredBy.kind),
         ("name", configuredBy.name), ("namespace", configuredBy.namespace)].filter { !$0.1.isEmpty }
    }

    /// The origin as kyaml marshals it, one block of lines per field, unindented.
    private func fieldBlocks() throws -> [[String]] {
        var blocks = try scalarFields.map { try ScalarField.lines($0.0, $0.1) }
        let by = configuredByFields
        if !by.isEmpty {
            var block = ["configuredBy:"]
            for (key, value) in by {
                block += try ScalarField.lines(key, value).map { "  " + $0 }
            }
            blocks.append(block)
        }
        return blocks
    }

    /// The `config.kubernetes.io/origin` value: the origin as a YAML document.
    func annotationText() throws -> String {
        let blocks = try fieldBlocks()
        if blocks.isEmpty { return "{}\n" }
        return blocks.joined().map { $0 + "\n" }.joined()
    }

    /// This origin as one item of the `alpha.config.kubernetes.io/transformations` list
    /// (kyaml's compact sequence style: items at the list's own indentation).
    func listItemText() throws -> String {
        let lines = Array(try fieldBlocks().joined())
        if lines.isEmpty { return "- {}\n" }
        return lines.enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element + "\n" }.joined()
    }

    static func listText(_ origins: [Origin]) throws -> String {
        if origins.isEmpty { return "[]\n" }
        var text = ""
        for o in origins { text += try o.listItemText() }
        return text
    }
}

extension Origin {
    /// Reads an origin annotation the way kustomize does (YAML into the struct through JSON:
    /// unknown fields are ignored, anything but a mapping is an error).
    static func parse(_ text: String) throws -> Origin? {
        guard let doc = try parseDocument(text, what: "resource.Origin") else { return nil }
        return try decode(doc, what: "resource.Origin")
    }

    /// Reads a transformations annotation: a list of origins.
    static func parseList(_ text: String) throws -> [Origin] {
        guard let doc = try parseDocument(text, what: "resource.Transformations") else { return [] }
        guard let seq = doc.asSequence else {
            throw unmarshalError(doc, what: "resource.Transformations")
        }
        return try seq.items.compactMap { item in
            item.isNull ? nil : try decode(item, what: "resource.Origin")
        }
    }

    private static func parseDocument(_ text: String, what: String) throws -> Node? {
        let docs: [Node]
        do {
            docs = try YAMLParser().parse(text, file: "annotation")
        } catch {
            throw Diagnostic("error converting YAML to JSON: \(error) (reading \(what))")
        }
        guard let doc = docs.first, !doc.isNull else { return nil }
        return doc
    }

    private static func decode(_ node: Node, what: String) throws -> Origin {
        guard let m = node.asMapping else { throw unmarshalError(node, what: what) }
        func text(_ m: Mapping, _ key: String) -> String {
            m[key]?.asScalar.map { $0.tag == .null ? "" : $0.value } ?? ""
        }
        var o = Origin(path: text(m, "path"), repo: text(m, "repo"), ref: text(m, "ref"),
                       configuredIn: text(m, "configuredIn"))
        if let by = m.mapping("configuredBy") {
            o.configuredBy = ConfiguredBy(apiVersion: text(by, "apiVersion"), kind: text(by, "kind"),
                                          name: text(by, "name"), namespace: text(by, "namespace"))
        }
        return o
    }

    private static func unmarshalError(_ node: Node, what: String) -> Diagnostic {
        let got: String
        switch node {
        case .scalar: got = "string"
        case .sequence: got = "array"
        case .mapping: got = "object"
        }
        return Diagnostic("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(got) into Go value of type \(what)")
    }
}
