import NianbaoCore

/// Draws a text section: soft-wrapped lines, caret as the hardware cursor.
enum TextView {
    /// Lines of text the working pane shows.
    static func bodyHeight(_ layout: ScreenLayout) -> Int { max(1, layout.workHeight) }

    /// Draws the section from its text, wrapped once for the frame.
    static func draw(_ state: EditorState, _ wrapped: WrappedText, into grid: inout ScreenGrid) -> (column: Int, row: Int)? {
        let layout = state.layout
        let chars = wrapped.chars
        let lines = wrapped.lines
        let caret = state.caret(in: state.section, wrapped)
        let caretLine = TextLayout.lineIndex(of: caret, in: lines)
        let height = bodyHeight(layout)
        var top = min(state.textTop[state.section] ?? 0, max(0, lines.count - height))
        if caretLine < top { top = caretLine }
        if caretLine >= top + height { top = caretLine - height + 1 }
        if chars.isEmpty {
            let hint = state.mode == .view ? "（未填写）" : "（在此输入正文；可粘贴整段文字。）"
            grid.put(hint, row: layout.workTop, column: 1, role: .status)
        }
        let spans = state.highlightedSpans(in: state.section, chars)
        for i in 0..<height where top + i < lines.count {
            let line = lines[top + i]
            let row = layout.workTop + i
            grid.put(chars[line.start..<line.end], row: row, column: 1, maxWidth: layout.columns - 1, role: .normal)
            // Text a finding points at is drawn again over the line in the problem role.
            for span in spans where span.lowerBound < line.end && span.upperBound > line.start {
                let from = max(span.lowerBound, line.start), to = min(span.upperBound, line.end)
                let x = 1 + TextLayout.column(of: from, in: line, chars: chars)
                grid.put(chars[from..<to], row: row, column: x, maxWidth: layout.columns - x, role: .problem)
            }
        }
        guard state.focus == .work else { return nil }
        let column = 1 + TextLayout.column(of: caret, in: lines[caretLine], chars: chars)
        return (min(column, layout.columns - 1), layout.workTop + caretLine - top)
    }
}
