import NianbaoCore

extension EditorState {
    /// Adjusts scroll offsets so the cursor, caret and selected finding are on screen.
    mutating func keepInView() {
        let count = findings.count
        findingIndex = max(0, min(findingIndex, count - 1))
        let fh = layout.findingsHeight
        if findingIndex < findingsTop { findingsTop = findingIndex }
        if findingIndex >= findingsTop + fh { findingsTop = findingIndex - fh + 1 }
        findingsTop = max(0, min(findingsTop, max(0, count - fh)))
        if focus == .work, dialog == nil { findingsTop = 0 }
        if let table = currentTable {
            let model = TableModel.of(table, form: report.form)
            let c = cursor(in: table)
            let (top, left) = TableView.scroll(model: model, cursor: c, top: tableTop[table] ?? 0,
                                               left: tableLeft[table] ?? 0, layout: layout)
            tableTop[table] = top
            tableLeft[table] = left
        } else {
            // Only the lines up to the caret matter: the top line ends up at or above it.
            let li = TextLayout.caretLine(in: report.text(section), caret: textCarets[section] ?? 0, width: layout.wrapWidth)
            let h = TextView.bodyHeight(layout)
            var top = textTop[section] ?? 0
            if li < top { top = li }
            if li >= top + h { top = li - h + 1 }
            textTop[section] = max(0, top)
        }
    }
}
