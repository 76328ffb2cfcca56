/// Rewrites a tree's scalars in place, the one traversal the JSON steps share (a JSON patch's
/// writing and reading of the resource, a List item's trip through JSON).
public enum ScalarRewrite {
    /// Visits every collection depth first. `collection` sees each one before its children,
    /// with whether it sits in a flow collection (itself included), and may change it (its
    /// style, its keys); `scalar` may replace each scalar value, told the same.
    public static func apply(_ node: Node, inFlow: Bool = false,
                             collection: (Node, Bool) throws -> Void,
                             scalar: (Scalar, Bool) throws -> Scalar?) rethrows {
        switch node {
        case .scalar:
            return
        case .mapping(let m):
            let inFlow = inFlow || m.flow
            try collection(node, inFlow)
            for i in m.entries.indices {
                if case .scalar(let s) = m.entries[i].value {
                    if let new = try scalar(s, inFlow) { m.entries[i].value = .scalar(new) }
                } else {
                    try apply(m.entries[i].value, inFlow: inFlow, collection: collection, scalar: scalar)
                }
            }
        case .sequence(let seq):
            let inFlow = inFlow || seq.flow
            try collection(node, inFlow)
            for i in seq.items.indices {
                if case .scalar(let s) = seq.items[i] {
                    if let new = try scalar(s, inFlow) { seq.items[i] = .scalar(new) }
                } else {
                    try apply(seq.items[i], inFlow: inFlow, collection: collection, scalar: scalar)
                }
            }
        }
    }
}
