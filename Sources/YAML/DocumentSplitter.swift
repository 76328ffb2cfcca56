/// Cuts a multi-document stream into pieces that libyaml parses to the same documents one by
/// one as it does in a single pass: every cut is just before a `---` marker at the start of a
/// line, where the YAML grammar ends any open scalar or collection.
public enum DocumentSplitter {
    public struct Piece {
        public var bytes: UnsafeBufferPointer<UInt8>
        /// Line breaks before the piece, as libyaml counts them.
        public var lineOffset: Int
    }

    /// Up to `count` pieces of about equal size, none much smaller than `minimumPiece`;
    /// one piece when the input cannot be cut safely.
    public static func pieces(of bytes: UnsafeBufferPointer<UInt8>, count: Int, minimumPiece: Int) -> [Piece] {
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
        var pieces = (0..<(cuts.count - 1)).map {
            Piece(bytes: UnsafeBufferPointer(rebasing: bytes[cuts[$0]..<cuts[$0 + 1]]), lineOffset: 0)
        }
        // Counting breaks is a pass over every byte: done side by side too.
        let breaks = Parallel.map(pieces.count - 1) { lineBreaks(in: pieces[$0].bytes) }
        for i in 1..<pieces.count { pieces[i].lineOffset = pieces[i - 1].lineOffset + breaks[i - 1] }
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
    public static func lineBreaks(in b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = b.baseAddress else { return 0 }
        // Eight bytes at a time: count LF bytes, and note CR or any non-ASCII byte, after which
        // only the exact byte-by-byte count below is right.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
        let raw = UnsafeRawPointer(base)
        var lf = 0
        var rare: UInt64 = 0
        var i = 0
        while i + 8 <= b.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            lf &+= zeroBytes(w ^ (ones &* 0x0A)).nonzeroBitCount
            rare |= (w & ~low7) | zeroBytes(w ^ (ones &* 0x0D))
            i += 8
        }
        while i < b.count {
            lf &+= b[i] == 0x0A ? 1 : 0
            rare |= b[i] >= 0x80 || b[i] == 0x0D ? 1 : 0
            i += 1
        }
        if rare == 0 { return lf }
        var n = 0
        i = 0
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
