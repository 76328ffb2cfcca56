/// A problem with the user's input, the one error type of every layer (YAML, loading,
/// decoding, patching, building): the message, and the file and position when known.
/// `description` reads `file:line:col: message`, `file: message` without a position, or the
/// bare message when no file is known.
public struct Diagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file at fault; empty when unknown.
    public var file: String
    /// The 1-based line and column in `file`; `.none` when unknown.
    public var mark: Mark
    public var message: String

    public init(file: String = "", mark: Mark = .none, message: String) {
        self.file = file
        self.mark = mark
        self.message = message
    }

    public init(_ message: String, file: String? = nil, mark: Mark? = nil) {
        self.init(file: file ?? "", mark: mark ?? .none, message: message)
    }

    public var description: String {
        switch (file.isEmpty, mark == .none) {
        case (true, true): return message
        case (true, false): return "\(mark.line):\(mark.column): \(message)"
        case (false, true): return "\(file): \(message)"
        case (false, false): return "\(file):\(mark.line):\(mark.column): \(message)"
        }
    }

    /// The source line the mark points into and a caret under its column, for a terminal:
    ///
    ///     7 |   replicas: three
    ///       |             ^
    ///
    /// Nil without a position or when `source` (the file's bytes) has no such line.
    public func snippet(source: [UInt8]) -> String? {
        guard mark != .none, mark.line >= 1 else { return nil }
        var line = 1
        var start = 0
        while line < Int(mark.line) {
            guard let nl = source[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = nl + 1
            line += 1
        }
        let end = source[start...].firstIndex(of: UInt8(ascii: "\n")) ?? source.count
        var text = String(decoding: source[start..<end], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        let number = String(mark.line)
        let gutter = String(repeating: " ", count: number.count)
        let column = max(1, Int(mark.column))
        // Tabs stay tabs so the caret lines up under them.
        let pad = String(text.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
        return "\(number) | \(text)\n\(gutter) | \(pad)^"
    }
}
