/// go-yaml v2's map key order: runs of digits compare as numbers, letters sort before
/// other characters. (`_x`, `"1"`, `"2"`, `"10"`, `B`, `a`.)
public enum NaturalKeyOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        // Most keys differ in their first letter already.
        if let fa = a.utf8.first, let fb = b.utf8.first, fa != fb, fa < 0x80, fb < 0x80, isLetter(fa), isLetter(fb) { return fa < fb }
        // ASCII fast path: each byte is one rune (read in place, no copy of either string).
        let ascii: Bool?? = a.utf8.withContiguousStorageIfAvailable { ab in
            b.utf8.withContiguousStorageIfAvailable { bb in isASCII(ab) && isASCII(bb) ? lessRunes(ab, bb) : nil } ?? nil
        }
        if let known = ascii, let result = known { return result }
        let ar = Array(a.unicodeScalars.map { $0.value })
        let br = Array(b.unicodeScalars.map { $0.value })
        return ar.withUnsafeBufferPointer { ap in br.withUnsafeBufferPointer { bp in lessRunes(ap, bp) } }
    }

    private static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for c in b { any |= c }
        return any < 0x80
    }

    @inline(__always)
    static func isLetter<T: BinaryInteger>(_ c: T) -> Bool {
        if c < 0x80 {
            return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        }
        guard let s = Unicode.Scalar(UInt32(c)) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    @inline(__always)
    static func isDigit<T: BinaryInteger>(_ c: T) -> Bool {
        if c < 0x80 { return c >= 48 && c <= 57 }
        guard let s = Unicode.Scalar(UInt32(c)) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }

    static func lessRunes<T: BinaryInteger>(_ ar: UnsafeBufferPointer<T>, _ br: UnsafeBufferPointer<T>) -> Bool {
        let n = min(ar.count, br.count)
        var i = 0
        while i < n {
            if ar[i] == br[i] { i += 1; continue }
            let al = isLetter(ar[i]), bl = isLetter(br[i])
            if al && bl { return ar[i] < br[i] }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar[i] == 48 || br[i] == 48 {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != 48 { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai]) &- 48
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi]) &- 48
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i] < br[i]
        }
        return ar.count < br.count
    }
}
