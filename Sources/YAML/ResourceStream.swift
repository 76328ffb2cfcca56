/// How kustomize cuts a resource file into documents (kyaml's `kio.ByteReader`), which is not
/// how a YAML stream is read:
/// - CRLF line ends become LF first;
/// - every line that starts with `---` and is followed by a line break is a separator, whatever
///   comes after the dashes (`----` too); anything on it other than blanks and a `#` comment is
///   the error "invalid document separator";
/// - each piece between separators is read as a stream of its own, and only its first document
///   counts: a piece that starts with `...` is an error, and a second document after `...` in a
///   piece is never read.
///
/// Most files read the same either way; `isPlainStream` tells those apart in one pass, so only
/// the rare file with a `...` line, a directive after the first line, or a separator with text
/// on it is cut here.
public enum ResourceStream {
    public struct Piece {
        /// The piece's text, with the line break the separator took put back (kyaml does the same).
        public var bytes: [UInt8]
        /// Line breaks before the piece.
        public var lineOffset: Int
    }

    /// Whether libyaml reading `bytes` as one stream gives exactly kyaml's documents: no line
    /// after the first starts with `...` or `%`, and no `---` line carries anything but a comment.
    public static func isPlainStream(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        // Each iteration looks at the start of a line that follows a line break.
        while let nl = nextLineBreak(b, from: i) {
            i = nl + 1
            guard i < n else { break }
            switch b[i] {
            case UInt8(ascii: "%"):
                return false
            case UInt8(ascii: "."):
                if i + 2 < n, b[i + 1] == UInt8(ascii: "."), b[i + 2] == UInt8(ascii: ".") { return false }
            case UInt8(ascii: "-"):
                if i + 2 < n, b[i + 1] == UInt8(ascii: "-"), b[i + 2] == UInt8(ascii: "-"),
                   !separatorContentIsBlankOrComment(b, from: i + 3) {
                    return false
                }
            default:
                break
            }
        }
        return true
    }

    /// The pieces kyaml reads one by one, or the error it gives for a separator with text on it.
    public static func pieces(of input: UnsafeBufferPointer<UInt8>, file: String) throws -> [Piece] {
        var s: [UInt8] = []
        s.reserveCapacity(input.count)
        var k = 0
        while k < input.count {
            if input[k] == 0x0D, k + 1 < input.count, input[k + 1] == 0x0A { k += 1; continue }
            s.append(input[k])
            k += 1
        }
        var pieces: [Piece] = []
        var start = 0
        var startLine = 0
        var linesSoFar = 0
        var scanned = 0
        var i = 0
        while i + 3 < s.count {
            guard s[i] == 0x0A, s[i + 1] == UInt8(ascii: "-"), s[i + 2] == UInt8(ascii: "-"), s[i + 3] == UInt8(ascii: "-"),
                  let end = s[(i + 4)...].firstIndex(of: 0x0A) else {
                i += 1
                continue
            }
            if !separatorContentIsBlankOrComment(s, from: i + 4) {
                let line = String(decoding: s[(i + 1)..<end], as: UTF8.self)
                throw Diagnostic(file: file, mark: Mark(line: linesSoFar + lineBreaks(s, scanned..<(i + 1)) + 1, column: 1),
                                message: "invalid document separator: \(line.trimmingGoSpace())")
            }
            var piece = Array(s[start..<i])
            piece.append(0x0A)
            pieces.append(Piece(bytes: piece, lineOffset: startLine))
            linesSoFar += lineBreaks(s, scanned..<(end + 1))
            scanned = end + 1
            start = end + 1
            startLine = linesSoFar
            i = end + 1
        }
        pieces.append(Piece(bytes: Array(s[start...]), lineOffset: startLine))
        return pieces
    }

    private static func nextLineBreak(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while i < b.count {
            if b[i] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    private static func lineBreaks(_ s: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        for i in range where s[i] == 0x0A { count += 1 }
        return count
    }

    /// Whether what follows `---` up to the line end is blanks, optionally then a `#` comment
    /// (a CR before the break counts as a blank, as Go's `strings.TrimSpace` trims it).
    private static func separatorContentIsBlankOrComment<C: Collection>(_ b: C, from: C.Index) -> Bool
    where C.Element == UInt8 {
        var i = from
        while i != b.endIndex {
            switch b[i] {
            case 0x0A: return true
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C: i = b.index(after: i)
            case UInt8(ascii: "#"): return true
            default: return false
            }
        }
        return true
    }
}

extension String {
    /// Go's `strings.TrimSpace` for the ASCII blanks a separator line can hold.
    fileprivate func trimmingGoSpace() -> String {
        var sub = Substring(self)
        while let c = sub.first, c == " " || c == "\t" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" { sub.removeFirst() }
        while let c = sub.last, c == " " || c == "\t" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" { sub.removeLast() }
        return String(sub)
    }
}
