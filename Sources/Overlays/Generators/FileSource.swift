/// One `files:` item: `PATH` (the key is the file's base name) or `KEY=PATH`.
enum FileSource {
    static func parse(_ source: String) throws -> (key: String, path: String) {
        // Split on bytes, as kustomize does: a combining mark after `=` must not hide it.
        let parts = source.utf8.split(separator: UInt8(ascii: "="), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        switch parts.count {
        case 1:
            return (GoPath.base(source), source)
        case 2 where parts[0].isEmpty:
            throw FileSourceError("missing key name for file path \(goQuoted(parts[1])) in source \(goQuoted(source))")
        case 2 where parts[1].isEmpty:
            throw FileSourceError("missing file path for key name \(goQuoted(parts[0])) in source \(goQuoted(source))")
        case 2:
            return (parts[0], parts[1])
        default:
            throw FileSourceError("source \(goQuoted(source)) key name or file path contains '='")
        }
    }

    private static func goQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

struct FileSourceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
