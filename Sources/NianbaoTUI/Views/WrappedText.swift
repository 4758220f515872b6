#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoCore

/// A text section split into characters and soft-wrapped lines.
///
/// The editor keeps the shown section's layout between keystrokes (`EditorState.textLayout`):
/// an edit wraps again only the paragraphs it touches and shifts the lines of the others, and a
/// frame reuses the layout when it is the layout of the text and width on screen.
struct WrappedText: Sendable {
    /// The text this is the layout of.
    private(set) var text: String
    private(set) var chars: [Character]
    private(set) var lines: [TextLayout.Line]
    /// The width wrapped at.
    let width: Int
    /// Line breaks in the text.
    private(set) var breaks: Int

    init(_ text: String, width: Int) {
        let chars = Graphemes.split(text)
        self.text = text
        self.chars = chars
        self.width = width
        lines = TextLayout.lines(chars, width: width)
        breaks = lines.reduce(0) { $0 + ($1.hardBreak ? 1 : 0) }
    }

    /// Characters in the section, not counting line breaks.
    var characterCount: Int { chars.count - breaks }

    /// True when this is the layout of `other` at `width`: the same bytes, not just canonically
    /// equivalent text (String's `==` compares CJK text slowly, by canonical equivalence).
    func isLayout(of other: String, width: Int) -> Bool {
        guard width == self.width, text.utf8.count == other.utf8.count else { return false }
        let same = text.utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y in
                x.isEmpty || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
        if let same, let same { return same }
        return text.utf8.elementsEqual(other.utf8)
    }

    /// Replaces the characters in `range` with `inserted`, wrapping again only the paragraphs
    /// the edit touches.
    ///
    /// Returns how many characters the text has fewer than `inserted` and the rest would make
    /// when they join up with their neighbours into one grapheme (a combining mark typed after a
    /// letter): usually 0. Then the whole text is split and wrapped again.
    @discardableResult
    mutating func replace(_ range: Range<Int>, with inserted: [Character]) -> Int {
        let range = range.clamped(to: 0..<chars.count)
        guard joinsCleanly(range, inserted) else {
            var edited = chars
            edited.replaceSubrange(range, with: inserted)
            let naive = edited.count
            self = WrappedText(String(edited), width: width)
            return naive - chars.count
        }
        // The paragraphs the edit touches: from the break before it to the break after it.
        var start = range.lowerBound
        while start > 0, !TextLayout.isBreak(chars[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < chars.count, !TextLayout.isBreak(chars[end]) { end += 1 }
        let firstLine = TextLayout.lineIndex(of: start, in: lines)
        let lastLine = TextLayout.lineIndex(of: end, in: lines)

        var lowerByte = 0
        for i in 0..<range.lowerBound { lowerByte += chars[i].utf8.count }
        var upperByte = lowerByte
        var removedBreaks = 0
        for i in range {
            upperByte += chars[i].utf8.count
            if TextLayout.isBreak(chars[i]) { removedBreaks += 1 }
        }
        text = Self.splice(text, bytes: lowerByte..<upperByte, with: String(inserted))
        breaks += inserted.reduce(0) { $0 + (TextLayout.isBreak($1) ? 1 : 0) } - removedBreaks

        chars.replaceSubrange(range, with: inserted)
        let delta = inserted.count - range.count
        let newEnd = end + delta
        var fresh = TextLayout.lines(chars, in: start..<newEnd, width: width)
        if newEnd < chars.count, let last = fresh.last {
            // The region stops at the break that ends its last paragraph.
            fresh[fresh.count - 1] = TextLayout.Line(start: last.start, end: last.end, hardBreak: true)
        }
        if delta != 0 {
            for i in (lastLine + 1)..<lines.count {
                let l = lines[i]
                lines[i] = TextLayout.Line(start: l.start + delta, end: l.end + delta, hardBreak: l.hardBreak)
            }
        }
        lines.replaceSubrange(firstLine...lastLine, with: fresh)
        return 0
    }

    /// True when no character of the edit can join a neighbour into one grapheme: each is one
    /// scalar of the kinds `Graphemes` knows always stand alone (so the characters stay as they are).
    private func joinsCleanly(_ range: Range<Int>, _ inserted: [Character]) -> Bool {
        func alone(_ c: Character) -> Bool {
            let scalars = c.unicodeScalars
            guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
            return Graphemes.standsAlone(first.value)
        }
        if range.lowerBound > 0, !alone(chars[range.lowerBound - 1]) { return false }
        if range.upperBound < chars.count, !alone(chars[range.upperBound]) { return false }
        return inserted.allSatisfy(alone)
    }

    /// `text` with the UTF-8 bytes in `bytes` replaced by `replacement`.
    private static func splice(_ text: String, bytes: Range<Int>, with replacement: String) -> String {
        var old = text, new = replacement
        return old.withUTF8 { o in
            new.withUTF8 { r in
                String(unsafeUninitializedCapacity: o.count - bytes.count + r.count) { buffer in
                    var n = 0
                    for part in [UnsafeBufferPointer(rebasing: o[0..<bytes.lowerBound]), r,
                                 UnsafeBufferPointer(rebasing: o[bytes.upperBound...])] {
                        if let from = part.baseAddress, let to = buffer.baseAddress, !part.isEmpty {
                            (to + n).initialize(from: from, count: part.count)
                            n += part.count
                        }
                    }
                    return n
                }
            }
        }
    }
}

/// The layout of one text section, kept in the editor state for the next action and frame.
struct SectionTextLayout: Sendable {
    let section: SectionID
    var wrapped: WrappedText
}
