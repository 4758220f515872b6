/// RFC 8785 JSON Canonicalization Scheme (JCS) serializer: no whitespace, sorted keys, ECMAScript numbers.
public enum JCSWriter {
    /// The canonical UTF-8 bytes of `value` (no trailing newline).
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, to: &out)
        return out
    }

    /// The canonical form of `value` as a string.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null, .bool:
            _ = JSONTokenWriting.appendLiteral(value, to: &out)
        case .number(let n):
            JSONTokenWriting.appendNumber(n, to: &out)
        case .string(let s):
            JSONTokenWriting.appendString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (n, element) in elements.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                write(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (n, member) in JSONTokenWriting.sortedMembers(object).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONTokenWriting.appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
