import KubeModel
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
            selected = try target.selector?.select(resources.resources) ?? resources.resources
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
        let slot: NodeSlot?
        do {
            slot = try FieldLookup.lookupCreatingScalar(r.object, target.path)
        } catch let e as FieldLookup.Failure {
            throw Diagnostic("ValueAddTransformer: \(r.id): \(e.message)", file: file)
        }
        // An index past the end of a list: kyaml finds nothing and sets nothing.
        guard let slot else { return }
        guard case .scalar(let old) = slot.node else {
            throw Diagnostic("ValueAddTransformer: \(r.id): wrong Node Kind for \(target.path.joined(separator: "/")) expected: ScalarNode was \(slot.node.kindName)", file: file)
        }
        var newValue = value
        if target.filePathPosition > 0 {
            newValue = Self.insertPathPart(old.tag == .null ? "" : old.value, position: target.filePathPosition - 1, part: value)
        }
        slot.set(.scalar(.settingText(newValue, over: old)))
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
