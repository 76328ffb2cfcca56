import KubeModel
import Manifests
import YAML

/// One entry of the deprecated `vars:` (kustomize's `types.Var`): `$(NAME)` stands for the
/// field `fieldref.fieldpath` (default `metadata.name`) of the resource `objref` names.
public struct VarDeclaration {
    public var name: String
    public var file: String
    public var node: Node
    /// `objref`: its GVK comes from `apiVersion` when given, else `group`/`version`.
    public var gvk: GVK
    public var targetName: String
    public var targetNamespace: String
    public var fieldPath: String
    /// `fieldref.fieldpath` as written (kustomize's messages before defaulting show it).
    public var declaredFieldPath: String
    /// The resource the var named when its kustomization declared it (kustomize records
    /// the var name on that resource); nil when nothing matched then.
    public var target: Resource?

    public init(name: String, gvk: GVK, targetName: String, targetNamespace: String = "",
                fieldPath: String = "", file: String = "", node: Node = .null) {
        self.name = name
        self.gvk = gvk
        self.targetName = targetName
        self.targetNamespace = targetNamespace
        self.fieldPath = fieldPath.isEmpty ? "metadata.name" : fieldPath
        self.declaredFieldPath = fieldPath
        self.file = file
        self.node = node
    }

    public static func decode(_ node: Node, file: String) throws -> VarDeclaration {
        var d = try StrictDecoder(node, file: file, context: "var")
        let name = try d.string("name") ?? ""
        var group = "", version = "", kind = "", targetName = "", namespace = ""
        if let objref = try d.optional("objref") {
            var o = try StrictDecoder(objref, file: file, context: "var objref")
            let apiVersion = try o.string("apiVersion") ?? ""
            group = try o.string("group") ?? ""
            version = try o.string("version") ?? ""
            kind = try o.string("kind") ?? ""
            targetName = try o.string("name") ?? ""
            namespace = try o.string("namespace") ?? ""
            try o.finish()
            // kustomize's Target.GVK(): `g/v` sets both, `v` only the version.
            if !apiVersion.isEmpty {
                let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
                if parts.count == 2 {
                    group = String(parts[0])
                    version = String(parts[1])
                } else if parts.count == 1 {
                    version = apiVersion
                }
            }
        }
        var fieldPath = ""
        if let fieldref = try d.optional("fieldref") {
            var f = try StrictDecoder(fieldref, file: file, context: "var fieldref")
            fieldPath = try f.string("fieldPath") ?? ""
            try f.finish()
        }
        try d.finish()
        return VarDeclaration(name: name, gvk: GVK(group: group, version: version, kind: kind), targetName: targetName,
                              targetNamespace: namespace, fieldPath: fieldPath, file: file, node: node)
    }

    /// Decodes a kustomization's `vars:` and ties each to the resource it names among
    /// `resources` (the kustomization's own, after its transformers), as kustomize's
    /// `MergeVars` does: by original ID, and by namespace only when one is given or the
    /// kind is cluster-scoped. Two matches is an error.
    public static func decodeAll(_ nodes: [Node], file: String, resources: ResourceMap) throws -> [VarDeclaration] {
        var out: [VarDeclaration] = []
        for node in nodes {
            var v = try decode(node, file: file)
            try v.bind(in: resources)
            out.append(v)
        }
        return out
    }

    public mutating func bind(in resources: ResourceMap) throws {
        let matched = resources.resources.filter { refersTo($0.originalID) }
        if matched.count > 1 {
            throw Diagnostic("found \(matched.count) resId matches for var \(text(fieldPath: declaredFieldPath)) (unable to disambiguate)", file: file, mark: node.mark)
        }
        target = matched.first
    }

    /// Whether `id` is the resource the var's objref names.
    func refersTo(_ id: ResourceID) -> Bool {
        guard id.name == targetName, id.gvk == gvk else { return false }
        if targetNamespace.isEmpty && !gvk.isClusterScoped { return true }
        return ResourceID.effectiveNamespace(targetNamespace, of: gvk) == id.effectiveNamespace
    }

    /// How kustomize prints a var: `{NAME Kind.version.group {fieldpath}}`.
    public var text: String { text(fieldPath: fieldPath) }

    func text(fieldPath: String) -> String {
        "{\(name) \(gvk.description) {\(fieldPath)}}"
    }

    /// kustomize refuses a var name seen twice, even for the same target (two overlays
    /// of one base that declares a var is an error), so no two declarations are the same.
    public func isSameTarget(as other: VarDeclaration) -> Bool { false }
}
