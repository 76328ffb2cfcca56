import KubeModel
import YAML

extension Kustomization {
    /// One entry of sts-kustomize's `storage:` extension: per-environment claim-template size,
    /// storage class and access modes, the way `replicas:` sets replica counts.
    ///
    ///     storage:
    ///     - name: postgres               # original or current StatefulSet name; omitted: every StatefulSet with the claim
    ///       claim: data                  # volumeClaimTemplates[].metadata.name; omitted: the only claim template
    ///       size: 50Gi                   # spec.resources.requests.storage
    ///       storageClassName: fast-ssd   # spec.storageClassName
    ///       accessModes: [ReadWriteOnce] # spec.accessModes
    ///
    /// An entry sets any non-empty subset of `size`, `storageClassName` and `accessModes`;
    /// the rest of the claim template stays as it is.
    public struct StorageEntry {
        public var name: String?
        public var claim: String?
        /// A positive Kubernetes quantity, kept as the scalar it was written as.
        public var size: Scalar?
        public var storageClassName: String?
        public var accessModes: [String]?
        /// Where the entry starts in the kustomization file.
        public var mark: Mark

        public init(name: String? = nil, claim: String? = nil, size: Scalar? = nil, storageClassName: String? = nil,
                    accessModes: [String]? = nil, mark: Mark = .none) {
            self.name = name
            self.claim = claim
            self.size = size
            self.storageClassName = storageClassName
            self.accessModes = accessModes
            self.mark = mark
        }

        /// The access modes Kubernetes knows.
        public static let knownAccessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]

        /// How errors name the entry: `storage entry (name: postgres, claim: data)`.
        public var label: String {
            var parts: [String] = []
            if let name { parts.append("name: \(name)") }
            if let claim { parts.append("claim: \(claim)") }
            return parts.isEmpty ? "storage entry (every StatefulSet)" : "storage entry (\(parts.joined(separator: ", ")))"
        }

        /// Reads one entry strictly: unknown fields, wrong types, sizes that are not positive
        /// quantities, unknown access modes and entries that set nothing are errors at their position.
        public static func decode(_ node: Node, file: String) throws -> StorageEntry {
            var d = try StrictDecoder(node, file: file, context: "storage entry")
            var entry = StorageEntry(mark: node.mark)
            entry.name = try d.string("name").flatMap { $0.isEmpty ? nil : $0 }
            entry.claim = try d.string("claim").flatMap { $0.isEmpty ? nil : $0 }
            // Named first, so every later error can say which entry it is about.
            let label = entry.label
            if let sizeNode = try d.optional("size") {
                guard case .scalar(let size) = sizeNode, size.tag != .bool, size.tag != .null else {
                    throw Diagnostic("\(label): 'size' must be a quantity such as 50Gi", file: file, mark: sizeNode.mark)
                }
                guard let quantity = Quantity(size.value) else {
                    throw Diagnostic("\(label): size '\(size.value)' is not a Kubernetes quantity (such as 50Gi, 500Mi or 1e9)", file: file, mark: sizeNode.mark)
                }
                guard quantity.isPositive else {
                    throw Diagnostic("\(label): size '\(size.value)' must be greater than zero", file: file, mark: sizeNode.mark)
                }
                // A plain scalar of the same type, as kustomize's JSON round trip leaves it.
                entry.size = Scalar(size.value, tag: size.tag)
            }
            entry.storageClassName = try d.string("storageClassName")
            let modesNode = try d.optional("accessModes")
            entry.accessModes = try d.stringList("accessModes")
            try d.finish()
            if let modes = entry.accessModes {
                let mark = modesNode?.mark ?? node.mark
                if modes.isEmpty {
                    throw Diagnostic("\(label): accessModes must not be empty", file: file, mark: mark)
                }
                for mode in modes where !knownAccessModes.contains(mode) {
                    throw Diagnostic("\(label): unknown access mode '\(mode)' (one of \(knownAccessModes.joined(separator: ", ")))", file: file, mark: mark)
                }
            }
            if entry.size == nil && entry.storageClassName == nil && entry.accessModes == nil {
                throw Diagnostic("\(label): sets nothing; give at least one of size, storageClassName, accessModes", file: file, mark: node.mark)
            }
            return entry
        }
    }
}
