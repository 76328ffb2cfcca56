/// kustomize hands each generator entry to its builtin plugin as YAML, and go-yaml refuses
/// to read back characters YAML cannot hold even quoted: DEL, the C1 controls other than
/// NEL, U+FFFE and U+FFFF (JSON escapes the C0 controls, so those pass). Such a character
/// anywhere in an entry fails the build there.
enum YAMLPrintable {
    static func check(_ args: GeneratorArgs) throws {
        var texts = [args.name, args.namespace, args.secretType]
        texts += args.sources.literals + args.sources.files + args.sources.envs
        if let options = args.options {
            for (key, value) in options.labels + options.annotations { texts += [key, value] }
        }
        for text in texts {
            if let bad = firstUnprintable(text) {
                let code = String(bad.value, radix: 16, uppercase: true)
                throw args.error("control characters are not allowed (U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) in \"\(text.unicodeScalars.filter { firstUnprintable(String($0)) == nil })\")")
            }
        }
    }

    static func firstUnprintable(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x7F, 0x80...0x84, 0x86...0x9F, 0xFFFE, 0xFFFF: return true
            default: return false
            }
        }
    }
}
