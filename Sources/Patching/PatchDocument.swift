import YAML

// Public API
//   switch try PatchDocument.parse(text, file: "patch.yaml") { … }
//
// How kustomize v5.5.0 reads the text of a `patches:` entry (path or inline), checked with
// `kubectl kustomize`: it tries it both as strategic merge patches and as a JSON patch.
// - zero bytes: nothing to do with a `target:`; without one kustomize fails with
//   "must specify a target for JSON patch" (the resolver decides, from `.empty`);
// - only blank lines or comments: "illegally qualifies as both an SM and JSON patch";
// - a list (YAML or JSON `[…]`): a JSON patch; only the first YAML document is read;
// - one or more mappings: strategic merge patches, one per document. With a `target:` more
//   than one is an error ("Multiple Strategic-Merge Patches in one `patches` entry is not
//   allowed to set `patches.target` field"); without one each document patches the resource
//   with its own ID (original or current name, not the name this layer's prefix will give);
// - anything else: "unable to parse SM or JSON patch".
// A JSON patch without `target:` is an error: "must specify a target for JSON patch".

/// The contents of a patch, as kustomize classifies them.
public enum PatchDocument {
    case empty
    case strategicMerge([Mapping])
    case json(JSONPatch)

    public static func parse(_ text: String, file: String) throws -> PatchDocument {
        if text.isEmpty { return .empty }
        let docs = try YAMLParser().parse(text, file: file)
        guard let first = docs.first else {
            throw PatchError(file: file, message: "illegally qualifies as both an SM and JSON patch")
        }
        if case .sequence = first { return .json(try JSONPatch(document: first, file: file)) }
        let maps = docs.compactMap(\.asMapping)
        guard maps.count == docs.count else {
            throw PatchError(file: file, message: "unable to parse SM or JSON patch")
        }
        return .strategicMerge(maps)
    }
}
