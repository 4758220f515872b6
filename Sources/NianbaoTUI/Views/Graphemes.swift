/// Splits text into characters (extended grapheme clusters) without the general algorithm
/// where it is not needed.
///
/// A report's text is mostly CJK ideographs, CJK and full-width punctuation, ASCII and line
/// breaks. Between two such scalars there is always a grapheme boundary: none of them is a
/// combining mark, joiner, prepended mark, regional indicator or Hangul jamo, so rule GB999 of
/// UAX #29 (or GB4/GB5 for a line feed) applies. The standard library's `Character` iteration
/// works that out again for each of them and costs several times more; here it is only asked
/// where a scalar outside those ranges is involved.
enum Graphemes {
    /// The characters of `text`, the same as `Array(text)`.
    static func split(_ text: String) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(text.utf8.count / 3 + 1)
        // Characters made for the fast path, by scalar value modulo the table size: a section
        // repeats the same few hundred ideographs and marks, and making a `Character` costs
        // more than everything else done per character here.
        let slots = text.utf8.count > 1024 ? 1024 : 64
        var madeScalars = [UInt32](repeating: .max, count: slots)
        var made = [Character](repeating: " ", count: slots)
        walk(text) { offset, scalar in
            guard let value = scalar else {
                result.append(text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)])
                return
            }
            let slot = Int(value) & (slots - 1)
            if madeScalars[slot] != value {
                madeScalars[slot] = value
                made[slot] = Character(Unicode.Scalar(value)!)
            }
            result.append(made[slot])
        }
        return result
    }

    /// The number of characters in `text`, the same as `text.count`.
    static func count(_ text: String) -> Int {
        var count = 0
        walk(text) { _, _ in count += 1 }
        return count
    }

    /// Calls `body` for each character of `text`, in order, with its UTF-8 offset and, when it is
    /// a single scalar that stands alone, that scalar's value (nil: ask the standard library).
    @inline(__always)
    private static func walk(_ text: String, _ body: (_ offset: Int, _ scalar: UInt32?) -> Void) {
        var copy = text
        copy.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let (value, length) = decode(bytes, at: i)
                let next = i + length
                if standsAlone(value), next == n || standsAlone(decode(bytes, at: next).value) {
                    body(i, value)
                    i = next
                } else {
                    // `i` is always a character boundary: the start, or the end of the previous
                    // character. The standard library finds where this character ends.
                    body(i, nil)
                    let start = text.utf8.index(text.utf8.startIndex, offsetBy: i)
                    i = text.utf8.distance(from: text.utf8.startIndex, to: text.index(after: start))
                }
            }
        }
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// True for scalars that can never join a neighbour that also stands alone: printable
    /// ASCII, line feed, general punctuation (‘’“”…—), CJK symbols and punctuation (not the
    /// combining tone marks U+302A–U+302F), CJK ideographs and full-width forms.
    @inline(__always)
    static func standsAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0x0A: true
        case 0x2010...0x2027: true
        case 0x3000...0x3029, 0x3030...0x303F: true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        case 0xFF01...0xFF60: true
        default: false
        }
    }
}
