import NianbaoCore

/// Renders an editor state into a frame for a terminal size; pure, never crashes for any size.
public enum Renderer {
    /// The frame for `state` at its layout's size.
    public static func render(_ state: EditorState) -> Frame {
        let layout = state.layout
        var grid = ScreenGrid(columns: layout.columns, rows: layout.rows)
        if layout.tooSmall {
            drawTooSmall(layout, into: &grid)
            return Frame(grid: grid, cursor: nil)
        }
        drawHeader(state, into: &grid)
        drawNavigator(state, into: &grid)
        var cursor: (column: Int, row: Int)?
        if case .help(let top) = state.dialog {
            drawHelp(top: top, layout: layout, into: &grid)
        } else {
            grid.putTruncated(state.sectionDefinition.title, row: layout.titleRow, column: 0,
                              width: layout.columns, role: .title)
            var wrapped: WrappedText?
            if let table = state.currentTable {
                cursor = TableView.draw(state, table: table, into: &grid)
            } else {
                // Wrapped once per frame: the pane and the status line both need it.
                let text = WrappedText(state.report.text(state.section), width: layout.wrapWidth)
                cursor = TextView.draw(state, text, into: &grid)
                wrapped = text
            }
            drawStatus(state, wrapped, into: &grid)
            drawFindings(state, into: &grid)
        }
        drawMessage(state, into: &grid)
        KeyBar.draw(state, into: &grid)
        if let dialog = state.dialog, !isHelp(dialog) {
            cursor = drawDialog(dialog, layout: layout, into: &grid)
        }
        if isHelp(state.dialog) { cursor = nil }
        return Frame(grid: grid, cursor: cursor)
    }

    static func isHelp(_ d: Dialog?) -> Bool { if case .help = d { true } else { false } }

    /// A message naming the size needed, shortened until it fits.
    static func drawTooSmall(_ layout: ScreenLayout, into grid: inout ScreenGrid) {
        let need = "\(ScreenLayout.minimumColumns)x\(ScreenLayout.minimumRows)"
        let candidates = [
            "终端太小：至少需要 \(need)，当前 \(layout.columns)x\(layout.rows)。请放大窗口。",
            "终端太小，至少需要 \(need)", "需要 \(need)", need,
        ]
        let text = candidates.first { ScreenGrid.cellWidth(of: $0) <= layout.columns } ?? need
        guard layout.rows > 0 else { return }
        grid.put(text, row: layout.rows / 2, column: 0, maxWidth: layout.columns, role: .messageError)
    }

    static func drawHeader(_ state: EditorState, into grid: inout ScreenGrid) {
        let r = state.report
        let body = ["年报", r.agency.isEmpty ? "（未填机关名称）" : r.agency, "\(r.year) 年度", r.form.displayName,
                    state.fileName].joinedText(separator: " | ")
        let markers = [state.dirty ? "[已修改]" : nil, state.mode == .view ? "| [只读]" : nil]
            .compactMap { $0 }.joinedText(separator: " ")
        let columns = state.layout.columns
        grid.fill(row: 0, role: .header)
        // The markers always stay visible: a long agency or file name is cut with … instead.
        // Agency names come from files: `put` escapes control characters visibly.
        let markerWidth = markers.isEmpty ? 0 : ScreenGrid.cellWidth(of: markers) + 1
        let bodyWidth = min(ScreenGrid.cellWidth(of: body), max(0, columns - 1 - markerWidth))
        let x = 1 + grid.putTruncated(body, row: 0, column: 1, width: bodyWidth, role: .header)
        if !markers.isEmpty, x + 1 < columns {
            grid.putTruncated(markers, row: 0, column: x + 1, width: columns - x - 1, role: .header)
        }
    }

    static func drawNavigator(_ state: EditorState, into grid: inout ScreenGrid) {
        let layout = state.layout
        let sections = state.report.definition.sections
        let width = layout.columns / sections.count
        grid.fill(row: layout.navRow, role: .nav)
        for (i, s) in sections.enumerated() {
            let x = i * width
            let active = s.id == state.section
            let count = state.problemCount(s.id)
            let countText = count > 0 ? " \(count)" : ""
            let short = s.title.split(separator: "、", maxSplits: 1).last.map(String.init) ?? s.title
            let room = width - 1 - ScreenGrid.cellWidth(of: countText)
            let name = ScreenGrid.truncate(s.numeral + " " + short, to: room)
            let role: StyleRole = active ? .navActive : .nav
            grid.fill(row: layout.navRow, from: x, width: width - 1, role: role)
            let used = grid.put(name, row: layout.navRow, column: x, maxWidth: room, role: role)
            grid.put(countText, row: layout.navRow, column: x + used, maxWidth: width - 1 - used,
                     role: active ? .navActive : .navProblem)
        }
    }

    static func drawStatus(_ state: EditorState, _ wrapped: WrappedText?, into grid: inout ScreenGrid) {
        let layout = state.layout
        var text: String
        if state.currentTable != nil {
            if let cell = state.cursorCell {
                let def = state.report.definition.cells[cell]
                let note = def.isComputed ? "自动合计，只读" : def.kind.expectation
                text = "\(def.label)（\(note)）"
                if ScreenGrid.cellWidth(of: text) > layout.columns {
                    text = "\(def.rowLabel) › \(def.columnLabel)（\(note)）"
                }
            } else {
                text = ""
            }
        } else {
            let wrapped = wrapped ?? WrappedText(state.report.text(state.section), width: layout.wrapWidth)
            let li = TextLayout.lineIndex(of: state.caret(in: state.section, wrapped), in: wrapped.lines)
            text = "字数 \(wrapped.characterCount)    第 \(li + 1)/\(wrapped.lines.count) 行"
        }
        grid.putTruncated(text, row: layout.statusRow, column: 0, width: layout.columns, role: .status)
    }

    static func drawFindings(_ state: EditorState, into grid: inout ScreenGrid) {
        let layout = state.layout
        let list = state.orderedFindings
        var title = list.isEmpty ? "问题：没有发现问题" : "问题 \(list.count) 项："
        title += Severity.allCases.compactMap { s in
            let n = list.reduce(0) { $0 + ($1.severity == s ? 1 : 0) }
            return n > 0 ? "\(s.label) \(n)" : nil
        }.joinedText(separator: "，")
        if state.focus == .findings { title += "    [Enter 跳到问题，Tab 返回]" }
        grid.putTruncated(title, row: layout.findingsTitleRow, column: 0, width: layout.columns,
                          role: state.focus == .findings ? .navActive : .title)
        let here = state.cursorCell
        for i in 0..<layout.findingsHeight {
            let index = state.findingsTop + i
            guard index < list.count else { break }
            let f = list[index]
            let touches = here.map { f.involves(cell: $0) } ?? (state.currentTable == nil && f.section == state.section && f.cells.isEmpty)
            let line = (touches ? ">" : " ") + "\(f.severity.label) \(f.ruleID) \(f.message)"
            let role: StyleRole = state.focus == .findings && index == state.findingIndex ? .findingSelected
                : f.severity == .error ? .findingError : f.severity == .info ? .findingInfo : .findingWarning
            grid.putTruncated(line, row: layout.findingsTop + i, column: 0, width: layout.columns, role: role)
        }
    }

    static func drawMessage(_ state: EditorState, into grid: inout ScreenGrid) {
        let layout = state.layout
        if let m = state.message {
            grid.putTruncated(m.text, row: layout.messageRow, column: 0, width: layout.columns,
                              role: m.isError ? .messageError : .messageInfo)
        } else if state.cellEdit != nil {
            grid.putTruncated("输入中：Enter / Tab / 方向键 确认，Esc 取消", row: layout.messageRow, column: 0,
                              width: layout.columns, role: .messageInfo)
        }
    }

    static func drawHelp(top: Int, layout: ScreenLayout, into grid: inout ScreenGrid) {
        let height = layout.messageRow - layout.titleRow
        let lines = HelpText.lines
        let start = max(0, min(top, lines.count - height))
        for i in 0..<height {
            let row = layout.titleRow + i
            grid.fill(row: row, role: .normal)
            if start + i < lines.count {
                grid.put(lines[start + i], row: row, column: 1, maxWidth: layout.columns - 1,
                         role: start + i == 0 ? .title : .normal)
            }
        }
    }

    /// Draws a centred question box; returns where the cursor waits.
    static func drawDialog(_ dialog: Dialog, layout: ScreenLayout, into grid: inout ScreenGrid) -> (column: Int, row: Int)? {
        let lines: [String]
        switch dialog {
        case .confirmQuit: lines = ["文件已修改，退出前保存吗？", "", "Y 保存    N 不保存    Esc 取消"]
        case .confirmOverwrite: lines = ["文件在打开后已被其他程序修改。", "仍然保存（覆盖磁盘上的版本）吗？", "", "Y 覆盖保存    N 取消"]
        case .help: return nil
        }
        let width = min(layout.columns, max(40, (lines.map { ScreenGrid.cellWidth(of: $0) }.max() ?? 0) + 4))
        let x = (layout.columns - width) / 2
        let y0 = max(0, (layout.rows - lines.count - 2) / 2)
        for i in 0..<(lines.count + 2) where y0 + i < layout.rows {
            grid.fill(row: y0 + i, from: x, width: width, role: .dialog)
            if i > 0, i <= lines.count {
                grid.put(lines[i - 1], row: y0 + i, column: x + 2, maxWidth: width - 3, role: .dialog)
            }
        }
        return (x + 2, min(layout.rows - 1, y0 + lines.count))
    }
}
