import YAML

/// A patch that cannot be read or applied: the message, and where in which file when known.
/// `description` reads `file:line:col: message` (or `file: message` without a position).
public struct PatchError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var mark: Mark
    public var message: String

    public init(file: String = "", mark: Mark = .none, message: String) {
        self.file = file
        self.mark = mark
        self.message = message
    }

    public var description: String {
        switch (file.isEmpty, mark == .none) {
        case (true, true): return message
        case (true, false): return "\(mark.line):\(mark.column): \(message)"
        case (false, true): return "\(file): \(message)"
        case (false, false): return "\(file):\(mark.line):\(mark.column): \(message)"
        }
    }
}
