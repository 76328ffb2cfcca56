/// The `KEY=VALUE` lines of an `envs:` file, read the way kustomize reads them.
///
/// - Lines end at `\n`; one `\r` before it is dropped.
/// - A UTF-8 byte-order mark is removed from the first line only.
/// - Leading whitespace is removed; blank lines and lines starting with `#` are skipped.
/// - The key is everything before the first `=` (not trimmed, not validated); a line
///   without `=` is a key with an empty value; a line with an empty key is skipped.
/// - The value is everything after the first `=`, verbatim: no quote removal, no comments.
enum EnvFile {
    /// Go's bufio.Scanner refuses lines of 64 KiB or more.
    static let maxLineLength = 64 * 1024 - 1

    static func parse(_ content: [UInt8]) throws -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for (number, rawLine) in lines(of: content).enumerated() {
            guard rawLine.count <= maxLineLength else {
                throw EnvFileError("line \(number + 1) is too long (64 KiB or more)")
            }
            let lineBytes = rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine
            guard var line = String(validatingUTF8Bytes: lineBytes) else {
                throw EnvFileError("line \(number + 1) has invalid UTF-8 bytes")
            }
            if number == 0, line.unicodeScalars.first == "\u{FEFF}" {
                line.unicodeScalars.removeFirst()
            }
            let trimmed = line.unicodeScalars.drop(while: { $0.properties.isWhitespace })
            guard let first = trimmed.first, first != "#" else { continue }
            let text = String(String.UnicodeScalarView(trimmed))
            let key: String
            let value: String
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                key = String(decoding: text.utf8[..<equals], as: UTF8.self)
                value = String(decoding: text.utf8[text.utf8.index(after: equals)...], as: UTF8.self)
            } else {
                key = text
                value = ""
            }
            if key.isEmpty { continue }
            pairs.append((key, value))
        }
        return pairs
    }

    /// Go's bufio.ScanLines without its `\r` removal: split at `\n`, no empty last line.
    static func lines(of content: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = content.startIndex
        while let newline = content[start...].firstIndex(of: UInt8(ascii: "\n")) {
            out.append(content[start..<newline])
            start = newline + 1
        }
        if start < content.endIndex { out.append(content[start...]) }
        return out
    }
}

struct EnvFileError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension String {
    /// The text when `bytes` are valid UTF-8 as Go's `utf8.Valid` defines it (no surrogates,
    /// no overlong forms, nothing above U+10FFFF); nil otherwise.
    init?<C: Collection>(validatingUTF8Bytes bytes: C) where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break decoding
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}
