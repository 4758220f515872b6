/// Literal conveniences so tests and defaults can write JSON values inline.
extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `nil` is JSON `null`.
    public init(nilLiteral: ()) {
        self = .null
    }

    /// A boolean literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// An integer literal.
    public init(integerLiteral value: Int64) {
        self = .number(JSONNumber(value))
    }

    /// A string literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// A dictionary literal, kept in written order (later duplicates replace earlier ones).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}
