import Manifests
import YAML

/// One entry of the deprecated `vars:`.
public struct VarDeclaration {
    public var name: String
    public var file: String
    public var node: Node

    public static func decode(_ node: Node, file: String) throws -> VarDeclaration {
        throw BuildError("'vars' is not supported yet by sts-kustomize", file: file, mark: node.mark)
    }

    public func isSameTarget(as other: VarDeclaration) -> Bool { false }
}

/// Replaces `$(VAR)` references once names are final (end of build).
public struct VarResolver: Transformer {
    public var vars: [VarDeclaration]
    public var fieldSpecs: [FieldSpec]

    public init(vars: [VarDeclaration], fieldSpecs: [FieldSpec]) {
        self.vars = vars
        self.fieldSpecs = fieldSpecs
    }

    public func transform(_ resources: ResourceMap) throws {}
}
