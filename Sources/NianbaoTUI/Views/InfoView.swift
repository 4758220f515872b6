import NianbaoCore

/// Draws the report's details page (Alt-I): one line a field, the preface wrapped over the rest.
enum InfoView {
    static let labelWidth = 11

    static func draw(_ state: EditorState, _ form: InfoForm, into grid: inout ScreenGrid) -> (column: Int, row: Int)? {
        let layout = state.layout
        let readOnly = state.mode == .view
        var row = layout.titleRow
        let bottom = layout.messageRow
        grid.putTruncated(readOnly ? "报告信息（只读）" : "报告信息：机关、年度、格式、范围、前言和落款", row: row, column: 0,
                          width: layout.columns, role: .title)
        row += 1
        let width = max(4, layout.columns - labelWidth - 1)
        // The preface and, for a draft made by `nianbao sum`, the list of its units share the
        // rows the one-line fields leave; neither takes more than half when both are long.
        let free = max(1, bottom - row - (InfoForm.labels.count - 1))
        let unitLines = state.summedUnitLines(width: width, rows: free)
        var prefaceRoom = free
        var unitRoom = 0
        if !unitLines.isEmpty {
            let prefaceNeed = max(1, TextWrap.lines(form.values[InfoForm.preface], width: width).count)
            unitRoom = prefaceNeed + unitLines.count <= free ? unitLines.count
                : max(1, min(unitLines.count, free - min(prefaceNeed, free / 2)))
            prefaceRoom = max(1, free - unitRoom)
        }
        var cursor: (column: Int, row: Int)?
        for (i, label) in InfoForm.labels.enumerated() where row < bottom {
            let selected = i == form.selected
            let role: StyleRole = selected ? .findingSelected : .normal
            var value = form.values[i]
            if InfoForm.isChoice(i) { value = i == InfoForm.form ? "\(value) 版（←→ 切换）" : "\(value)（←→ 切换）" }
            var lines = i == InfoForm.preface ? TextWrap.lines(value, width: width) : [value]
            if lines.isEmpty { lines = [""] }
            let room = i == InfoForm.preface ? prefaceRoom : 1
            // The selected preface shows its end, where typing goes; otherwise its start.
            let shown = lines.count <= room ? lines
                : selected ? Array(lines.suffix(room)) : Array(lines.prefix(room - 1)) + ["……（共 \(lines.count) 行）"]
            for (j, line) in shown.enumerated() where row < bottom {
                grid.fill(row: row, role: role)
                if j == 0 { grid.put(label, row: row, column: 0, maxWidth: labelWidth - 1, role: selected ? .findingSelected : .label) }
                let used = grid.putTruncated(i == InfoForm.preface || i == InfoForm.agency || i == InfoForm.signOffAgency
                                             ? line : ScreenGrid.truncate(line, to: width),
                                             row: row, column: labelWidth, width: width, role: role)
                if selected, j == shown.count - 1, !InfoForm.isChoice(i), !readOnly {
                    cursor = (min(layout.columns - 1, labelWidth + used), row)
                }
                row += 1
            }
        }
        if unitRoom > 0 {
            for (j, line) in state.summedUnitLines(width: width, rows: unitRoom).enumerated() where row < bottom {
                grid.fill(row: row, role: .normal)
                if j == 0 { grid.put("汇总单位", row: row, column: 0, maxWidth: labelWidth - 1, role: .label) }
                grid.putTruncated(line, row: row, column: labelWidth, width: width, role: .normal)
                row += 1
            }
        }
        let hint = readOnly ? "↑↓ 选择    Esc 关闭"
            : "↑↓/Tab 选择  输入即修改  Enter 下一项（前言中换行）  Ctrl-S 确定  Esc 取消"
        if let m = state.message {
            grid.putTruncated(m.text, row: layout.messageRow, column: 0, width: layout.columns,
                              role: m.isError ? .messageError : .messageInfo)
        } else {
            grid.putTruncated(hint, row: layout.messageRow, column: 0, width: layout.columns, role: .messageInfo)
        }
        return cursor
    }
}
