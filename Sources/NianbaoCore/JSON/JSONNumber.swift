/// A JSON number that keeps its exact source text next to its binary64 value.
///
/// Every `JSONNumber` is a valid RFC 8259 number literal with a finite binary64 value,
/// so the canonical writers never fail. Equality compares the binary64 values
/// (`1.0 == 1`, `-0 == 0`), matching what RFC 8785 serializes.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The number literal exactly as written in the source (or as generated).
    public let text: String
    /// The nearest binary64 value of ``text`` (always finite).
    public let double: Double
    /// The value of an integer literal, when the parser has already worked it out.
    private let parsedInteger: Int64?

    /// Trusted initializer used by the parser after validating the grammar and range;
    /// `integer` is the literal's value when it is an integer literal that fits in `Int64`.
    init(validatedText text: String, double: Double, integer: Int64? = nil) {
        self.text = text
        self.double = double
        self.parsedInteger = integer
    }

    /// A number from literal text; nil if the text is not an RFC 8259 number or is out of binary64 range.
    public init?(text: String) {
        guard JSONNumber.isValidLiteral(text.utf8), let d = Double(text), d.isFinite else { return nil }
        self.text = text
        self.double = d
        self.parsedInteger = nil
    }

    /// An integer number. Values beyond ±2^53 are kept in ``text`` but canonicalize to their binary64 rounding.
    public init(_ value: Int64) {
        self.text = String(value)
        self.double = Double(value)
        self.parsedInteger = value
    }

    /// An integer number from `Int`.
    public init(_ value: Int) {
        self.init(Int64(value))
    }

    /// A number from a binary64 value, written in ECMAScript form; nil for NaN and ±Infinity.
    public init?(_ value: Double) {
        guard let text = ES6NumberFormat.string(value) else { return nil }
        self.text = text
        self.double = value
        self.parsedInteger = nil
    }

    /// The value as `Int64` if ``text`` is an integer literal (no fraction or exponent) in range.
    public var int64: Int64? {
        if let parsedInteger { return parsedInteger }
        for byte in text.utf8 where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            return nil
        }
        return Int64(text)
    }

    /// The RFC 8785 / ECMAScript serialization of the value (e.g. `1e+30`, `4.5`, `0`).
    public var canonicalText: String {
        if let i = int64, i.magnitude <= 1 << 53 {
            return String(i)
        }
        return ES6NumberFormat.string(double) ?? "0"
    }

    /// The source text.
    public var description: String {
        text
    }

    /// Equality of the binary64 values.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.double == rhs.double
    }

    /// True if `utf8` matches `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isValidLiteral(_ utf8: some Collection<UInt8>) -> Bool {
        var it = utf8.makeIterator()
        var c = it.next()
        func isDigit(_ b: UInt8?) -> Bool {
            guard let b else { return false }
            return b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
        }
        if c == UInt8(ascii: "-") { c = it.next() }
        if c == UInt8(ascii: "0") {
            c = it.next()
        } else if isDigit(c) {
            repeat { c = it.next() } while isDigit(c)
        } else {
            return false
        }
        if c == UInt8(ascii: ".") {
            c = it.next()
            guard isDigit(c) else { return false }
            repeat { c = it.next() } while isDigit(c)
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            c = it.next()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
            guard isDigit(c) else { return false }
            repeat { c = it.next() } while isDigit(c)
        }
        return c == nil
    }
}
