/// Token serialization shared by the JCS and pretty canonical writers (RFC 8785 §3.2.2).
enum JSONTokenWriting {
    private static let hexLower = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal, escaping only `"`, `\` and C0 controls (short forms where JCS uses them).
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22:
                out.append(0x5C); out.append(0x22)
            case 0x5C:
                out.append(0x5C); out.append(0x5C)
            case 0x08:
                out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x09:
                out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x0A:
                out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0C:
                out.append(0x5C); out.append(UInt8(ascii: "f"))
            case 0x0D:
                out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x00..<0x20:
                out.append(0x5C); out.append(UInt8(ascii: "u"))
                out.append(UInt8(ascii: "0")); out.append(UInt8(ascii: "0"))
                out.append(hexLower[Int(byte >> 4)]); out.append(hexLower[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// Appends the ECMAScript serialization of a number.
    static func appendNumber(_ n: JSONNumber, to out: inout [UInt8]) {
        out.append(contentsOf: n.canonicalText.utf8)
    }

    /// Appends `null`, `true` or `false`, or returns false for other values.
    static func appendLiteral(_ v: JSONValue, to out: inout [UInt8]) -> Bool {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(true): out.append(contentsOf: "true".utf8)
        case .bool(false): out.append(contentsOf: "false".utf8)
        default: return false
        }
        return true
    }

    /// The members sorted by key as arrays of UTF-16 code units (RFC 8785 §3.2.3).
    static func sortedMembers(_ object: JSONObject) -> [(key: String, value: JSONValue)] {
        let members = object.members
        var sorted = true
        var k = 1
        while k < members.count {
            if !keyPrecedes(members[k - 1].key, members[k].key) {
                sorted = false
                break
            }
            k += 1
        }
        if sorted { return members }
        return members.sorted { keyPrecedes($0.key, $1.key) }
    }

    /// UTF-16 code unit order, the JCS key order.
    @inline(__always)
    static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
