import KubeModel
import YAML

/// `edit set storage NAME[/CLAIM]=SIZE` (sts-kustomize only): the `storage:` entry for a
/// StatefulSet's claim template.
struct StorageArgument: Equatable {
    var name: String
    var claim: String?
    var size: String

    init(parsing arg: String) throws {
        guard let eq = arg.firstIndex(of: "="), eq != arg.startIndex else {
            throw EditError("invalid storage '\(arg)': use NAME[/CLAIM]=SIZE, such as postgres/data=50Gi")
        }
        let target = arg[..<eq]
        size = String(arg[arg.index(after: eq)...])
        if let slash = target.firstIndex(of: "/") {
            name = String(target[..<slash])
            claim = String(target[target.index(after: slash)...])
            if name.isEmpty || claim!.isEmpty { throw EditError("invalid storage '\(arg)': use NAME[/CLAIM]=SIZE") }
        } else {
            name = String(target)
        }
        guard let q = Quantity(size), q.isPositive else {
            throw EditError("invalid storage '\(arg)': '\(size)' is not a positive Kubernetes quantity (such as 50Gi)")
        }
    }
}

extension KustomizationEdit {
    /// Sets the size (and class) of the entry for the same StatefulSet and claim, or adds one.
    func setStorage(_ args: [StorageArgument], storageClass: String?, in file: inout KustomizationFile) throws {
        var items = file.sequence("storage").map { $0.asMapping?.deepCopy() ?? Mapping() }
        for arg in args {
            let entry = items.first { $0.string("name") == arg.name && $0.string("claim") == arg.claim } ?? {
                let m = Mapping([MapEntry(key: .string("name"), value: .string(arg.name))])
                if let claim = arg.claim { m["claim"] = .string(claim) }
                items.append(m)
                return m
            }()
            entry["size"] = .string(arg.size)
            if let storageClass { entry["storageClassName"] = .string(storageClass) }
        }
        file.set("storage", .sequence(Sequence(items.map { .mapping($0) })))
    }
}
