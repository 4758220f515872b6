/// Pretty canonical form (PCF): JCS tokens with fixed whitespace, the on-disk format.
///
/// Sorted keys (UTF-16 order), 2-space indent, `"key": value`, one member or element per
/// line, `{}`/`[]` when empty, LF line ends and exactly one final LF. Removing all
/// whitespace outside string literals gives exactly the ``JCSWriter`` bytes.
public enum PrettyCanonicalWriter {
    /// The PCF bytes of `value`, ending in one LF.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(value, indent: 0, to: &out)
        out.append(0x0A)
        return out
    }

    /// The PCF of `value` as a string.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    private static func newline(indent: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .null, .bool:
            _ = JSONTokenWriting.appendLiteral(value, to: &out)
        case .number(let n):
            JSONTokenWriting.appendNumber(n, to: &out)
        case .string(let s):
            JSONTokenWriting.appendString(s, to: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (n, element) in elements.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent: indent + 2, to: &out)
                write(element, indent: indent + 2, to: &out)
            }
            newline(indent: indent, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (n, member) in JSONTokenWriting.sortedMembers(object).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent: indent + 2, to: &out)
                JSONTokenWriting.appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                write(member.value, indent: indent + 2, to: &out)
            }
            newline(indent: indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}
