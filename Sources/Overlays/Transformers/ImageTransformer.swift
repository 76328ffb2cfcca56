import Foundation
import Manifests
import YAML

/// One `images:` entry — rewrites name, tag and digest of matching container images,
/// in every `containers`/`initContainers` list of a resource and in configured fields.
public struct ImageTransformer: Transformer {
    public var image: Kustomization.Image
    public var fieldSpecs: [FieldSpec]
    private let matcher: NSRegularExpression

    public init(image: Kustomization.Image, fieldSpecs: [FieldSpec], file: String) throws {
        self.image = image
        self.fieldSpecs = fieldSpecs
        // kustomize matches the name as a regular expression, tag and digest optional.
        do {
            matcher = try NSRegularExpression(pattern: "^" + image.name + "(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$")
        } catch {
            throw BuildError("invalid image name '\(image.name)': not a valid regular expression", file: file, mark: image.mark)
        }
    }

    public func transform(_ resources: ResourceMap) throws {
        for r in resources.resources {
            if r.kind != "CustomResourceDefinition" { updateContainerLists(.mapping(r.object)) }
            let gvk = r.gvk
            for spec in fieldSpecs where spec.gvk.selects(gvk) {
                FieldWalker.visit(r.object, path: spec.path, create: false, leaf: nil) { parent, key in
                    if let s = parent[key]?.asScalar, s.tag == .string, let updated = update(s.value) {
                        parent[key] = .string(updated)
                    }
                }
            }
        }
    }

    private func updateContainerLists(_ node: Node) {
        switch node {
        case .mapping(let m):
            for e in m.entries {
                updateContainerLists(e.value)
                if e.key.value == "containers" || e.key.value == "initContainers", let seq = e.value.asSequence {
                    for case .mapping(let c) in seq.items {
                        if let s = c["image"]?.asScalar, s.tag == .string, let updated = update(s.value) {
                            c["image"] = .string(updated)
                        }
                    }
                }
            }
        case .sequence(let s):
            for item in s.items { updateContainerLists(item) }
        case .scalar:
            break
        }
    }

    /// The new image reference, or nil when this entry does not match `value`.
    func update(_ value: String) -> String? {
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        guard matcher.firstMatch(in: value, range: range) != nil else { return nil }
        var (name, tag, digest) = ImageReference.split(value)
        if let n = image.newName, !n.isEmpty { name = n }
        let newTag = image.newTag ?? "", newDigest = image.digest ?? ""
        if !newTag.isEmpty && !newDigest.isEmpty {
            tag = newTag; digest = newDigest
        } else if !newTag.isEmpty {
            tag = newTag; digest = ""
        } else if !newDigest.isEmpty {
            tag = ""; digest = newDigest
        }
        if let suffix = image.tagSuffix, !suffix.isEmpty { tag += suffix }
        var out = name
        if !tag.isEmpty { out += ":" + tag }
        if !digest.isEmpty { out += "@" + digest }
        return out
    }
}

/// `[host[:port]/]path[:tag][@digest]` split the way kustomize does it.
public enum ImageReference {
    public static func split(_ image: String) -> (name: String, tag: String, digest: String) {
        let chars = Array(image.utf8)
        var searchStart = 0
        if let slash = chars.firstIndex(of: UInt8(ascii: "/")), slash > 0 { searchStart = slash }
        let at = chars[searchStart...].firstIndex(of: UInt8(ascii: "@"))
        let colon = chars[searchStart...].firstIndex(of: UInt8(ascii: ":"))
        func s(_ r: Range<Int>) -> String { String(decoding: chars[r], as: UTF8.self) }
        switch (colon, at) {
        case (nil, nil):
            return (image, "", "")
        case (let c, let a?) where c == nil || a < c!:
            return (s(0..<a), "", s((a + 1)..<chars.count))
        case (let c?, let a?):
            return (s(0..<c), s((c + 1)..<a), s((a + 1)..<chars.count))
        case (let c?, nil):
            return (s(0..<c), s((c + 1)..<chars.count), "")
        default:
            return (image, "", "")
        }
    }
}
