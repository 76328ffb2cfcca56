/// What kustomize's JSON-to-YAML step does to a string before go-yaml prints it. Go's JSON
/// encoder writes U+007F–U+009F, U+FFFE and U+FFFF unescaped, and go-yaml then refuses them
/// ("control characters are not allowed"); U+0085 (NEL) is a line break to go-yaml, so inside
/// the JSON string it folds like one: a break between spaces is a space, k breaks are k−1
/// newlines.
enum JSONStringPass {
    struct Refused: Error {}

    /// The string as go-yaml reads it back; nil when it has none of these code points.
    static func apply(_ value: String) throws -> String? {
        var suspicious = false
        for b in value.utf8 where b == 0x7F || b == 0xC2 || b == 0xEF {
            suspicious = true
            break
        }
        guard suspicious else { return nil }
        var hasNEL = false
        for u in value.unicodeScalars {
            switch u.value {
            case 0x85: hasNEL = true
            case 0x7F...0x9F, 0xFFFE, 0xFFFF: throw Refused()
            default: continue
            }
        }
        guard hasNEL else { return nil }
        var out = String.UnicodeScalarView()
        let scalars = Array(value.unicodeScalars)
        var i = 0
        while i < scalars.count {
            // A run of spaces and NELs holding at least one NEL folds as a whole.
            var j = i
            var breaks = 0
            while j < scalars.count, scalars[j] == " " || scalars[j].value == 0x85 {
                if scalars[j].value == 0x85 { breaks += 1 }
                j += 1
            }
            if j > i {
                if breaks == 0 {
                    out.append(contentsOf: scalars[i..<j])
                } else if breaks == 1 {
                    out.append(" ")
                } else {
                    for _ in 1..<breaks { out.append("\n") }
                }
                i = j
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
