/// Budgets that stop hostile or broken input early with a clear error instead of a hang.
public struct ParseLimits: Sendable {
    /// Largest input accepted, in bytes.
    public var maxInputBytes: Int
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Most nodes that alias expansion may create in one file.
    public var maxAliasExpansion: Int

    public init(maxInputBytes: Int = 256 << 20, maxDepth: Int = 1000, maxAliasExpansion: Int = 2_500_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    public static let `default` = ParseLimits()
}
