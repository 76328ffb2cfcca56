import KubeModel
import Manifests
import YAML

/// Reading a replacement's value from its source and writing it into a target field,
/// as kustomize's replacement filter does.
enum ReplacementValue {
    struct Failure: Error {
        var message: String
    }

    /// Go's `strings.Split`.
    static func goSplit(_ s: String, _ sep: String) -> [String] {
        guard !sep.isEmpty else { return s.map { String($0) } }
        var out: [String] = []
        var rest = Substring(s)
        while let r = rest.firstRange(of: sep) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }

    /// The text kyaml's `GetValue` gives: a scalar's value, "" for anything else.
    static func text(of node: Node) -> String {
        if case .scalar(let s) = node { return s.value }
        return ""
    }

    /// `source.options`: picks one part of the source text split by the delimiter.
    static func refine(_ value: Node, options: Replacement.Options?) throws -> Node {
        guard let options, !options.delimiter.isEmpty else { return value }
        guard case .scalar(var s) = value else {
            throw Failure(message: "delimiter option can only be used with scalar nodes")
        }
        let parts = goSplit(s.value, options.delimiter)
        guard options.index >= 0, options.index < parts.count else {
            throw Failure(message: "options.index \(options.index) is out of bounds for value \(s.value)")
        }
        s.value = parts[options.index]
        return .scalar(s)
    }

    /// kustomize's `setFieldValue`: a scalar target keeps its type and takes the value's
    /// text (joined into its own text with `delimiter`); any other target is replaced by
    /// a copy of the value.
    static func write(_ value: Node, into slot: NodeSlot, options: Replacement.Options?) throws {
        let target = slot.node
        var value = value.deepCopy()
        if let options, !options.delimiter.isEmpty {
            guard case .scalar(let t) = target else {
                throw Failure(message: "delimiter option can only be used with scalar nodes")
            }
            var parts = goSplit(t.value, options.delimiter)
            let v = text(of: value)
            if options.index < 0 {
                parts.insert(v, at: 0)
            } else if options.index >= parts.count {
                parts.append(v)
            } else {
                parts[options.index] = v
            }
            let joined = parts.joined(separator: options.delimiter)
            switch value {
            case .scalar(var s):
                s.value = joined
                value = .scalar(s)
            default:
                value = .scalar(Scalar(joined, tag: .string))
            }
        }
        guard case .scalar(var t) = target else {
            slot.set(value)
            return
        }
        let newText = text(of: value)
        if slot.created || t.untagged {
            // kyaml made an untagged node: its type is whatever the text resolves to.
            slot.set(.scalar(Scalar.resolving(newText, mark: t.mark)))
            return
        }
        // a text that does not fit the tag fails later, when kustomize reads the resource
        // (`Scalar.decodingFailure`); a later transformer may still overwrite it
        // kyaml copies only the text: the tag and the quotes stay, and a later patch takes them
        t.value = newText
        slot.set(.scalar(t))
    }
}

extension Resource {
    /// kustomize keeps `metadata.annotations` as a string map: a value a replacement or
    /// var writes there comes out as a string, with the text it was written with (a date too).
    func restoreStringAnnotations() {
        guard let annotations = metadata?.mapping("annotations") else { return }
        for i in annotations.entries.indices {
            if case .scalar(var s) = annotations.entries[i].value, s.tag != .string, s.tag != .null {
                // the string map's node is new: a field sharing the value keeps its type
                if annotations.entries[i].shared != nil { annotations.entries[i] = annotations.entries[i].unshared }
                s.tag = .string
                annotations.entries[i].value = .scalar(s)
            }
        }
    }
}
