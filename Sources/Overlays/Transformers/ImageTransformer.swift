import FoundationEssentials
import KubeModel
import Manifests
import YAML

/// One `images:` entry — rewrites name, tag and digest of matching container images,
/// in every `containers`/`initContainers` list of a resource and in configured fields.
public struct ImageTransformer: Transformer {
    public var image: Kustomization.Image
    public var fieldSpecs: [FieldSpec]
    private let matcher: ImageNameMatcher

    public init(image: Kustomization.Image, fieldSpecs: [FieldSpec], file: String) throws {
        self.image = image
        self.fieldSpecs = fieldSpecs
        guard let m = ImageNameMatcher(name: image.name) else {
            throw Diagnostic("invalid image name '\(image.name)': not a valid regular expression", file: file, mark: image.mark)
        }
        matcher = m
    }

    /// It drops the node history of each object whose image it rewrites and leaves the
    /// others' true: kyaml's image filter writes nothing where no image matches.
    public var keepsNodeHistory: Bool { true }

    public func transform(_ resources: ResourceMap) throws {
        // kustomize's image filter passes CustomResourceDefinitions by (a hard-coded deny list).
        for r in resources.resources where r.kind != "CustomResourceDefinition" {
            var changed = updateContainerLists(.mapping(r.object))
            let gvk = r.gvk
            for spec in fieldSpecs where spec.gvk.selects(gvk) {
                try FieldWalker.visit(r, path: spec.path, create: false, leaf: nil) { parent, key in
                    if let s = parent[key]?.asScalar, s.tag != .null, let updated = update(s.value) {
                        parent[key] = .scalar(.settingText(updated, over: s))
                        changed = true
                    }
                }
            }
            if changed { r.generator?.nodeHistory = nil }
        }
    }

    /// Rewrites matching images in every `containers`/`initContainers` list; whether any was.
    @discardableResult
    private func updateContainerLists(_ node: Node) -> Bool {
        var changed = false
        switch node {
        case .mapping(let m):
            for e in m.entries {
                if case .scalar = e.value { continue }
                if updateContainerLists(e.value) { changed = true }
                if e.key.value == "containers" || e.key.value == "initContainers", let seq = e.value.asSequence {
                    for case .mapping(let c) in seq.items {
                        if let s = c["image"]?.asScalar, s.tag != .null, let updated = update(s.value) {
                            c["image"] = .scalar(.settingText(updated, over: s))
                            changed = true
                        }
                    }
                }
            }
        case .sequence(let s):
            for item in s.items {
                if case .scalar = item { continue }
                if updateContainerLists(item) { changed = true }
            }
        case .scalar:
            break
        }
        return changed
    }

    /// The new image reference, or nil when this entry does not match `value`.
    func update(_ value: String) -> String? {
        guard matcher.matches(value) else { return nil }
        var (name, tag, digest) = ImageReference.split(value)
        if let n = image.newName, !n.isEmpty { name = n }
        let newTag = image.newTag ?? "", newDigest = image.digest ?? ""
        if !newTag.isEmpty && !newDigest.isEmpty {
            tag = newTag; digest = newDigest
        } else if !newTag.isEmpty {
            tag = newTag; digest = ""
        } else if !newDigest.isEmpty {
            tag = ""; digest = newDigest
        } else if let suffix = image.tagSuffix, !suffix.isEmpty {
            // Only when neither a tag nor a digest is set; the digest goes.
            tag += suffix; digest = ""
        }
        var out = name
        if !tag.isEmpty { out += ":" + tag }
        if !digest.isEmpty { out += "@" + digest }
        return out
    }
}

/// kustomize matches an image entry's name as the regular expression
/// `^NAME(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$` (a tag, a digest, or both). Plain names (the usual case) are matched by
/// hand, `.` still meaning any character; anything else goes to the standard library's `Regex`.
struct ImageNameMatcher {
    private let literal: [UInt8]?
    private let regex: Regex<AnyRegexOutput>?

    init?(name: String) {
        let plain = name.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
                || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: "/")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: ":") || c == UInt8(ascii: "@")
        }
        if plain {
            literal = Array(name.utf8)
            regex = nil
        } else {
            guard let r = try? Regex(Self.goPattern(name)).matchingSemantics(.unicodeScalar) else { return nil }
            literal = nil
            regex = r
        }
    }

    func matches(_ value: String) -> Bool {
        guard let literal else {
            guard let regex else { return false }
            return (try? regex.firstMatch(in: value)) != nil
        }
        let v = Array(value.utf8)
        guard v.count >= literal.count else { return false }
        for i in 0..<literal.count {
            if literal[i] == UInt8(ascii: ".") {
                if v[i] == 10 || (v[i] >= 0x80 && v[i] < 0xC0) { return false }
            } else if literal[i] != v[i] {
                return false
            }
        }
        // Neither part's characters include `:` or `@`, so one greedy pass decides.
        var i = Self.skipPart(v, from: literal.count, after: Array(":".utf8))
        i = Self.skipPart(v, from: i, after: Array("@sha256:".utf8))
        return i == v.count
    }

    /// kustomize's `^NAME(:…)?(@sha256:…)?$` as Go reads it, in `Regex` syntax: `\A` and `\z`
    /// (Go's `^` and `$` without multi-line mode), and a quantifier right after the `^` (Go
    /// repeats the anchor: `*` and `?` leave the start unanchored, `+` keeps it), which `Regex`
    /// would refuse.
    static func goPattern(_ name: String) -> String {
        let suffix = "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?\\z"
        if let first = name.first, first == "*" || first == "?" { return String(name.dropFirst()) + suffix }
        if name.first == "+" { return "\\A" + String(name.dropFirst()) + suffix }
        return "\\A" + name + suffix
    }

    /// `(PREFIX[a-zA-Z0-9_.{}-]*)?` from `start`: the index after it.
    private static func skipPart(_ v: [UInt8], from start: Int, after prefix: [UInt8]) -> Int {
        guard v.count >= start + prefix.count, v[start..<(start + prefix.count)].elementsEqual(prefix) else { return start }
        var i = start + prefix.count
        while i < v.count {
            let c = v[i]
            let ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c == UInt8(ascii: "{")
                || c == UInt8(ascii: "}") || c == UInt8(ascii: "-")
            if !ok { break }
            i += 1
        }
        return i
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
        case (nil, let a?):
            return (s(0..<a), "", s((a + 1)..<chars.count))
        case (let c?, let a?) where a < c:
            return (s(0..<a), "", s((a + 1)..<chars.count))
        case (let c?, let a?):
            return (s(0..<c), s((c + 1)..<a), s((a + 1)..<chars.count))
        case (let c?, nil):
            return (s(0..<c), s((c + 1)..<chars.count), "")
        }
    }
}
