import NianbaoCore

extension EditorState {
    mutating func textAction(_ action: EditorAction) {
        let sec = section
        // The layout kept from the last action: an edit wraps again only its paragraph.
        var wrapped = wrappedText(sec)
        let chars = wrapped.chars
        var caret = min(textCarets[sec] ?? 0, chars.count)
        let lines = wrapped.lines
        let li = TextLayout.lineIndex(of: caret, in: lines)
        var keepColumn = false
        func moveVertically(by delta: Int) {
            let target = max(0, min(lines.count - 1, li + delta))
            let col = preferredColumn ?? TextLayout.column(of: caret, in: lines[li], chars: chars)
            preferredColumn = col
            keepColumn = true
            if target == li {
                caret = delta < 0 ? 0 : chars.count
            } else {
                caret = TextLayout.offset(atColumn: col, in: lines[target], chars: chars, isLast: target == lines.count - 1)
            }
        }
        switch action {
        case .insert, .paste, .newline, .deleteBackward, .deleteForward, .clearCell, .activate:
            guard mode == .edit else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
            var inserted: [Character] = []
            var kind = TextEditKind.insert
            var alone = false
            switch action {
            case .insert(let c): inserted = [c]
            case .newline, .activate: inserted = ["\n"]; alone = true
            case .paste(let text): inserted = Array(Self.normalisePaste(text)); alone = true
            case .deleteBackward:
                guard caret > 0 else { return }
                kind = .delete
            case .deleteForward:
                guard caret < chars.count else { return }
                kind = .delete
            default: return
            }
            if alone || lastTextEdit != kind { pushUndo(caret: caret) }
            lastTextEdit = alone ? nil : kind
            let range: Range<Int>
            switch action {
            case .deleteBackward:
                range = (caret - 1)..<caret
                caret -= 1
            case .deleteForward:
                range = caret..<(caret + 1)
            default:
                range = caret..<caret
                caret += inserted.count
            }
            // Graphemes that the edit joined up (a combining mark after a letter) count once.
            let joined = wrapped.replace(range, with: inserted)
            caret = min(caret - joined, wrapped.chars.count)
            report.texts[sec] = wrapped.text
            textLayout = SectionTextLayout(section: sec, wrapped: wrapped)
            var ignored: [Effect] = []
            edited(effects: &ignored)
        case .move(.left):
            caret = max(0, caret - 1)
            lastTextEdit = nil
        case .move(.right):
            caret = min(chars.count, caret + 1)
            lastTextEdit = nil
        case .move(.up): moveVertically(by: -1); lastTextEdit = nil
        case .move(.down): moveVertically(by: 1); lastTextEdit = nil
        case .pageUp: moveVertically(by: -max(1, layout.workHeight - 1)); lastTextEdit = nil
        case .pageDown: moveVertically(by: max(1, layout.workHeight - 1)); lastTextEdit = nil
        case .home:
            caret = lines[li].start
            lastTextEdit = nil
        case .end:
            let line = lines[li]
            caret = (line.hardBreak || li == lines.count - 1) ? line.end : max(line.start, line.end - 1)
            lastTextEdit = nil
        case .wordLeft:
            caret = Self.wordBoundary(before: caret, in: chars)
            lastTextEdit = nil
        case .wordRight:
            caret = Self.wordBoundary(after: caret, in: chars)
            lastTextEdit = nil
        case .lineStart:
            while caret > 0, !TextLayout.isBreak(chars[caret - 1]) { caret -= 1 }
            lastTextEdit = nil
        case .lineEnd:
            while caret < chars.count, !TextLayout.isBreak(chars[caret]) { caret += 1 }
            lastTextEdit = nil
        case .documentStart:
            caret = 0
            lastTextEdit = nil
        case .documentEnd:
            caret = chars.count
            lastTextEdit = nil
        case .killToLineEnd, .joinLines:
            guard mode == .edit else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
            var end = caret
            while end < chars.count, !TextLayout.isBreak(chars[end]) { end += 1 }
            let range: Range<Int>
            var insert: [Character] = []
            if case .killToLineEnd = action {
                // At the end of a line, Ctrl-K removes the line break (joins the next line).
                range = end > caret ? caret..<end : caret..<min(chars.count, caret + 1)
            } else {
                guard end < chars.count else { message = StatusMessage(text: "已是最后一行，没有可合并的下一行。", isError: false); return }
                // Text from a PDF: lines joined without a space between Chinese characters, with
                // one between Latin words; spaces around the break are dropped.
                var a = end, b = end + 1
                while a > 0, chars[a - 1] == " " { a -= 1 }
                while b < chars.count, chars[b] == " " { b += 1 }
                range = a..<b
                if a > 0, b < chars.count, Self.isLatin(chars[a - 1]), Self.isLatin(chars[b]) { insert = [" "] }
                caret = a + insert.count
            }
            guard !range.isEmpty else { return }
            pushUndo(caret: textCarets[sec] ?? 0)
            lastTextEdit = nil
            wrapped.replace(range, with: insert)
            caret = min(caret, wrapped.chars.count)
            report.texts[sec] = wrapped.text
            textLayout = SectionTextLayout(section: sec, wrapped: wrapped)
            var ignored: [Effect] = []
            edited(effects: &ignored)
            message = StatusMessage(text: action.isKill ? "已删除到行尾（Ctrl-U 撤销）。" : "已合并下一行（Ctrl-U 撤销）。",
                                    isError: false)
        case .cancel, .beginEdit:
            break
        default:
            break
        }
        if !keepColumn { preferredColumn = nil }
        textCarets[sec] = caret
    }

    /// The kind of character for word motion: spaces, punctuation, Latin letters and digits, CJK.
    static func wordClass(_ c: Character) -> Int {
        if c == " " || c == "\u{3000}" || TextLayout.isBreak(c) { return 0 }
        if c.isPunctuation || c.isSymbol { return 1 }
        if isLatin(c) { return 2 }
        return 3
    }

    static func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// Start of the word after the caret (a Chinese phrase runs to the next punctuation).
    static func wordBoundary(after caret: Int, in chars: [Character]) -> Int {
        var i = caret
        guard i < chars.count else { return chars.count }
        let k = wordClass(chars[i])
        while i < chars.count, wordClass(chars[i]) == k, k != 0 { i += 1 }
        if k == 0 || i == caret { i = max(i, caret + 1) }
        while i < chars.count, wordClass(chars[i]) == 0 { i += 1 }
        return min(i, chars.count)
    }

    /// Start of the word before the caret.
    static func wordBoundary(before caret: Int, in chars: [Character]) -> Int {
        var i = min(caret, chars.count)
        while i > 0, wordClass(chars[i - 1]) == 0 { i -= 1 }
        guard i > 0 else { return 0 }
        let k = wordClass(chars[i - 1])
        while i > 0, wordClass(chars[i - 1]) == k { i -= 1 }
        return i
    }

    /// Pasted text with Windows and old-Mac line ends turned into `\n`.
    static func normalisePaste(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\r\n" || c == "\r" { out.append("\n") } else { out.append(c) }
        }
        return out
    }
}
