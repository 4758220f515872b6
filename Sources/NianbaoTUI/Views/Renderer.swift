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
        } else if case .notice(let title, let lines, let top) = state.dialog {
            drawPage(lines, title: title, top: top, layout: layout, into: &grid)
        } else if case .info(let form) = state.dialog {
            cursor = InfoView.draw(state, form, into: &grid)
        } else if case .confirmConversion(let form, let dropped) = state.dialog {
            let target = FormVersion(rawValue: form.values[InfoForm.form])?.displayName ?? form.values[InfoForm.form]
            drawPage(dropped + ["", "Y 转换（这些格将被清除，可用 Ctrl-U 撤销）    N 返回"],
                     title: "改为 \(target)格式后，下面 \(dropped.count) 格在新格式中没有对应的格：", top: 0,
                     layout: layout, into: &grid)
        } else {
            grid.putTruncated(state.sectionDefinition.title, row: layout.titleRow, column: 0,
                              width: layout.columns, role: .title)
            var wrapped: WrappedText?
            if let table = state.currentTable {
                cursor = TableView.draw(state, table: table, into: &grid)
            } else {
                // The layout kept from the last action (or made once for the frame): the pane and
                // the status line both need it.
                let text = state.wrappedText(state.section)
                cursor = TextView.draw(state, text, into: &grid)
                wrapped = text
            }
            let statusRows = drawStatus(state, wrapped, into: &grid)
            drawFindings(state, extraStatusRows: statusRows - 1, into: &grid)
        }
        if !isPage(state.dialog) { drawMessage(state, into: &grid) }
        KeyBar.draw(state, into: &grid)
        if let dialog = state.dialog, !isPage(dialog) {
            cursor = drawDialog(dialog, layout: layout, into: &grid)
        }
        if isPage(state.dialog), !{ if case .info = state.dialog { true } else { false } }() { cursor = nil }
        return Frame(grid: grid, cursor: cursor)
    }

    /// True for the full-screen pages (help, notices) that replace the working area.
    static func isPage(_ d: Dialog?) -> Bool {
        switch d {
        case .help, .notice, .info, .confirmConversion: true
        default: false
        }
    }

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

    /// The status block under the working pane, line by line with its role: the cursor cell's
    /// lines (`cellStatusLines`), then, in a draft made by `nianbao sum`, where the cell's sum
    /// comes from; in a text section the character and line count.
    static func statusLines(_ state: EditorState, _ wrapped: WrappedText?) -> [(text: String, role: StyleRole)] {
        let provenance = state.cursorCell.flatMap { state.provenanceLine(cell: $0) }
        let lines = cellStatusLines(state, wrapped, room: provenance == nil ? 3 : 2)
        let role: StyleRole = lines.count == 1 ? .status : .findingError
        return lines.map { ($0, role) } + (provenance.map { [($0, StyleRole.findingInfo)] } ?? [])
    }

    /// The cursor cell's label (and its value in full), or, when the cell takes part in a
    /// problem, that problem's whole message, wrapped to at most `room` lines.
    static func cellStatusLines(_ state: EditorState, _ wrapped: WrappedText?, room: Int) -> [String] {
        let layout = state.layout
        if state.currentTable != nil {
            guard let cell = state.cursorCell else { return [""] }
            let def = state.report.definition.cells[cell]
            let note = def.isComputed ? "自动合计，只读" : def.kind.expectation
            let value = state.report.cells[cell]
            let full = value.isEmpty ? "" : "＝\(value.displayText)"
            var text = "\(def.label)（\(note)）\(full)"
            if ScreenGrid.cellWidth(of: text) > layout.columns {
                text = "\(def.rowLabel) › \(def.columnLabel)（\(note)）\(full)"
            }
            if state.focus == .work, !state.report.review.notes.isEmpty {
                let notes = state.report.review.notes(onCell: def.ref.description)
                if let last = notes.last {
                    let line = state.noteLines(last).joinedText(separator: " ")
                    return [text, ScreenGrid.truncate((notes.count > 1 ? "（共 \(notes.count) 条）" : "") + line,
                                                      to: layout.columns - 1)]
                }
            }
            guard state.focus == .work, let f = state.findings.first(where: { $0.involves(cell: cell) }) else {
                return [text]
            }
            var message = "\(f.severity.label) \(f.ruleID)：\(f.message)"
            if let typo = state.likelyTypo(f), typo == cell {
                message += " 此格所在的行和列合计都对不上，可能填错。"
            } else if let typo = state.likelyTypo(f) {
                message += " 可能填错的格：\(state.report.definition.cells[typo].rowLabel) › \(state.report.definition.cells[typo].columnLabel)。"
            }
            let most = max(1, min(room, layout.findingsHeight - 1))
            let lines = TextWrap.lines(message, width: layout.columns - 1)
            if lines.count <= most { return lines }
            var cut = Array(lines.prefix(most))
            cut[most - 1] = ScreenGrid.truncate(cut[most - 1] + "……", to: layout.columns - 1)
            return cut
        }
        let wrapped = wrapped ?? state.wrappedText(state.section)
        let li = TextLayout.lineIndex(of: state.caret(in: state.section, wrapped), in: wrapped.lines)
        return ["字数 \(wrapped.characterCount)    第 \(li + 1)/\(wrapped.lines.count) 行"]
    }

    /// Draws the status block; returns how many rows it took.
    static func drawStatus(_ state: EditorState, _ wrapped: WrappedText?, into grid: inout ScreenGrid) -> Int {
        let layout = state.layout
        let lines = statusLines(state, wrapped)
        for (i, line) in lines.enumerated() {
            grid.putTruncated(line.text, row: layout.statusRow + i, column: 0, width: layout.columns, role: line.role)
        }
        return lines.count
    }

    /// A finding as wrapped screen lines, marker first; continuation lines indented.
    static func findingLines(_ f: Finding, touches: Bool, width: Int, dismissed: Bool = false) -> [String] {
        var text = (touches ? ">" : " ") + (dismissed ? "[误报] " : "") + "\(f.severity.label) \(f.ruleID) \(f.message)"
        if let quote = f.span?.quote, !f.message.contains(quote) { text += "「\(quote)」" }
        let lines = TextWrap.lines(text, width: max(4, width - 2))
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
    }

    static func drawFindings(_ state: EditorState, extraStatusRows: Int, into grid: inout ScreenGrid) {
        let layout = state.layout
        let list = state.orderedFindings
        // Notes are looked up only when the report has any (the common case costs nothing).
        let reviewed: [ReviewedFinding]? = state.report.review.notes.isEmpty ? nil : state.reviewedFindings
        let open = reviewed.map { r in list.indices.filter { r[$0].isOpen }.map { list[$0] } } ?? list
        var title = list.isEmpty ? "问题：没有发现问题" : "问题 \(open.count) 项："
        title += Severity.allCases.compactMap { s in
            let n = open.reduce(0) { $0 + ($1.severity == s ? 1 : 0) }
            return n > 0 ? "\(s.label) \(n)" : nil
        }.joinedText(separator: "，")
        if open.count < list.count { title += "（另 \(list.count - open.count) 项已标误报）" }
        if state.focus == .findings { title += "    [Enter 跳到该格，空格 展开，F6 返回]" }
        let titleRow = layout.findingsTitleRow + extraStatusRows
        grid.putTruncated(title, row: titleRow, column: 0, width: layout.columns,
                          role: state.focus == .findings ? .navActive : .title)
        let here = state.cursorCell
        func touches(_ f: Finding) -> Bool {
            here.map { f.involves(cell: $0) } ?? (state.currentTable == nil && f.section == state.section && f.cells.isEmpty)
        }
        // The list keeps its order; while editing it scrolls to the first problem of the cursor cell.
        let first = state.focus == .findings ? state.findingsTop : (list.firstIndex(where: touches) ?? 0)
        var row = titleRow + 1
        let bottom = layout.messageRow
        var index = first
        while row < bottom, index < list.count {
            let f = list[index]
            var lines = findingLines(f, touches: touches(f), width: layout.columns,
                                     dismissed: reviewed.map { !$0[index].isOpen } ?? false)
            if let noteIndex = reviewed?[index].noteIndex {
                for line in state.noteLines(noteIndex) {
                    lines += TextWrap.lines("  └ " + line, width: max(4, layout.columns - 2))
                }
            }
            let role: StyleRole = state.focus == .findings && index == state.findingIndex ? .findingSelected
                : f.severity == .error ? .findingError : f.severity == .info ? .findingInfo : .findingWarning
            for (i, line) in lines.enumerated() where row < bottom {
                // A message cut at the bottom of the pane ends in …; Space shows it whole.
                let cut = row == bottom - 1 && i < lines.count - 1
                let shown = cut ? ScreenGrid.truncate(line, to: layout.columns - 2) + "…" : line
                grid.putTruncated(shown, row: row, column: 0, width: layout.columns, role: role)
                row += 1
            }
            index += 1
        }
    }

    static func drawMessage(_ state: EditorState, into grid: inout ScreenGrid) {
        let layout = state.layout
        if let m = state.message {
            grid.putTruncated(m.text, row: layout.messageRow, column: 0, width: layout.columns,
                              role: m.isError ? .messageError : .messageInfo)
        } else if let refusal = state.cellEdit?.refusal {
            // Stays until the entry is fixed or cancelled.
            grid.putTruncated("未填入：\(refusal.message)（改正或按 Esc 取消）", row: layout.messageRow, column: 0,
                              width: layout.columns, role: .messageError)
        } else if state.cellEdit != nil {
            grid.putTruncated("输入中：Enter / Tab / 方向键 确认，Esc 取消", row: layout.messageRow, column: 0,
                              width: layout.columns, role: .messageInfo)
        } else if let block = state.selection {
            grid.putTruncated("选区 \(block.rows.count) 行 × \(block.columns.count) 列：Ctrl-W 复制  Ctrl-O 填 0  Ctrl-D 向下填充  Ctrl-T 向右填充  Del 清空",
                              row: layout.messageRow, column: 0, width: layout.columns, role: .messageInfo)
        }
    }

    /// The note dialog: what the note is about, the choice or the text typed so far.
    static func noteDialogLines(_ d: NoteDraft) -> [String] {
        let what: String
        switch d.purpose {
        case .verdict(let fp): what = "对问题 \(fp) 的审核意见"
        case .comment(let target):
            switch target {
            case .cells(let ids): what = "对单元格 \(ids.joinedText(separator: "、")) 的意见"
            case .row(let t, let r): what = "对 \(t.rawValue).\(r) 行的意见"
            case .text(let part): what = "对正文 \(part.id) 的意见"
            default: what = "对报告的意见"
            }
        case .reply(let i): what = "回复第 \(i + 1) 条意见"
        case .decision: what = "审核结论"
        }
        if d.askingName {
            return [what + "：请先写姓名（审核人或回复人）", "", "> " + d.text, "", "Enter 确定    Esc 取消"]
        }
        if d.needsStatus {
            if case .decision = d.purpose { return [what + "：", "", "1 退回（写明理由）    2 通过", "", "Esc 取消"] }
            return [what + "：", "", "1 已核实    2 已说明（写明原因）    3 误报（写明理由）", "", "Esc 取消"]
        }
        var label = ""
        if let s = d.status {
            label = (ReviewStatus(rawValue: s)?.label ?? ReviewDecision.Status(rawValue: s)?.label ?? s) + " "
        }
        return [what + "：" + label + "理由或内容：", "", "> " + d.text, "", "Enter 记录    Esc 取消"]
    }

    /// Draws a page of lines from `top` (help, notices); lines too wide end in `…`.
    static func drawPage(_ lines: [String], title: String?, top: Int, layout: ScreenLayout, into grid: inout ScreenGrid) {
        let height = layout.dialogPageHeight
        var row = layout.titleRow
        if let title {
            grid.putTruncated(title, row: row, column: 0, width: layout.columns, role: .title)
            row += 1
        }
        let pageHeight = height - (title == nil ? 0 : 1)
        let start = max(0, min(top, lines.count - pageHeight))
        for i in 0..<pageHeight {
            grid.fill(row: row + i, role: .normal)
            if start + i < lines.count {
                grid.putTruncated(lines[start + i], row: row + i, column: 1, width: layout.columns - 1,
                                  role: title == nil && start + i == 0 ? .title : .normal)
            }
        }
        let more = start + pageHeight < lines.count
        let where_ = "第 \(start + 1)–\(min(lines.count, start + pageHeight)) 行，共 \(lines.count) 行"
        grid.putTruncated(where_ + (more ? "  PgDn/空格 下一页" : "  （完）") + "  Esc 关闭", row: layout.messageRow,
                          column: 0, width: layout.columns, role: .messageInfo)
    }

    static func drawHelp(top: Int, layout: ScreenLayout, into grid: inout ScreenGrid) {
        drawPage(HelpText.lines(width: layout.columns - 1), title: nil, top: top, layout: layout, into: &grid)
    }

    /// Draws a centred question box; returns where the cursor waits.
    static func drawDialog(_ dialog: Dialog, layout: ScreenLayout, into grid: inout ScreenGrid) -> (column: Int, row: Int)? {
        let lines: [String]
        switch dialog {
        case .confirmQuit: lines = ["文件已修改，退出前保存吗？", "", "Y 保存    N 不保存    Esc 取消"]
        case .confirmOverwrite: lines = ["文件在打开后已被其他程序修改。", "仍然保存（覆盖磁盘上的版本）吗？", "", "Y 覆盖保存    N 取消"]
        case .fillZero: lines = ["把哪些空白格填为 0？（合计格不变）", "", "R 本行    C 本列    S 选区    T 全表    Esc 取消"]
        case .search(let query): lines = ["查找（行名、列名、问题或正文；“行 列”跳到单元格）：", "", "/ " + query, "", "Enter 查找    Esc 取消"]
        case .note(let d): lines = noteDialogLines(d)
        case .help, .notice, .info, .confirmConversion: return nil
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
        if case .search(let query) = dialog {
            return (min(layout.columns - 1, x + 4 + ScreenGrid.cellWidth(of: query)), min(layout.rows - 1, y0 + 3))
        }
        if case .note(let d) = dialog, !d.needsStatus || d.askingName {
            return (min(layout.columns - 1, x + 4 + ScreenGrid.cellWidth(of: d.text)), min(layout.rows - 1, y0 + 3))
        }
        return (x + 2, min(layout.rows - 1, y0 + lines.count))
    }
}
