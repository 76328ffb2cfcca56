/// Cuts a multi-document stream into pieces that libyaml parses to the same documents one by
/// one as it does in a single pass: every cut is just before a `---` marker at the start of a
/// line, where the YAML grammar ends any open scalar or collection.
enum DocumentSplitter {
    struct Piece {
        var bytes: UnsafeBufferPointer<UInt8>
        /// Line breaks before the piece, as libyaml counts them.
        var lineOffset: Int
    }

    /// Up to `count` pieces of about equal size, none much smaller than `minimumPiece`;
    /// one piece when the input cannot be cut safely.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, count: Int, minimumPiece: Int) -> [Piece] {
        let whole = [Piece(bytes: bytes, lineOffset: 0)]
        let wanted = min(count, bytes.count / max(1, minimumPiece))
        // A UTF-16 stream (told by its byte order mark) cannot be cut on bytes.
        guard wanted > 1, bytes.count >= 2, !(bytes[0] == 0xFE && bytes[1] == 0xFF),
              !(bytes[0] == 0xFF && bytes[1] == 0xFE) else { return whole }
        var cuts: [Int] = [0]
        for k in 1..<wanted {
            guard let cut = documentStart(in: bytes, from: max(bytes.count * k / wanted, cuts.last! + 1)) else { break }
            cuts.append(cut)
        }
        guard cuts.count > 1 else { return whole }
        cuts.append(bytes.count)
        var pieces: [Piece] = []
        var lines = 0
        for i in 0..<(cuts.count - 1) {
            let slice = UnsafeBufferPointer(rebasing: bytes[cuts[i]..<cuts[i + 1]])
            pieces.append(Piece(bytes: slice, lineOffset: lines))
            lines += lineBreaks(in: slice)
        }
        return pieces
    }

    /// The offset of the first line at or after `from` that starts with `---` followed by
    /// a blank, a line break or the end of input.
    static func documentStart(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let dash = UInt8(ascii: "-")
        var i = from
        while i + 3 <= b.count {
            if b[i - 1] == UInt8(ascii: "\n"), b[i] == dash, b[i + 1] == dash, b[i + 2] == dash {
                if i + 3 == b.count { return i }
                switch b[i + 3] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return i
                default: break
                }
            }
            i += 1
        }
        return nil
    }

    /// Line breaks as libyaml counts them: LF, CR, CRLF as one, and the Unicode breaks NEL, LS, PS.
    static func lineBreaks(in b: UnsafeBufferPointer<UInt8>) -> Int {
        // Two loops the compiler vectorises; the exact count is needed only when rarer breaks may occur.
        var lf = 0
        var rare: UInt8 = 0
        for c in b {
            lf &+= c == 0x0A ? 1 : 0
            rare |= (c == 0x0D ? 1 : 0) | (c == 0xC2 ? 1 : 0) | (c == 0xE2 ? 1 : 0)
        }
        if rare == 0 { return lf }
        var n = 0
        var i = 0
        while i < b.count {
            switch b[i] {
            case 0x0A: n += 1
            case 0x0D: if i + 1 >= b.count || b[i + 1] != 0x0A { n += 1 }
            case 0xC2: if i + 1 < b.count && b[i + 1] == 0x85 { n += 1; i += 1 }
            case 0xE2:
                if i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { n += 1; i += 2 }
            default: break
            }
            i += 1
        }
        return n
    }
}
