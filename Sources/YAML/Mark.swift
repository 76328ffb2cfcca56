/// A position in a YAML source: 1-based line and column.
public struct Mark: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var line: Int32
    public var column: Int32

    public init(line: Int, column: Int) {
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }

    public static let none = Mark(line: 0, column: 0)

    public var description: String { "\(line):\(column)" }
}
