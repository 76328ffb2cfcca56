/// One `literals:` item, `KEY=VALUE`.
enum LiteralSource {
    /// Splits at the first `=`; a value wholly wrapped in matching single or double quotes
    /// loses them (only the outer pair, and only when both ends match). Works on bytes, as
    /// kustomize does, so a combining mark after `=` or a quote changes nothing.
    static func parse(_ source: String) throws -> (key: String, value: String) {
        let bytes = Array(source.utf8)
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals > 0 else {
            throw LiteralSourceError(source: source)
        }
        let key = String(decoding: bytes[..<equals], as: UTF8.self)
        var value = bytes[(equals + 1)...]
        if value.count >= 2, let first = value.first, first == value.last,
           first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            value = value.dropFirst().dropLast()
        }
        return (key, String(decoding: value, as: UTF8.self))
    }
}

struct LiteralSourceError: Error, CustomStringConvertible {
    var source: String
    var description: String { "invalid literal source \(source), expected key=value" }
}
