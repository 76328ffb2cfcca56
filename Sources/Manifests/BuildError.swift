import YAML

/// A problem with the user's input: names the file (and position when known).
public struct BuildError: Error, CustomStringConvertible {
    public var file: String?
    public var mark: Mark?
    public var message: String

    public init(_ message: String, file: String? = nil, mark: Mark? = nil) {
        self.message = message
        self.file = file
        self.mark = mark
    }

    public var description: String {
        guard let file else { return message }
        if let mark, mark != .none { return "\(file):\(mark.line):\(mark.column): \(message)" }
        return "\(file): \(message)"
    }
}

extension BuildError {
    public init(_ yaml: YAMLError) {
        self.init(yaml.message, file: yaml.file, mark: yaml.mark)
    }
}
