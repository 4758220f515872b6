/// An exact decimal amount (万元), held as an integer count of 10⁻ˢ units — never binary floating point.
///
/// Values are normalised: trailing fractional zeros are dropped, so `3194.7520` and
/// `3194.752` are the same amount with the same canonical text.
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value times 10^scale.
    public let units: Int64
    /// Number of decimal places actually needed (0…maxScale).
    public let scale: Int

    /// Most decimal places the parser accepts at all; the form allows four.
    public static let maxScale = 12
    /// Decimal places the form allows for 万元 amounts.
    public static let formScale = 4
    /// Largest absolute value accepted (10¹² 万元), so every sum stays exact.
    public static let maxMagnitude: Int64 = 1_000_000_000_000

    public static let zero = Amount(normalizing: 0, scale: 0)

    /// Builds an amount from units and scale, dropping trailing zeros.
    public init(normalizing units: Int64, scale: Int) {
        var u = units
        var s = scale
        while s > 0, u % 10 == 0 {
            u /= 10
            s -= 1
        }
        self.units = u
        self.scale = s
    }

    /// An integer amount.
    public init(integer: Int64) { self.init(normalizing: integer, scale: 0) }

    /// Parses canonical decimal text: optional `-`, ASCII digits, optional `.` and digits.
    /// Returns nil for anything else (grouping, exponents, `+`, empty parts, too many digits).
    public init?(_ text: some StringProtocol) {
        var negative = false
        var units: Int64 = 0
        var scale = 0
        var seenDot = false
        var digits = 0
        var intDigits = 0
        var iterator = text.utf8.makeIterator()
        var first = true
        while let byte = iterator.next() {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "."):
                guard !seenDot, intDigits > 0 else { return nil }
                seenDot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if seenDot { scale += 1 } else { intDigits += 1 }
                guard digits <= 18, scale <= Amount.maxScale else { return nil }
                units = units * 10 + Int64(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
        }
        guard intDigits > 0, !seenDot || scale > 0 else { return nil }
        if negative { units = -units }
        let amount = Amount(normalizing: units, scale: scale)
        guard amount.magnitudeIsWithinLimit else { return nil }
        self = amount
    }

    /// True when |value| ≤ `maxMagnitude`.
    public var magnitudeIsWithinLimit: Bool {
        let limit = Amount.pow10(scale).multipliedReportingOverflow(by: Amount.maxMagnitude)
        return limit.overflow || units.magnitude <= limit.partialValue.magnitude
    }

    /// Canonical text: no grouping, no exponent, no trailing zeros, `-` only when negative.
    public var description: String {
        if scale == 0 { return String(units) }
        let magnitude = units.magnitude
        let divisor = UInt64(Amount.pow10(scale))
        let whole = magnitude / divisor
        var frac = String(magnitude % divisor)
        frac = String(repeating: "0", count: scale - frac.count) + frac
        return (units < 0 ? "-" : "") + String(whole) + "." + frac
    }

    /// Text with thousands separators for display, e.g. `3,194.752`.
    public var grouped: String {
        // Built from the digits directly: messages of a batch check format many of these.
        let magnitude = units.magnitude
        let divisor = UInt64(Amount.pow10(scale))
        var whole = magnitude / divisor
        var frac = magnitude % divisor
        var reversed: [UInt8] = []
        reversed.reserveCapacity(32)
        for _ in 0..<scale {
            reversed.append(UInt8(ascii: "0") + UInt8(frac % 10))
            frac /= 10
        }
        if scale > 0 { reversed.append(UInt8(ascii: ".")) }
        var digits = 0
        repeat {
            if digits > 0, digits % 3 == 0 { reversed.append(UInt8(ascii: ",")) }
            reversed.append(UInt8(ascii: "0") + UInt8(whole % 10))
            whole /= 10
            digits += 1
        } while whole > 0
        if units < 0 { reversed.append(UInt8(ascii: "-")) }
        // Reversed in place: `String(decoding:)` of a `ReversedCollection` asks the runtime for
        // contiguous storage with a dynamic cast, which showed in a batch check.
        reversed.reverse()
        return String(decoding: reversed, as: UTF8.self)
    }

    /// Sum of two amounts, exact; nil on overflow.
    public func adding(_ other: Amount) -> Amount? {
        let s = max(scale, other.scale)
        guard let a = rescaled(to: s), let b = other.rescaled(to: s) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : Amount(normalizing: sum, scale: s)
    }

    /// Units at a larger scale, nil on overflow.
    public func rescaled(to newScale: Int) -> Int64? {
        let (v, overflow) = units.multipliedReportingOverflow(by: Amount.pow10(newScale - scale))
        return overflow ? nil : v
    }

    public var isNegative: Bool { units < 0 }
    public var isZero: Bool { units == 0 }

    public static func < (a: Amount, b: Amount) -> Bool {
        let s = max(a.scale, b.scale)
        if let x = a.rescaled(to: s), let y = b.rescaled(to: s) { return x < y }
        return a.units < b.units
    }

    @usableFromInline
    static func pow10(_ n: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<max(0, n) { r &*= 10 }
        return r
    }
}
