/// kustomize hands each generator entry to its builtin plugin through JSON and YAML. JSON
/// leaves NEL (U+0085) unescaped, and go-yaml, reading the JSON string as a double-quoted
/// YAML scalar, takes NEL for a line break and folds it: spaces around the break are
/// dropped, a single break becomes one space, and each further break in a row a newline.
/// Every other character survives the trip unchanged.
enum ArgsRoundTrip {
    static func apply(_ args: GeneratorArgs) -> GeneratorArgs {
        var out = args
        out.name = fold(args.name)
        out.namespace = fold(args.namespace)
        out.secretType = fold(args.secretType)
        out.sources.literals = args.sources.literals.map(fold)
        out.sources.files = args.sources.files.map(fold)
        out.sources.envs = args.sources.envs.map(fold)
        if var options = args.options {
            options.labels = options.labels.map { (fold($0.0), fold($0.1)) }
            options.annotations = options.annotations.map { (fold($0.0), fold($0.1)) }
            out.options = options
        }
        return out
    }

    /// libyaml's double-quoted scalar folding, where the only raw blank is a space (JSON
    /// escapes tabs) and the only raw break is NEL (JSON escapes the others).
    static func fold(_ text: String) -> String {
        let nel: Unicode.Scalar = "\u{85}"
        guard text.unicodeScalars.contains(nel) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while true {
            while i < scalars.count, scalars[i] != " ", scalars[i] != nel {
                out.append(scalars[i])
                i += 1
            }
            if i == scalars.count { break }
            var whitespace = String.UnicodeScalarView()
            var sawBreak = false
            var furtherBreaks = 0
            while i < scalars.count, scalars[i] == " " || scalars[i] == nel {
                if scalars[i] == nel {
                    if sawBreak { furtherBreaks += 1 } else { sawBreak = true }
                } else if !sawBreak {
                    whitespace.append(" ")
                }
                i += 1
            }
            if !sawBreak {
                out.append(contentsOf: whitespace)
            } else if furtherBreaks == 0 {
                out.append(" ")
            } else {
                out.append(contentsOf: String(repeating: "\n", count: furtherBreaks).unicodeScalars)
            }
        }
        return String(out)
    }
}
