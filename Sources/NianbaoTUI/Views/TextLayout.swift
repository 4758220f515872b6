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
        let width = max(2, width)
        var lines: [Line] = []
        var start = 0
        var used = 0
        var i = 0
        while i < chars.count {
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
        lines.append(Line(start: start, end: chars.count, hardBreak: false))
        return lines
    }

    /// Punctuation that must not start a line (Chinese line breaking, 避头点).
    @inlinable
    public static func isClosing(_ c: Character) -> Bool {
        switch c {
        case "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’", "】", "〕", "〉", "…", "·",
             ",", ".", ";", ":", "?", "!", ")": true
        default: false
        }
    }

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
        var lo = 0
        for (i, line) in lines.enumerated() where line.start <= caret { lo = i }
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

/// A text section split into characters and soft-wrapped lines.
struct WrappedText {
    let chars: [Character]
    let lines: [TextLayout.Line]

    init(_ text: String, width: Int) {
        let chars = Graphemes.split(text)
        self.chars = chars
        lines = TextLayout.lines(chars, width: width)
    }

    /// Characters in the section, not counting line breaks.
    var characterCount: Int { chars.reduce(0) { $0 + (TextLayout.isBreak($1) ? 0 : 1) } }
}
