/// Where a field is in a resource, written the way Kubernetes' API errors write it:
/// `spec.template.spec.containers[0].volumeMounts[1].name`, with keys that hold dots or
/// slashes in brackets (`metadata.labels[app.kubernetes.io/name]`). List items matched by
/// name, as the diff matches them, read `containers[name=postgres]`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Segment: Hashable, Sendable {
        case key(String)
        case index(Int)
        case named(String)
    }

    public var segments: [Segment]

    public init(_ segments: [Segment] = []) {
        self.segments = segments
    }

    /// A path of plain keys: `FieldPath("spec", "serviceName")`.
    public init(_ keys: String...) {
        self.segments = keys.map { .key($0) }
    }

    public func key(_ k: String) -> FieldPath { FieldPath(segments + [.key(k)]) }
    public func index(_ i: Int) -> FieldPath { FieldPath(segments + [.index(i)]) }
    public func named(_ name: String) -> FieldPath { FieldPath(segments + [.named(name)]) }

    public func isPrefix(of other: FieldPath) -> Bool {
        other.segments.count >= segments.count && Array(other.segments.prefix(segments.count)) == segments
    }

    public var description: String {
        var out = ""
        for s in segments {
            switch s {
            case .key(let k):
                if k.isEmpty || k.contains(where: { $0 == "." || $0 == "/" || $0 == "[" || $0 == "]" || $0 == " " }) {
                    out += "[\(k)]"
                } else {
                    out += out.isEmpty ? k : "." + k
                }
            case .index(let i):
                out += "[\(i)]"
            case .named(let n):
                out += "[name=\(n)]"
            }
        }
        return out
    }

    public static func < (a: FieldPath, b: FieldPath) -> Bool { a.description < b.description }
}
