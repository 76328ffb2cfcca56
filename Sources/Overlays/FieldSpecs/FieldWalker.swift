import KubeModel
import Manifests
import YAML

/// Visits the node at a field spec's path in an object, walking through sequences on the
/// way (kustomize's fieldspec filter). With `create`, missing mappings along the path are
/// made, and the last field is created with `createLeaf`.
public enum FieldWalker {
    public enum Leaf { case scalar, mapping, sequence }

    /// A path that runs into a scalar before its end (`env: "x"` on the way to
    /// `env/valueFrom/…`): kustomize fails on such a resource rather than skip it.
    public struct ShapeError: Error {
        public var path: [String]
        public var message: String { "considering field '\(path.joined(separator: "/"))': expected sequence or mapping node" }
    }

    /// A path segment with its `[]` list marker read once (`Segment.prepare`), for walkers that
    /// visit the same paths many times.
    public struct Segment: Sendable {
        public let key: String
        public let namesList: Bool

        public init(_ segment: String) {
            namesList = segment.hasSuffix("[]")
            key = namesList ? String(segment.dropLast(2)) : segment
        }

        public static func prepare(_ path: [String]) -> [Segment] { path.map(Segment.init) }
    }

    /// `visit(_:path:…)` over a resource; a shape error names the resource and its file.
    public static func visit(_ r: Resource, path: [String], create: Bool, leaf: Leaf?,
                             _ visit: (Mapping, String) throws -> Void) throws {
        try self.visit(r, path: path, segments: nil, create: create, leaf: leaf, visit)
    }

    /// The same, along `segments` prepared from `path`.
    public static func visit(_ r: Resource, path: [String], segments: [Segment]?, create: Bool, leaf: Leaf?,
                             _ visit: (Mapping, String) throws -> Void) throws {
        // A field spec that does not create finds kustomize's build annotations' map, when it
        // holds some, and writes into it.
        var madeAnnotations: Mapping?
        if !create, path.count >= 2, path[0] == "metadata", path[1] == "annotations", r.hasBuildAnnotations,
           let metadata = r.metadata, metadata["annotations"] == nil {
            let made = Mapping()
            metadata["annotations"] = .mapping(made)
            madeAnnotations = made
        }
        defer {
            if let made = madeAnnotations, made.entries.isEmpty { r.metadata?.removeValue(forKey: "annotations") }
        }
        do {
            if let segments {
                guard !segments.isEmpty else { return }
                try walk(.mapping(r.object), segments[...], create: create, leaf: leaf, visit, fullPath: path)
            } else {
                try Self.visit(r.object, path: path, create: create, leaf: leaf, visit)
            }
        } catch let e as ShapeError {
            throw Diagnostic("\(r.id): \(e.message)", file: r.origin)
        }
    }

    /// Calls `visit` with the mapping that holds the last path segment and the key.
    /// `visit` may read or replace `parent[key]`.
    public static func visit(_ object: Mapping, path: [String], create: Bool, leaf: Leaf?,
                             _ visit: (Mapping, String) throws -> Void) throws {
        guard !path.isEmpty else { return }
        try walk(.mapping(object), path[...], create: create, leaf: leaf, visit, fullPath: path)
    }

    private static func walk<S: PathSegment>(_ node: Node, _ path: ArraySlice<S>, create: Bool, leaf: Leaf?,
                                             _ visit: (Mapping, String) throws -> Void, fullPath: [String]) throws {
        switch node {
        case .sequence(let seq):
            for item in seq.items { try walk(item, path, create: create, leaf: leaf, visit, fullPath: fullPath) }
        case .mapping(let m):
            let segment = path[path.startIndex]
            let key = segment.fieldKey
            // A `name[]` segment is a list: walked, never created (deeper fields still may be).
            let createHere = create && !segment.namesList
            let existing = m[key]
            if path.count == 1 {
                if existing == nil {
                    guard createHere, let leaf else { return }
                    switch leaf {
                    case .scalar: m[key] = .scalar(Scalar("", tag: .null))  // kyaml creates an empty node
                    case .mapping: m[key] = .mapping(Mapping())
                    case .sequence: m[key] = .sequence(Sequence())
                    }
                } else if createHere, let leaf, existing?.isNull == true, leaf != .scalar {
                    m[key] = leaf == .mapping ? .mapping(Mapping()) : .sequence(Sequence())
                }
                try visit(m, key)
                return
            }
            var child = existing
            if child == nil || child?.isNull == true {
                guard createHere else { return }
                let made = Mapping()
                m[key] = .mapping(made)
                child = .mapping(made)
            }
            if let child { try walk(child, path.dropFirst(), create: create, leaf: leaf, visit, fullPath: fullPath) }
        case .scalar(let s):
            if s.tag != .null { throw ShapeError(path: fullPath) }
        }
    }

    /// Every field spec in `specs` whose GVK selects `gvk`.
    public static func specs(_ specs: [FieldSpec], for gvk: GVK) -> [FieldSpec] {
        specs.filter { $0.gvk.selects(gvk) }
    }
}

/// A segment of a field path as the walker reads it: the key, and whether it names a list.
protocol PathSegment {
    var fieldKey: String { get }
    var namesList: Bool { get }
}

extension String: PathSegment {
    var fieldKey: String { hasSuffix("[]") ? String(dropLast(2)) : self }
    var namesList: Bool { hasSuffix("[]") }
}

extension FieldWalker.Segment: PathSegment {
    var fieldKey: String { key }
}
