/// libyaml's emitter (`emitter.c`, 0.2.5), ported for the documents kustomize prints: block
/// mappings and sequences, `{}` and `[]` for empty ones, and scalars in the four styles our
/// emitter asks for, with libyaml's own style fallbacks, line folding at width 80, indent 2.
/// It writes straight into a byte buffer, with none of the event traffic of the C library,
/// and gives up (returns false) on the rare shapes it does not port, where `YAMLEmitter`
/// falls back to libyaml: a key that needs the explicit `? ` form (multi-line, or longer
/// than 128 bytes), a root scalar, and strings written through a placeholder.
struct BlockWriter: ~Copyable {
    private var out = ByteBuffer()
    private var column = 0
    private var indent = -1
    private var whitespace = true
    private var indention = true
    private static let bestWidth = 80
    private static let bestIndent = 2

    private init() {}

    /// Writes `node` as one document; nil when it has a shape this port leaves to libyaml
    /// (nothing of it is kept then).
    static func document(_ node: Node, appendingTo bytes: inout [UInt8]) throws -> Bool {
        if case .scalar = node { return false }
        var writer = BlockWriter()
        guard try writer.node(node, mappingContext: false, simpleKey: false, inFlow: false) else { return false }
        writer.writeIndent()  // the implicit document end
        writer.out.copy(into: &bytes)
        return true
    }

    // MARK: structure

    private mutating func node(_ node: Node, mappingContext: Bool, simpleKey: Bool, inFlow: Bool) throws -> Bool {
        switch node {
        case .scalar(let s):
            if s.tag == .string, s.style != .folded || inFlow, writeSimple(s.value, simpleKey: simpleKey) { return true }
            return try scalar(YAMLEmitter.output(for: s, inFlow: inFlow), simpleKey: simpleKey)
        case .mapping(let m):
            if m.entries.isEmpty {
                writeEmpty("{", "}")
                return true
            }
            let inFlow = inFlow || m.flow
            let saved = indent
            increaseIndent(flow: false, indentless: false)
            let entries = m.entries
            let order = YAMLEmitter.outputOrder(entries)
            for n in entries.indices {
                let e = entries[order?[n] ?? n]
                writeIndent()
                if !writeSimple(e.key.value, simpleKey: true) {
                    guard try scalar(YAMLEmitter.output(forString: e.key.value), simpleKey: true) else { return false }
                }
                writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                guard try self.node(e.value, mappingContext: true, simpleKey: false, inFlow: inFlow) else { return false }
            }
            indent = saved
            return true
        case .sequence(let seq):
            if seq.items.isEmpty {
                writeEmpty("[", "]")
                return true
            }
            let inFlow = inFlow || seq.flow
            let saved = indent
            increaseIndent(flow: false, indentless: mappingContext && !indention)
            for item in seq.items {
                writeIndent()
                writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
                guard try self.node(item, mappingContext: false, simpleKey: false, inFlow: inFlow) else { return false }
            }
            indent = saved
            return true
        }
    }

    /// The common case in one pass: a string that is simple plain text (`YAMLEmitter.output`
    /// would choose plain, `isSimplePlain`) is written as it is; false for anything else,
    /// which then takes the general path.
    private mutating func writeSimple(_ text: String, simpleKey: Bool) -> Bool {
        var text = text
        return text.withUTF8 { b in
            guard YAMLEmitter.isSimplePlain(b), !simpleKey || b.count <= 128,
                  ScalarResolver.resolve(b, yaml11: true) == .string, !ScalarResolver.isBase60Float(b) else { return false }
            if !whitespace { put(0x20) }
            out.append(b)
            column += b.count
            whitespace = false
            indention = false
            return true
        }
    }

    /// An empty collection, which libyaml writes in flow style (`{}`, `[]`).
    private mutating func writeEmpty(_ open: StaticString, _ close: StaticString) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool) {
        if indent < 0 {
            indent = flow ? Self.bestIndent : 0
        } else if !indentless {
            indent += Self.bestIndent
        }
    }

    // MARK: scalars

    private mutating func scalar(_ output: YAMLEmitter.ScalarOutput, simpleKey: Bool) throws -> Bool {
        guard !output.needsPlaceholder else { return false }
        var text = output.text
        return text.withUTF8 { value in
            if output.simple && output.style == .plain && (!simpleKey || value.count <= 128) {
                // printable ASCII that nothing folds or quotes: written as it is
                if !whitespace { put(0x20) }
                out.append(value)
                column += value.count
                whitespace = false
                indention = false
                return true
            }
            let analysis = ScalarAnalysis(value)
            // yaml_emitter_check_simple_key: the explicit `? ` key form is left to libyaml.
            if simpleKey && (analysis.multiline || value.count > 128) { return false }
            var style = output.style
            if simpleKey && analysis.multiline { style = .doubleQuoted }
            if style == .plain {
                if !analysis.blockPlainAllowed || (value.isEmpty && simpleKey) { style = .singleQuoted }
            }
            if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
            if style == .literal && (!analysis.blockAllowed || simpleKey) { style = .doubleQuoted }
            let saved = indent
            increaseIndent(flow: true, indentless: false)
            switch style {
            case .plain where !analysis.spacesOrBreaks:
                // nothing to fold or break: the text as it is
                if !whitespace && !value.isEmpty { put(0x20) }
                out.append(value)
                column += analysis.characters
                whitespace = false
                indention = false
            case .plain: writePlain(value, allowBreaks: !simpleKey)
            case .singleQuoted: writeSingleQuoted(value, allowBreaks: !simpleKey)
            case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: !simpleKey)
            case .literal: writeLiteral(value)
            }
            indent = saved
            return true
        }
    }

    /// yaml_emitter_analyze_scalar, for block context.
    /// libyaml's `yaml_emitter_analyze_scalar` (go-yaml's is the same): which styles may
    /// write the text, judged byte by byte.
    struct ScalarAnalysis {
        var multiline = false
        /// Characters (not bytes): libyaml's column counts them.
        var characters = 0
        /// Whether a space or line break occurs (where plain text may fold or break).
        var spacesOrBreaks = false
        var blockPlainAllowed = true
        var singleQuotedAllowed = true
        var blockAllowed = true

        init(_ s: UnsafeBufferPointer<UInt8>) {
            if s.isEmpty {
                blockAllowed = false
                return
            }
            var blockIndicators = false
            var lineBreaks = false, specialCharacters = false
            var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
            var breakSpace = false, spaceBreak = false
            var previousSpace = false, previousBreak = false
            if (BlockWriter.at(s, 0) == 0x2D && BlockWriter.at(s, 1) == 0x2D && BlockWriter.at(s, 2) == 0x2D)
                || (BlockWriter.at(s, 0) == 0x2E && BlockWriter.at(s, 1) == 0x2E && BlockWriter.at(s, 2) == 0x2E) {
                blockIndicators = true
            }
            var precededByWhitespace = true
            var i = 0
            while i < s.count {
                let c = s[i]
                // Printable ASCII other than `:` and `#` after the first character changes
                // nothing but the run of spaces and breaks: the common case, kept short.
                if i > 0 && c >= 0x21 && c <= 0x7E && c != UInt8(ascii: ":") && c != UInt8(ascii: "#") {
                    characters += 1
                    previousSpace = false
                    previousBreak = false
                    precededByWhitespace = false
                    i += 1
                    continue
                }
                let w = BlockWriter.width(c)
                let followedByWhitespace = BlockWriter.isBlankZ(s, i + w)
                if i == 0 {
                    switch c {
                    case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                         UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                         UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                         UInt8(ascii: "`"):
                        blockIndicators = true
                    case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                        if followedByWhitespace { blockIndicators = true }
                    default: break
                    }
                } else {
                    if c == UInt8(ascii: ":") && followedByWhitespace { blockIndicators = true }
                    if c == UInt8(ascii: "#") && precededByWhitespace { blockIndicators = true }
                }
                if !BlockWriter.isPrintable(s, i) { specialCharacters = true }
                let isBreak = BlockWriter.isBreak(s, i)
                if isBreak { lineBreaks = true }
                if c == 0x20 {
                    spacesOrBreaks = true
                    if i == 0 { leadingSpace = true }
                    if i + w == s.count { trailingSpace = true }
                    if previousBreak { breakSpace = true }
                    previousSpace = true
                    previousBreak = false
                } else if isBreak {
                    spacesOrBreaks = true
                    if i == 0 { leadingBreak = true }
                    if i + w == s.count { trailingBreak = true }
                    if previousSpace { spaceBreak = true }
                    previousSpace = false
                    previousBreak = true
                } else {
                    previousSpace = false
                    previousBreak = false
                }
                characters += 1
                precededByWhitespace = BlockWriter.isBlankZ(s, i)
                i += max(w, 1)
            }
            multiline = lineBreaks
            if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
            if trailingSpace { blockAllowed = false }
            if breakSpace {
                blockPlainAllowed = false
                singleQuotedAllowed = false
            }
            if spaceBreak || specialCharacters {
                blockPlainAllowed = false
                singleQuotedAllowed = false
                blockAllowed = false
            }
            if lineBreaks || blockIndicators { blockPlainAllowed = false }
        }
    }

    private mutating func writePlain(_ s: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
        if !whitespace && !s.isEmpty { put(0x20) }
        // A line that stays within the width never folds (plain text has no line breaks).
        if let characters = Self.characterCount(s, ifAtMost: Self.bestWidth - column), !s.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            out.append(s)
            column += characters
            whitespace = false
            indention = false
            return
        }
        writeText(s, allowBreaks: allowBreaks, singleQuoted: false)
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ s: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        let breaks = writeText(s, allowBreaks: allowBreaks, singleQuoted: true)
        if breaks { writeIndent() }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    /// The text of a plain or single-quoted scalar (libyaml writes both the same way): a
    /// space past the width folds unless another space follows (and, quoted, unless it is the
    /// first or last character), a line feed is written twice, a quote doubled. Whether the
    /// text ended in line breaks.
    @discardableResult
    private mutating func writeText(_ s: UnsafeBufferPointer<UInt8>, allowBreaks: Bool, singleQuoted: Bool) -> Bool {
        var spaces = false, breaks = false
        var i = 0
        while i < s.count {
            if s[i] == 0x20 {
                if allowBreaks && !spaces && column > Self.bestWidth && (!singleQuoted || (i != 0 && i != s.count - 1))
                    && Self.at(s, i + 1) != 0x20 {
                    writeIndent()
                    i += 1
                } else {
                    i = write(s, i)
                }
                spaces = true
            } else if Self.isBreak(s, i) {
                if !breaks && s[i] == 0x0A { putBreak() }
                i = writeBreak(s, i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if singleQuoted && s[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                i = write(s, i)
                indention = false
                spaces = false
                breaks = false
            }
        }
        return breaks
    }

    private mutating func writeDoubleQuoted(_ s: UnsafeBufferPointer<UInt8>, allowBreaks: Bool) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if !Self.isPrintable(s, i) || Self.isBOM(s, i) || Self.isBreak(s, i) || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                let w = Self.width(c)
                var value: UInt32 = w == 1 ? UInt32(c & 0x7F) : w == 2 ? UInt32(c & 0x1F) : w == 3 ? UInt32(c & 0x0F) : w == 4 ? UInt32(c & 0x07) : 0
                var k = 1
                while k < w {
                    value = (value << 6) + UInt32(Self.at(s, i + k) & 0x3F)
                    k += 1
                }
                i += max(w, 1)
                put(UInt8(ascii: "\\"))
                switch value {
                case 0x00: put(UInt8(ascii: "0"))
                case 0x07: put(UInt8(ascii: "a"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0B: put(UInt8(ascii: "v"))
                case 0x0C: put(UInt8(ascii: "f"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x1B: put(UInt8(ascii: "e"))
                case 0x22: put(UInt8(ascii: "\""))
                case 0x5C: put(UInt8(ascii: "\\"))
                case 0x85: put(UInt8(ascii: "N"))
                case 0xA0: put(UInt8(ascii: "_"))
                case 0x2028: put(UInt8(ascii: "L"))
                case 0x2029: put(UInt8(ascii: "P"))
                default:
                    let digits: Int
                    if value <= 0xFF {
                        put(UInt8(ascii: "x"))
                        digits = 2
                    } else if value <= 0xFFFF {
                        put(UInt8(ascii: "u"))
                        digits = 4
                    } else {
                        put(UInt8(ascii: "U"))
                        digits = 8
                    }
                    var shift = (digits - 1) * 4
                    while shift >= 0 {
                        let digit = UInt8((value >> UInt32(shift)) & 0x0F)
                        put(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10)
                        shift -= 4
                    }
                }
                spaces = false
            } else if c == 0x20 {
                if allowBreaks && !spaces && column > Self.bestWidth && i != 0 && i != s.count - 1 {
                    writeIndent()
                    if Self.at(s, i + 1) == 0x20 { put(UInt8(ascii: "\\")) }
                    i += 1
                } else {
                    i = write(s, i)
                }
                spaces = true
            } else {
                i = write(s, i)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeLiteral(_ s: UnsafeBufferPointer<UInt8>) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        // yaml_emitter_write_block_scalar_hints
        if !s.isEmpty && (s[0] == 0x20 || Self.isBreak(s, 0)) {
            writeIndicator(Self.bestIndent == 2 ? "2" : "4", needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: StaticString?
        if s.isEmpty {
            chomp = "-"
        } else {
            var p = s.count - 1
            while p > 0 && (s[p] & 0xC0) == 0x80 { p -= 1 }
            if !Self.isBreak(s, p) {
                chomp = "-"
            } else if p == 0 {
                chomp = "+"
            } else {
                p -= 1
                while p > 0 && (s[p] & 0xC0) == 0x80 { p -= 1 }
                if Self.isBreak(s, p) { chomp = "+" }
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var i = 0
        while i < s.count {
            if Self.isBreak(s, i) {
                i = writeBreak(s, i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                // the rest of the line at once: characters up to the next break
                var j = i
                var characters = 0
                while j < s.count && !Self.isBreak(s, j) {
                    if s[j] & 0xC0 != 0x80 { characters += 1 }
                    j += 1
                }
                out.append(UnsafeBufferPointer(rebasing: s[i..<j]))
                column += characters
                i = j
                indention = false
                breaks = false
            }
        }
    }

    // MARK: writing

    /// The number of characters in `s` when it is at most `limit`, else nil.
    private static func characterCount(_ s: UnsafeBufferPointer<UInt8>, ifAtMost limit: Int) -> Int? {
        guard limit >= 0 else { return nil }
        var n = 0
        for c in s where c & 0xC0 != 0x80 {
            n += 1
            if n > limit { return nil }
        }
        return n
    }

    private mutating func writeIndent() {
        let indent = max(self.indent, 0)
        if !indention || column > indent || (column == indent && !whitespace) { putBreak() }
        if column < indent {
            out.append(repeating: 0x20, count: indent - column)
            column = indent
        }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(_ indicator: StaticString, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        indicator.withUTF8Buffer { b in
            out.append(b)
            column += b.count
        }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    private mutating func put(_ byte: UInt8) {
        out.append(byte)
        column += 1
    }

    private mutating func putBreak() {
        out.append(0x0A)
        column = 0
    }

    /// WRITE: one character, copied; the index after it.
    private mutating func write(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let w = Self.width(s[i])
        if w == 1 {
            out.append(s[i])
        } else {
            for k in 0..<w where i + k < s.count { out.append(s[i + k]) }
        }
        column += 1
        return i + max(w, 1)
    }

    /// WRITE_BREAK: a line feed is written as the emitter's break, any other break is copied.
    private mutating func writeBreak(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if s[i] == 0x0A {
            putBreak()
            return i + 1
        }
        let w = Self.width(s[i])
        for k in 0..<w where i + k < s.count { out.append(s[i + k]) }
        column = 0
        return i + max(w, 1)
    }

    // MARK: libyaml's character classes, on UTF-8 bytes (a NUL past the end, as in C)

    @inline(__always) static func at(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        i < s.count ? s[i] : 0
    }

    @inline(__always) static func width(_ c: UInt8) -> Int {
        c & 0x80 == 0 ? 1 : c & 0xE0 == 0xC0 ? 2 : c & 0xF0 == 0xE0 ? 3 : c & 0xF8 == 0xF0 ? 4 : 0
    }

    static func isPrintable(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = at(s, i)
        if c == 0x0A || (c >= 0x20 && c <= 0x7E) { return true }
        if c == 0xC2 { return at(s, i + 1) >= 0xA0 }
        if c > 0xC2 && c < 0xED { return true }
        if c == 0xED { return at(s, i + 1) < 0xA0 }
        if c == 0xEE { return true }
        if c == 0xEF {
            let c1 = at(s, i + 1), c2 = at(s, i + 2)
            return !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF))
        }
        return false
    }

    static func isBOM(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        at(s, i) == 0xEF && at(s, i + 1) == 0xBB && at(s, i + 2) == 0xBF
    }

    static func isBreak(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = at(s, i)
        if c == 0x0D || c == 0x0A { return true }
        if c == 0xC2 { return at(s, i + 1) == 0x85 }
        if c == 0xE2 { return at(s, i + 1) == 0x80 && (at(s, i + 2) == 0xA8 || at(s, i + 2) == 0xA9) }
        return false
    }

    static func isBlankZ(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = at(s, i)
        return c == 0x20 || c == 0x09 || c == 0 || isBreak(s, i)
    }
}
