import NianbaoCore

extension EditorState {
    /// Adjusts scroll offsets so the cursor, caret and selected finding are on screen.
    mutating func keepInView() {
        let count = findings.count
        findingIndex = max(0, min(findingIndex, count - 1))
        let fh = layout.findingsHeight
        if focus == .findings {
            // Messages are wrapped: the selected one is shown whole, earlier ones scroll away.
            let list = orderedFindings
            let columns = layout.columns
            let height = { (i: Int) in Renderer.findingLines(list[i], touches: false, width: columns).count }
            if findingIndex < findingsTop { findingsTop = findingIndex }
            while findingsTop < findingIndex, (findingsTop...findingIndex).reduce(0, { $0 + height($1) }) > fh {
                findingsTop += 1
            }
            findingsTop = max(0, min(findingsTop, max(0, count - 1)))
        } else if dialog == nil {
            findingsTop = 0
        }
        if let table = currentTable {
            let model = TableModel.of(table, form: report.form)
            let c = cursor(in: table)
            let widths = TableView.columnWidths(model: model, report: report, layout: layout)
            let (top, left) = TableView.scroll(model: model, widths: widths, cursor: c, top: tableTop[table] ?? 0,
                                               left: tableLeft[table] ?? 0, layout: layout)
            tableTop[table] = top
            tableLeft[table] = left
        } else {
            let wrapped = wrappedText(section)
            let li = TextLayout.lineIndex(of: caret(in: section, wrapped), in: wrapped.lines)
            let h = TextView.bodyHeight(layout)
            var top = textTop[section] ?? 0
            if li < top { top = li }
            if li >= top + h { top = li - h + 1 }
            textTop[section] = max(0, top)
        }
    }
}
