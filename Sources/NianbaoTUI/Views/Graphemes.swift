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
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            let scalar = scalars[i]
            let next = scalars.index(after: i)
            if standsAlone(scalar.value), next == end || standsAlone(scalars[next].value) {
                result.append(Character(scalar))
                i = next
            } else {
                // `i` is always a character boundary: the start, or the end of the previous character.
                let after = text.index(after: i)
                result.append(text[i])
                i = after
            }
        }
        return result
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
