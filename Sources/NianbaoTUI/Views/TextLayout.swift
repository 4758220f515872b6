/// Soft-wraps text by display width; a wide character is never split across lines.
public enum TextLayout {
    /// One visual line: character offsets `start..<end`, without the line break.
    public struct Line: Sendable, Hashable {
        public let start: Int
        public let end: Int
        /// True when the line ends at a hard line break (not a soft wrap).
        public let hardBreak: Bool
    }

    /// True for characters that end a paragraph (`\n` or `\r\n`).
    ///
    /// Compared by bytes: it runs for every character of a section on each frame, and
    /// `Character ==` goes through Unicode string comparison.
    @inlinable
    public static func isBreak(_ c: Character) -> Bool {
        let bytes = c.utf8
        switch bytes.count {
        case 1: return bytes.first == 0x0A
        case 2: return bytes.first == 0x0D && bytes.last == 0x0A
        default: return false
        }
    }

    /// The visual lines of `chars` wrapped at `width` cells.
    public static func lines(_ chars: [Character], width: Int) -> [Line] {
        lines(chars, in: 0..<chars.count, width: width)
    }

    /// The visual lines of `chars[range]` wrapped at `width` cells, as offsets into `chars`.
    ///
    /// `range` must start at the start of a paragraph; its last line ends at `range.upperBound`
    /// without a hard break. The lines of a whole text are those of its paragraphs, one by one.
    public static func lines(_ chars: [Character], in range: Range<Int>, width: Int) -> [Line] {
        let width = max(2, width)
        var lines: [Line] = []
        var start = range.lowerBound
        var used = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let c = chars[i]
            if isBreak(c) {
                lines.append(Line(start: start, end: i, hardBreak: true))
                i += 1
                start = i
                used = 0
                continue
            }
            let w = ScreenGrid.cellWidth(of: c)
            if used + w > width, i > start {
                if isClosing(c), i - 1 > start, !isBreak(chars[i - 1]) {
                    // Closing punctuation never starts a line: the character before it goes down too.
                    lines.append(Line(start: start, end: i - 1, hardBreak: false))
                    start = i - 1
                    used = ScreenGrid.cellWidth(of: chars[i - 1])
                    continue
                }
                lines.append(Line(start: start, end: i, hardBreak: false))
                start = i
                used = 0
                continue
            }
            used += w
            i += 1
        }
        lines.append(Line(start: start, end: range.upperBound, hardBreak: false))
        return lines
    }

    /// Punctuation that must not start a line (Chinese line breaking, 避头点).
    ///
    /// Compared by scalar value: `Character ==` against a list of literals goes through Unicode
    /// string comparison, and this runs for every character wrapped. U+037E, U+0387
    /// and U+232A are canonically equivalent to `;`, `·` and `〉`, as `Character ==` treats them.
    @inlinable
    public static func isClosing(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return switch first.value {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D, 0x300F, 0x201D, 0x2019,
             0x3011, 0x3015, 0x3009, 0x232A, 0x2026, 0x00B7, 0x0387,
             0x2C, 0x2E, 0x3B, 0x037E, 0x3A, 0x3F, 0x21, 0x29: true
        default: false
        }
    }

    /// The closing punctuation `isClosing` accepts, as written in the rule.
    static let closingCharacters: [Character] = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’",
                                                  "】", "〕", "〉", "…", "·", ",", ".", ";", ":", "?", "!", ")"]

    /// The visual line holding the caret, wrapping the text only as far as the caret
    /// (the same line as `lineIndex(of:in:)` over all of `lines`).
    public static func caretLine(in text: String, caret: Int, width: Int) -> Int {
        let width = max(2, width)
        var line = 0, start = 0, used = 0, i = 0, previousWidth = 0
        var characters = text.makeIterator()
        var next = characters.next()
        // One character past the caret: closing punctuation there takes the caret's character down.
        while let c = next, i <= caret + 1 {
            if isBreak(c) {
                i += 1
                if i <= caret { line += 1 }
                start = i
                used = 0
                next = characters.next()
                continue
            }
            let w = ScreenGrid.cellWidth(of: c)
            if used + w > width, i > start {
                if isClosing(c), i - 1 > start {
                    // As in `lines`: the character before closing punctuation goes down with it.
                    start = i - 1
                    used = previousWidth
                } else {
                    start = i
                    used = 0
                }
                guard start <= caret else { break }
                line += 1
                continue
            }
            used += w
            previousWidth = w
            i += 1
            next = characters.next()
        }
        return line
    }

    /// The visual line holding the caret.
    public static func lineIndex(of caret: Int, in lines: [Line]) -> Int {
        // Line starts increase strictly: the last line starting at or before the caret.
        var lo = 0, hi = lines.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lines[mid].start <= caret { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// Cells from the line start to `offset`.
    public static func column(of offset: Int, in line: Line, chars: [Character]) -> Int {
        var w = 0
        for i in line.start..<min(offset, line.end) { w += ScreenGrid.cellWidth(of: chars[i]) }
        return w
    }

    /// The offset in `line` closest to (not past) a screen column.
    public static func offset(atColumn column: Int, in line: Line, chars: [Character], isLast: Bool) -> Int {
        let last = (line.hardBreak || isLast) ? line.end : max(line.start, line.end - 1)
        var w = 0
        var i = line.start
        while i < last {
            let cw = ScreenGrid.cellWidth(of: chars[i])
            if w + cw > column { break }
            w += cw
            i += 1
        }
        return i
    }
}
