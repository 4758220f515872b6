/// Cuts the written bytes of a report made of markers into fixed pieces and holes, for the
/// templates that write (`DigestTemplate`) and read (`CanonicalReportReader`) reports without a
/// `JSONValue` tree.
///
/// A marker is a string token `"\u0001n\u0002"` (hole `string(n)`) or a number token of at least
/// `numberBase - 1` (hole `number(value)`); every other byte is fixed.
enum MarkerTemplate {
    static func cut<Slot>(_ bytes: [UInt8], numberBase: Int64, string: (Int) -> Slot, number: (Int64) -> Slot)
        -> (pieces: [[UInt8]], slots: [Slot], tail: [UInt8]) {
        var pieces: [[UInt8]] = [], slots: [Slot] = []
        var piece: [UInt8] = []
        let prefix = Array("\\u0001".utf8), suffix = Array("\\u0002".utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x22 {
                var end = i + 1
                while bytes[end] != 0x22 { end += bytes[end] == 0x5C ? 2 : 1 }
                let token = Array(bytes[(i + 1)..<end])
                if token.count > 12, Array(token.prefix(6)) == prefix, Array(token.suffix(6)) == suffix,
                   let n = Int(String(decoding: token.dropFirst(6).dropLast(6), as: UTF8.self)) {
                    pieces.append(piece)
                    slots.append(string(n))
                    piece = []
                } else {
                    piece += bytes[i...end]
                }
                i = end + 1
            } else if (0x30...0x39).contains(byte) || byte == 0x2D {
                var end = i
                while end < bytes.count, (0x30...0x39).contains(bytes[end]) || bytes[end] == 0x2D { end += 1 }
                let n = Int64(String(decoding: bytes[i..<end], as: UTF8.self)) ?? -1
                if n >= numberBase - 1 {
                    pieces.append(piece)
                    slots.append(number(n))
                    piece = []
                } else {
                    piece += bytes[i..<end]
                }
                i = end
            } else {
                piece.append(byte)
                i += 1
            }
        }
        return (pieces, slots, piece)
    }
}
