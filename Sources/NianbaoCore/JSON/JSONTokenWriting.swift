/// Token serialization shared by the JCS and pretty canonical writers (RFC 8785 §3.2.2).
enum JSONTokenWriting {
    private static let hexLower = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal, escaping only `"`, `\` and C0 controls (short forms where JCS uses them).
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            out.append(0x22)
            var runStart = 0
            var k = 0
            while k < bytes.count {
                let byte = bytes[k]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                    k += 1
                    continue
                }
                if runStart < k {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k]))
                }
                appendEscape(byte, to: &out)
                k += 1
                runStart = k
            }
            if runStart < k {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k]))
            }
            out.append(0x22)
        }
    }

    /// Appends the JCS escape for `"`, `\` or a C0 control byte.
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        switch byte {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        default:
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            out.append(hexLower[Int(byte >> 4)])
            out.append(hexLower[Int(byte & 0xF)])
        }
    }

    /// Appends the ECMAScript serialization of a number.
    static func appendNumber(_ n: JSONNumber, to out: inout [UInt8]) {
        var text = n.text
        let isShortInteger = text.withUTF8 { bytes in
            // An integer literal of at most 15 digits (other than -0) is already canonical.
            var k = 0
            if k < bytes.count, bytes[k] == UInt8(ascii: "-") { k += 1 }
            let digits = bytes.count - k
            guard digits >= 1, digits <= 15 else { return false }
            if bytes[k] == UInt8(ascii: "0") && k == 1 { return false }
            while k < bytes.count {
                guard bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9") else { return false }
                k += 1
            }
            return true
        }
        if isShortInteger {
            text.withUTF8 { out.append(contentsOf: $0) }
        } else {
            out.append(contentsOf: n.canonicalText.utf8)
        }
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
    ///
    /// Compares UTF-8 bytes, which agrees with UTF-16 order except where a supplementary
    /// scalar (lead byte F0–F4, a surrogate pair in UTF-16) meets U+E000–U+FFFF (lead EE/EF):
    /// there the supplementary scalar sorts first.
    static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = min(pa.count, pb.count)
                var k = 0
                while k < n {
                    let x = pa[k]
                    let y = pb[k]
                    if x != y {
                        if x >= 0xEE && y >= 0xEE && (x >= 0xF0) != (y >= 0xF0) {
                            return x >= 0xF0
                        }
                        return x < y
                    }
                    k += 1
                }
                return pa.count < pb.count
            }
        }
    }
}
