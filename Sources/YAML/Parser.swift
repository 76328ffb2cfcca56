import CYAML
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Reads a YAML stream through libyaml's event parser into node trees that keep positions.
public struct YAMLParser {
    /// What a repeated mapping key means: an error (go-yaml v3, which reads resources),
    /// or the later value wins (go-yaml v2, which reads kustomization files).
    /// What a key read twice in one map does: fail, replace the first value, or be dropped
    /// (go-yaml v3 keeps both in a node; code that looks fields up finds the first, so a
    /// strategic merge patch behaves as if only it were there). A dropped key is recorded
    /// in `Mapping.droppedDuplicates`.
    public enum DuplicateKeys: Sendable { case error, lastWins, firstWins }

    public var limits: ParseLimits
    public var duplicateKeys: DuplicateKeys
    /// Read as go-yaml v2 reads (kustomization files, YAML-form JSON patches): YAML 1.1's
    /// `yes`/`no`/`on`/`off`/`y`/`n` are booleans, and folded scalars fold as libyaml folds
    /// them. Off, as go-yaml v3 reads resources: those words are strings, and folding has
    /// v3's quirks when written out (see `Scalar.marshalledValue`).
    public var goYAMLv2 = false
    /// Inputs at least this large are cut at document boundaries and the pieces parsed on
    /// several cores; `Int.max` keeps every parse on the calling thread.
    public var concurrentThreshold: Int
    /// Smallest piece worth a thread of its own.
    var minimumPiece = 256 << 10

    public init(limits: ParseLimits = .default, duplicateKeys: DuplicateKeys = .error,
                concurrentThreshold: Int = 1 << 20) {
        self.limits = limits
        self.duplicateKeys = duplicateKeys
        self.concurrentThreshold = concurrentThreshold
    }

    /// Every document of the stream; documents that hold nothing are left out.
    public func parse(_ text: String, file: String) throws -> [Node] {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, file: file) }
    }

    public func parse(bytes: [UInt8], file: String) throws -> [Node] {
        try bytes.withUnsafeBufferPointer { try parse(bytes: $0, file: file) }
    }

    public func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [Node] {
        if bytes.count > limits.maxInputBytes {
            throw Diagnostic(file: file, mark: .none,
                            message: "input is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes)")
        }
        let pieces = self.pieces(of: bytes)
        if pieces.count > 1, let docs = parseConcurrently(pieces, file: file) { return docs }
        return try parsePiece(bytes, file: file, lineOffset: 0).documents
    }

    /// The documents of a resource file as kustomize reads them (see `ResourceStream`): the
    /// same as `parse(bytes:file:)` except for the rare file whose `---`, `...` or directive
    /// lines kyaml treats otherwise.
    public func parseResourceStream(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [Node] {
        if bytes.count > limits.maxInputBytes || ResourceStream.isPlainStream(bytes) {
            return try parse(bytes: bytes, file: file)
        }
        var documents: [Node] = []
        var aliasNodes = 0
        for piece in try ResourceStream.pieces(of: bytes, file: file) {
            let builder = try piece.bytes.withUnsafeBufferPointer {
                try parsePiece($0, file: file, lineOffset: piece.lineOffset, firstDocumentOnly: true)
            }
            aliasNodes += builder.aliasNodes
            if aliasNodes > limits.maxAliasExpansion {
                throw Diagnostic(file: file, mark: .none, message: "aliases expand to more than \(limits.maxAliasExpansion) nodes")
            }
            documents.append(contentsOf: builder.documents)
        }
        return documents
    }

    /// The first document of the stream, nil when it holds nothing; the rest of the stream is
    /// not read at all (go-yaml's `Decoder.Decode`, which reads kustomization files, stops there).
    public func parseFirstDocument(bytes: [UInt8], file: String) throws -> Node? {
        if bytes.count > limits.maxInputBytes {
            throw Diagnostic(file: file, mark: .none,
                            message: "input is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes)")
        }
        return try bytes.withUnsafeBufferPointer {
            try parsePiece($0, file: file, lineOffset: 0, firstDocumentOnly: true).documents.first
        }
    }

    /// The pieces this parser parses side by side: one piece below `concurrentThreshold`, else
    /// four per core (handed out as cores free up, so a faster core takes more).
    public func pieces(of bytes: UnsafeBufferPointer<UInt8>) -> [DocumentSplitter.Piece] {
        guard bytes.count >= concurrentThreshold else { return [DocumentSplitter.Piece(bytes: bytes, lineOffset: 0)] }
        return DocumentSplitter.pieces(of: bytes, count: Self.processorCount * 4, minimumPiece: minimumPiece)
    }

    /// Parses the pieces side by side. Nil when any piece fails or the pieces together spend
    /// more than the alias budget: the caller then parses the whole input in one go, so errors
    /// are reported exactly as a single pass reports them.
    private func parseConcurrently(_ pieces: [DocumentSplitter.Piece], file: String) -> [Node]? {
        let results = Parallel.map(pieces.count) { i in
            try? parsePiece(pieces[i].bytes, file: file, lineOffset: pieces[i].lineOffset)
        }
        var documents: [Node] = []
        var aliasNodes = 0
        for result in results {
            guard let builder = result else { return nil }
            aliasNodes += builder.aliasNodes
            documents.append(contentsOf: builder.documents)
        }
        return aliasNodes <= limits.maxAliasExpansion ? documents : nil
    }

    private func parsePiece(_ bytes: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int,
                            firstDocumentOnly: Bool = false) throws -> TreeBuilder {
        var builder = TreeBuilder(file: file, limits: limits, duplicateKeys: duplicateKeys,
                                  goYAMLv2: goYAMLv2, lineOffset: lineOffset)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Diagnostic(file: file, mark: .none, message: "could not initialise the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml reads the buffer in place; an empty input still needs a valid pointer.
        var empty: UInt8 = 0
        try withUnsafePointer(to: &empty) { emptyPointer in
            yaml_parser_set_input_string(&parser, bytes.baseAddress ?? emptyPointer, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw Self.parserError(&parser, file: file, lineOffset: lineOffset)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try builder.handle(&event)
                if firstDocumentOnly && event.type == YAML_DOCUMENT_END_EVENT { break }
            }
        }
        builder.markTrailingComments(in: bytes)
        return builder
    }

    static func parserError(_ parser: inout yaml_parser_t, file: String, lineOffset: Int = 0) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        var message = problem
        if let ctx = parser.context {
            message = "\(problem) \(String(cString: ctx))"
            let cm = parser.context_mark
            message += " (started at line \(Int(cm.line) + 1 + lineOffset), column \(cm.column + 1))"
        }
        let m = parser.problem_mark
        return Diagnostic(file: file, mark: Mark(line: Int(m.line) + 1 + lineOffset, column: Int(m.column) + 1), message: message)
    }

    public static let processorCount: Int = {
        #if canImport(Glibc)
        return max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}
