/// ECMAScript `Number.prototype.toString()` for binary64 values, as RFC 8785 §3.2.2.3 requires.
///
/// Takes the shortest round-trip digits from Swift's `Double.description` and lays them
/// out by the ECMA-262 §6.1.6.1.20 rules: plain digits up to 21 integer digits, `0.000ddd`
/// down to 1e-6, otherwise `d.ddde±x`; `-0` is written `0`.
public enum ES6NumberFormat {
    /// The ECMAScript string for `value`, or nil for NaN and ±Infinity.
    public static func string(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        let (digits, n) = shortestDigits(value.magnitude)
        let k = digits.count
        var out: [UInt8] = []
        out.reserveCapacity(k + 8)
        if value < 0 { out.append(UInt8(ascii: "-")) }
        if k <= n && n <= 21 {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            out.append(contentsOf: digits[0..<n])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: digits)
        } else {
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            out.append(UInt8(ascii: "e"))
            let e = n - 1
            out.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            out.append(contentsOf: String(e.magnitude).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Shortest round-trip decimal digits `d1…dk` (no leading or trailing zeros) and exponent `n`
    /// with value = 0.d1…dk × 10^n, for a finite positive value.
    static func shortestDigits(_ positive: Double) -> (digits: [UInt8], exponent: Int) {
        // Swift's description is the shortest round-trip form, e.g. "1.2345e-07", "100.0", "0.001".
        let text = positive.description.utf8
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for c in text {
            if inExponent {
                if c == UInt8(ascii: "-") {
                    exponentSign = -1
                } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                    exponent = exponent * 10 + Int(c - UInt8(ascii: "0"))
                }
            } else if c == UInt8(ascii: ".") {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                inExponent = true
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits.append(c)
                if !seenPoint { integerDigits += 1 }
            }
        }
        var n = integerDigits + exponentSign * exponent
        var leading = 0
        while leading < digits.count && digits[leading] == UInt8(ascii: "0") {
            leading += 1
        }
        n -= leading
        var trailing = digits.count
        while trailing > leading && digits[trailing - 1] == UInt8(ascii: "0") {
            trailing -= 1
        }
        return (Array(digits[leading..<trailing]), n)
    }
}
