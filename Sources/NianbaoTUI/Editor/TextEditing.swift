import NianbaoCore

extension EditorState {
    mutating func textAction(_ action: EditorAction) {
        let sec = section
        let wrapped = WrappedText(report.text(sec), width: layout.wrapWidth)
        var chars = wrapped.chars
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
            switch action {
            case .deleteBackward:
                chars.remove(at: caret - 1)
                caret -= 1
            case .deleteForward:
                chars.remove(at: caret)
            default:
                chars.insert(contentsOf: inserted, at: caret)
                caret += inserted.count
            }
            // Recombine graphemes that an edit may have joined or split.
            let text = String(chars)
            let recount = Graphemes.count(text)
            caret = min(caret - (chars.count - recount), recount)
            report.texts[sec] = text
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
        case .cancel, .beginEdit:
            break
        default:
            break
        }
        if !keepColumn { preferredColumn = nil }
        textCarets[sec] = caret
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
