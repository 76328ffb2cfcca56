import FoundationEssentials

/// Base64 as kustomize writes Secret data and ConfigMap binaryData: standard alphabet with
/// padding, cut into 70-character lines. When there is more than one line (70 characters
/// or more), every line, the last included, ends with a newline.
enum WrappedBase64 {
    static let lineLength = 70

    static func encode(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        let lineCount = encoded.utf8.count / lineLength + 1
        guard lineCount > 1 else { return encoded }
        var out = ""
        out.reserveCapacity(encoded.utf8.count + lineCount)
        var rest = Substring(encoded)
        while !rest.isEmpty {
            out += rest.prefix(lineLength)
            out += "\n"
            rest = rest.dropFirst(lineLength)
        }
        return out
    }
}
