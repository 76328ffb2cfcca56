/// go-yaml's timestamp scalars (`2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00`, …),
/// which kustomize's reader turns into times and its writer prints as RFC 3339.
public struct Timestamp: Equatable {
    public var year, month, day, hour, minute, second: Int
    public var nanos: Int
    /// Offset from UTC in seconds; nil when the text named no zone (UTC).
    public var offsetSeconds: Int?

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var i = 0
        let n = b.count
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func number(min: Int, max: Int) -> Int? {
            var v = 0
            let start = i
            while i < n && isDigit(b[i]) && i - start < max {
                v = v * 10 + Int(b[i] - 48)
                i += 1
            }
            return i - start >= min ? v : nil
        }
        func expect(_ c: UInt8) -> Bool {
            if i < n && b[i] == c { i += 1; return true }
            return false
        }
        // Quick check as go-yaml does: exactly four digits then '-'.
        guard n >= 8 else { return nil }
        for k in 0..<4 where !isDigit(b[k]) { return nil }
        guard b[4] == UInt8(ascii: "-") else { return nil }
        guard let year = number(min: 4, max: 4), expect(UInt8(ascii: "-")),
              let month = number(min: 1, max: 2), expect(UInt8(ascii: "-")),
              let day = number(min: 1, max: 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var t = Timestamp(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, nanos: 0, offsetSeconds: nil)
        if i == n { return t }
        let sep = b[i]
        guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let h = number(min: 1, max: 2), expect(UInt8(ascii: ":")),
              let m = number(min: 1, max: 2), expect(UInt8(ascii: ":")),
              let s = number(min: 1, max: 2), h < 24, m < 60, s < 60 else { return nil }
        t.hour = h; t.minute = m; t.second = s
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            var frac = 0
            while i < n && isDigit(b[i]) {
                if digits < 9 { frac = frac * 10 + Int(b[i] - 48); digits += 1 }
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { frac *= 10 }
            t.nanos = frac
        }
        if sep == UInt8(ascii: " ") { return i == n ? t : nil }
        guard i < n else { return nil }
        if b[i] == UInt8(ascii: "Z") {
            i += 1
            t.offsetSeconds = 0
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let negative = b[i] == UInt8(ascii: "-")
            i += 1
            guard let oh = number(min: 2, max: 2), expect(UInt8(ascii: ":")), let om = number(min: 2, max: 2) else { return nil }
            t.offsetSeconds = (negative ? -1 : 1) * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        return i == n ? t : nil
    }

    public static func parse(_ s: String) -> Timestamp? {
        var s = s
        return s.withUTF8 { parse($0) }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// RFC 3339 with nanoseconds, as Go's time.Time marshals to JSON.
    public var rfc3339: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        var out = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if nanos > 0 {
            var frac = pad(nanos, 9)
            while frac.last == "0" { frac.removeLast() }
            out += "." + frac
        }
        let off = offsetSeconds ?? 0
        if off == 0 {
            out += "Z"
        } else {
            let a = abs(off)
            out += (off < 0 ? "-" : "+") + pad(a / 3600, 2) + ":" + pad((a % 3600) / 60, 2)
        }
        return out
    }
}
