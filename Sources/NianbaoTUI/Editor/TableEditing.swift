import NianbaoCore

extension EditorState {
    /// Finishes the cell being typed into; false (with a message) when its text is not a valid value.
    ///
    /// A refused entry stays open: nothing that moves away, saves or quits can drop it silently.
    mutating func commitEdit() -> Bool {
        guard let edit = cellEdit else { return true }
        let kind = report.definition.cells[edit.cell].kind
        switch CellInput.value(of: edit.buffer, kind: kind) {
        case .failure(let refusal):
            cellEdit?.refusal = refusal
            message = StatusMessage(text: "未填入：\(refusal.message)（改正后按 Enter，或按 Esc 取消）", isError: true)
            return false
        case .success(let value):
            cellEdit = nil
            if report.cells[edit.cell] != value {
                pushUndo()
                report.cells[edit.cell] = value
                var ignored: [Effect] = []
                edited(effects: &ignored)
            }
            return true
        }
    }

    mutating func tableAction(_ action: EditorAction) {
        guard let table = currentTable else { return }
        let model = TableModel.of(table, form: report.form)
        var c = cursor(in: table)
        var keepSelection = false
        switch action {
        case .insert(let ch):
            typeIntoCell(ch)
            return
        case .paste(let text):
            pasteBlock(text)
            return
        case .deleteBackward, .deleteForward, .clearCell:
            if var edit = cellEdit, case .deleteBackward = action {
                if !edit.buffer.isEmpty { edit.buffer.removeLast() }
                edit.refusal = CellInput.problem(in: edit.buffer, kind: report.definition.cells[edit.cell].kind)
                cellEdit = edit
                return
            }
            cellEdit = nil
            if selectionAnchor != nil { return clearSelection() }
            guard let cell = editableCursorCell() else { return }
            if !report.cells[cell].isEmpty {
                pushUndo()
                report.cells[cell] = .empty
                var ignored: [Effect] = []
                edited(effects: &ignored)
                message = StatusMessage(text: "已清空此格。", isError: false)
            }
            return
        case .cancel:
            if cellEdit != nil {
                cellEdit = nil
                message = StatusMessage(text: "已取消输入。", isError: false)
            } else if selectionAnchor != nil {
                selectionAnchor = nil
            }
            return
        case .beginEdit:
            guard let cell = editableCursorCell() else { return }
            cellEdit = CellEdit(cell: cell, buffer: report.cells[cell].description)
            return
        case .activate, .newline:
            guard commitEdit() else { return }
            if c.row == model.dataRows.count - 1 {
                message = StatusMessage(text: "已是本表最后一行。按 F4 到下一节，或按 Ctrl-N 查看问题。", isError: false)
            }
            c.row = min(model.dataRows.count - 1, c.row + 1)
            c.column = min(c.column, model.dataRows[c.row].cells.count - 1)
        case .nextCell(let forward):
            guard commitEdit() else { return }
            if let next = model.inputCell(after: c, forward: forward, in: report.definition) {
                c = next
            } else {
                message = StatusMessage(text: forward ? "已是本表最后一个可填写的格。" : "已是本表第一个可填写的格。",
                                        isError: false)
            }
        case .move(let d):
            guard commitEdit() else { return }
            c = model.moved(c, d)
        case .extendSelection(let d):
            guard commitEdit() else { return }
            if selectionAnchor == nil { selectionAnchor = c }
            c = model.moved(c, d)
            keepSelection = true
        case .home:
            guard commitEdit() else { return }
            c.column = 0
        case .end:
            guard commitEdit() else { return }
            c.column = Int.max
        case .pageUp:
            guard commitEdit() else { return }
            c.row = max(0, c.row - max(1, layout.workHeight - 3))
        case .pageDown:
            guard commitEdit() else { return }
            c.row = min(model.dataRows.count - 1, c.row + max(1, layout.workHeight - 3))
        case .fillZero(let scope):
            guard commitEdit() else { return }
            fillZero(scope)
            return
        case .fillDown, .fillRight:
            guard commitEdit() else { return }
            fillAlong(down: { if case .fillDown = action { true } else { false } }())
            return
        case .selectAll:
            guard commitEdit() else { return }
            selectionAnchor = TableCursor(row: 0, column: 0)
            c = TableCursor(row: model.dataRows.count - 1, column: model.dataRows[model.dataRows.count - 1].cells.count - 1)
            keepSelection = true
            message = StatusMessage(text: "已选中全表：Ctrl-W 复制，Ctrl-O 填 0，Del 清空。", isError: false)
        case .documentStart:
            guard commitEdit() else { return }
            c = firstInputCell(of: table)
        case .documentEnd:
            guard commitEdit() else { return }
            c = TableCursor(row: model.dataRows.count - 1, column: 0)
        default:
            return
        }
        let columns = model.dataRows[c.row].cells.count
        c.column = max(0, min(columns - 1, c.column))
        tableCursors[table] = c
        if !keepSelection { selectionAnchor = nil }
    }

    /// The cursor cell when it may be edited; otherwise sets a message and returns nil.
    mutating func editableCursorCell() -> Int? {
        guard let cell = cursorCell else { return nil }
        if mode == .view {
            message = StatusMessage(text: Self.readOnlyMessage, isError: true)
            return nil
        }
        if report.definition.cells[cell].isComputed {
            message = StatusMessage(text: "合计由系统自动计算，不能直接填写。", isError: true)
            return nil
        }
        return cell
    }

    /// Types a character into the cursor cell; a refused character stays in the entry, marked.
    mutating func typeIntoCell(_ ch: Character) {
        guard let cell = editableCursorCell() else { return }
        selectionAnchor = nil
        let kind = report.definition.cells[cell].kind
        let buffer = cellEdit?.cell == cell ? cellEdit!.buffer : ""
        let next = CellInput.typing(ch, into: buffer)
        cellEdit = CellEdit(cell: cell, buffer: next, refusal: CellInput.problem(in: next, kind: kind))
    }

    /// The first input cell of a table (top-left, skipping computed cells).
    func firstInputCell(of table: TableID) -> TableCursor {
        let model = TableModel.of(table, form: report.form)
        let start = TableCursor(row: 0, column: 0)
        if let cell = model.cell(at: start), !report.definition.cells[cell].isComputed { return start }
        return model.inputCell(after: start, forward: true, in: report.definition) ?? start
    }
}

extension TableModel {
    /// The cell index at a position, if any.
    func cell(at p: TableCursor) -> Int? {
        guard p.row >= 0, p.row < dataRows.count, p.column >= 0, p.column < dataRows[p.row].cells.count else { return nil }
        return dataRows[p.row].cells[p.column]
    }

    /// The next (or previous) input cell in reading order: along the row, then the next row's first.
    func inputCell(after p: TableCursor, forward: Bool, in definition: FormDefinition) -> TableCursor? {
        var r = p.row, col = p.column
        while true {
            col += forward ? 1 : -1
            if col >= dataRows[r].cells.count {
                r += 1
                guard r < dataRows.count else { return nil }
                col = 0
            } else if col < 0 {
                r -= 1
                guard r >= 0 else { return nil }
                col = dataRows[r].cells.count - 1
            }
            if let cell = dataRows[r].cells[col], !definition.cells[cell].isComputed {
                return TableCursor(row: r, column: col)
            }
        }
    }

    /// The cursor one step in a direction, kept inside the table.
    func moved(_ p: TableCursor, _ d: Direction) -> TableCursor {
        var c = p
        switch d {
        case .up: c.row = max(0, c.row - 1)
        case .down: c.row = min(dataRows.count - 1, c.row + 1)
        case .left: c.column = max(0, c.column - 1)
        case .right: c.column += 1
        }
        c.column = max(0, min(dataRows[c.row].cells.count - 1, c.column))
        return c
    }
}
