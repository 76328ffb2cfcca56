import Manifests
import Patching
import YAML

/// The builtin ValueAddTransformer: writes one value (by default the name of the directory
/// of the kustomization that lists it) into a field of the selected resources, optionally
/// as a part inserted into a file path held there. `metadata/namespace` is set the way the
/// namespace transformer sets it (cluster-scoped kinds skipped, RoleBinding subjects too).
struct ValueAddTransformer: Transformer {
    struct Target {
        /// Nil selects every resource.
        var selector: PatchSelector?
        var path: [String]
        var filePathPosition: Int
    }

    let value: String
    let targets: [Target]
    let file: String

    static let metadataNamespacePath = ["metadata", "namespace"]

    func transform(_ resources: ResourceMap) throws {
        for target in targets {
            let selected: [Resource]
            do {
                selected = try target.selector?.select(resources.resources) ?? resources.resources
            } catch let e as PatchError {
                throw BuildError(e)
            }
            if target.path == Self.metadataNamespacePath {
                // kustomize runs the namespace filter alone here: no previous IDs, no conflict check.
                let namespace = PluginNamespaceTransformer(namespace: value, fieldSpecs: [], unsetOnly: false, subjects: .defaultOnly)
                for r in selected where !r.object.entries.isEmpty { try namespace.apply(to: r) }
                continue
            }
            for r in selected {
                try add(to: r, target: target)
            }
        }
    }

    private func add(to r: Resource, target: Target) throws {
        // kyaml's LookupCreate(ScalarNode, path…): missing mappings are made on the way.
        var parent = r.object
        for key in target.path.dropLast() {
            switch parent[key] {
            case .mapping(let m)?:
                parent = m
            case let other? where !other.isNull:
                throw BuildError("ValueAddTransformer: '\(key)' of \(r.id) is not a map (\(other.kyamlKindName))", file: file)
            default:
                let made = Mapping()
                parent[key] = .mapping(made)
                parent = made
            }
        }
        guard let last = target.path.last else { return }
        let old = parent[last]
        var style = ScalarStyle.plain
        var oldText = ""
        if let old {
            guard case .scalar(let s) = old else {
                throw BuildError("wrong Node Kind for \(target.path.joined(separator: "/")) expected: ScalarNode was \(old.kyamlKindName)", file: file)
            }
            style = s.style
            oldText = s.tag == .null ? "" : s.value
        }
        var newValue = value
        if target.filePathPosition > 0 {
            newValue = Self.insertPathPart(oldText, position: target.filePathPosition - 1, part: value)
        }
        // kyaml sets an untagged scalar keeping the old style: a quoted one stays a string,
        // a plain one reads as whatever its text is.
        var scalar = style == .plain ? Scalar.resolving(newValue) : Scalar(newValue, tag: .string, style: style)
        scalar.style = style
        parent[last] = .scalar(scalar)
    }

    /// kyaml's `filesys.InsertPathPart`: `part` becomes path element `position` (0 prefixes,
    /// past the end postfixes); an absolute path stays absolute; the result is cleaned
    /// as Go's `filepath.Join` cleans it.
    static func insertPathPart(_ path: String, position: Int, part: String) -> String {
        if part.isEmpty { return path }
        var parts = pathSplit(path)
        var pos = max(0, min(position, parts.count))
        if let first = parts.first, first.isEmpty, pos < parts.count { pos += 1 }
        parts.insert(part, at: pos)
        if parts[0].isEmpty {
            return "/" + GoPath.join(Array(parts.dropFirst()))
        }
        return GoPath.join(parts)
    }

    /// kyaml's `PathSplit`: Go's `filepath.Split` repeatedly; an absolute path starts with
    /// an empty element.
    static func pathSplit(_ path: String) -> [String] {
        var reversed: [String] = []
        var rest = Substring(path)
        while !rest.isEmpty {
            guard let slash = rest.lastIndex(of: "/") else {
                reversed.append(String(rest))
                break
            }
            let name = String(rest[rest.index(after: slash)...])
            if slash == rest.startIndex {
                // The directory is "/": the path was absolute.
                if !name.isEmpty { reversed.append(name) }
                reversed.append("")
                break
            }
            reversed.append(name)
            rest = rest[..<slash]
        }
        return reversed.reversed()
    }
}
