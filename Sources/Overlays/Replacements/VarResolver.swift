import KubeModel
import Manifests
import YAML

/// Replaces `$(VAR)` references once names are final (end of the top-level build), in
/// the `varReference` fields only: the configuration's table (kustomize's builtin one plus
/// what `configurations:` files add), in its order.
public struct VarResolver: Transformer {
    public var vars: [VarDeclaration]
    public var fieldSpecs: [FieldSpec]

    public init(vars: [VarDeclaration], fieldSpecs: [FieldSpec]) {
        self.vars = vars
        self.fieldSpecs = fieldSpecs
    }

    public func transform(_ resources: ResourceMap) throws {
        guard !vars.isEmpty else { return }
        var values: [String: VarValue] = [:]
        for v in vars.sorted(by: { $0.name < $1.name }) {
            values[v.name] = try value(of: v, in: resources)
        }
        for resource in resources.resources {
            for spec in fieldSpecs where spec.gvk.selects(resource.gvk) {
                do {
                    try walk(.mapping(resource.object), spec.path[...], values)
                } catch let e as Failure {
                    throw Diagnostic("considering field '\(spec.pathString)' of object \(resource.id): \(e.message)", file: resource.origin)
                }
            }
            resource.restoreStringAnnotations()
        }
    }

    struct Failure: Error {
        var message: String
    }

    /// kustomize's `findVarValueFromResources` and `GetFieldValue`.
    func value(of v: VarDeclaration, in resources: ResourceMap) throws -> VarValue {
        let resource: Resource
        if let bound = v.target {
            if resources.resources.contains(where: { $0 === bound }) {
                resource = bound
            } else {
                // A generator with `behavior: merge|replace` stands in for the resource
                // (kustomize carries the var over to it); it keeps the original ID.
                let original = bound.originalID
                let successors = resources.resources.filter { $0.originalID == original }
                guard successors.count == 1, let only = successors.first else { throw unmapped(v) }
                resource = only
            }
        } else {
            // Declared without being tied to a resource: look it up now by original ID.
            let matched = resources.resources.filter { v.refersTo($0.originalID) }
            guard matched.count <= 1 else {
                throw Diagnostic("found \(matched.count) resId matches for var \(v.text) (unable to disambiguate)", file: v.file)
            }
            guard let only = matched.first else { throw unmapped(v) }
            resource = only
        }
        let notFound = Diagnostic("field specified in var '\(v.text)' not found in corresponding resource", file: v.file)
        let found: Node?
        do {
            found = try FieldLookup.lookup(.mapping(resource.object), KustomizeFieldPath.splitVarPath(v.fieldPath))
        } catch {
            throw notFound
        }
        guard let node = found else { throw notFound }
        switch node {
        case .mapping, .sequence:
            return .structured
        case .scalar(let s) where s.untagged:
            // kyaml's GetFieldValue switches on the node's tag; a node kustomize made
            // (`SetName`, a replacement into it) has none and gives its text as a string.
            return .string(s.value)
        case .scalar(let s):
            // a patch value that took a quoted field's style still has its own tag in kyaml
            switch s.declaredTag ?? s.tag {
            case .string, .null, .timestamp:
                return .string(s.value)
            case .int:
                guard let i = Int64(s.value) else { throw notFound }
                return .int(i)
            case .float:
                guard let f = GoNumber.parseFloat(s.value) else { throw notFound }
                return .float(f)
            case .bool:
                switch s.value {
                case "1", "t", "T", "TRUE", "true", "True": return .bool(true)
                case "0", "f", "F", "FALSE", "false", "False": return .bool(false)
                default: throw notFound
                }
            }
        }
    }

    private func unmapped(_ v: VarDeclaration) -> Diagnostic {
        Diagnostic("var '\(v.text)' cannot be mapped to a field in the set of known resources", file: v.file)
    }

    /// kustomize's fieldspec filter without create: lists along the way are walked
    /// element by element; a missing or null field ends the walk quietly; the field found
    /// is handed to the refvar filter.
    private func walk(_ node: Node, _ path: ArraySlice<String>, _ values: [String: VarValue]) throws {
        guard let first = path.first else {
            try substitute(node, values)
            return
        }
        switch node {
        case .scalar(let s) where s.tag == .null:
            return
        case .sequence(let seq):
            for item in seq.items {
                do {
                    try walk(item, path, values)
                } catch let e as Failure {
                    throw Failure(message: "visit traversal on path: [\(path.joined(separator: " "))]: \(e.message)")
                }
            }
        case .mapping(let m):
            let key = first.hasSuffix("[]") ? String(first.dropLast(2)) : first
            guard let i = m.index(of: key) else { return }
            if path.count == 1, case .scalar(let s) = m.entries[i].value {
                // The field is a scalar: only strings are expanded.
                if s.isKyamlString {
                    m.entries[i].value = .scalar(VarExpansion.expand(s.value, { values[$0] }))
                }
                return
            }
            try walk(m.entries[i].value, path.dropFirst(), values)
        case .scalar:
            throw Failure(message: "expected sequence or mapping node")
        }
    }

    /// kustomize's refvar filter on a mapping (its string values) or a list (whose items
    /// must all be strings).
    private func substitute(_ node: Node, _ values: [String: VarValue]) throws {
        let lookup: (String) -> VarValue? = { values[$0] }
        switch node {
        case .scalar:
            return
        case .mapping(let m):
            for i in m.entries.indices {
                guard case .scalar(let s) = m.entries[i].value, s.isKyamlString else { continue }
                m.entries[i].value = .scalar(VarExpansion.expand(s.value, lookup))
            }
        case .sequence(let seq):
            for i in seq.items.indices {
                guard case .scalar(let s) = seq.items[i], s.isKyamlString else {
                    throw Failure(message: "invalid value type expect a string")
                }
                seq.items[i] = .scalar(VarExpansion.expand(s.value, lookup))
            }
        }
    }
}
