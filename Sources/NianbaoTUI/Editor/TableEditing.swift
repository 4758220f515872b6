import NianbaoCore

extension EditorState {
    /// Finishes the cell being typed into; false (with a message) when its text is not a valid value.
    mutating func commitEdit() -> Bool {
        guard let edit = cellEdit else { return true }
        let kind = report.definition.cells[edit.cell].kind
        switch CellInput.value(of: edit.buffer, kind: kind) {
        case .failure(let refusal):
            message = StatusMessage(text: refusal.message, isError: true)
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
        switch action {
        case .insert(let ch):
            typeIntoCell(ch)
        case .paste(let text):
            guard let cell = editableCursorCell() else { return }
            let kind = report.definition.cells[cell].kind
            switch CellInput.accept(text, into: cellEdit?.buffer ?? "", kind: kind) {
            case .success(let b): cellEdit = CellEdit(cell: cell, buffer: b)
            case .failure(let r): message = StatusMessage(text: r.message, isError: true)
            }
        case .deleteBackward, .deleteForward, .clearCell:
            if var edit = cellEdit, case .deleteBackward = action {
                if !edit.buffer.isEmpty { edit.buffer.removeLast() }
                cellEdit = edit
                return
            }
            cellEdit = nil
            guard let cell = editableCursorCell() else { return }
            if !report.cells[cell].isEmpty {
                pushUndo()
                report.cells[cell] = .empty
                var ignored: [Effect] = []
                edited(effects: &ignored)
                message = StatusMessage(text: "已清空此格。", isError: false)
            }
        case .cancel:
            if cellEdit != nil {
                cellEdit = nil
                message = StatusMessage(text: "已取消输入。", isError: false)
            }
        case .beginEdit:
            guard let cell = editableCursorCell() else { return }
            cellEdit = CellEdit(cell: cell, buffer: report.cells[cell].description)
        case .activate, .newline:
            guard commitEdit() else { return }
            c.row = min(model.dataRows.count - 1, c.row + 1)
        case .move(let d):
            guard commitEdit() else { return }
            switch d {
            case .up: c.row = max(0, c.row - 1)
            case .down: c.row = min(model.dataRows.count - 1, c.row + 1)
            case .left: c.column = max(0, c.column - 1)
            case .right: c.column += 1
            }
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
        default:
            break
        }
        let columns = model.dataRows[c.row].cells.count
        c.column = max(0, min(columns - 1, c.column))
        tableCursors[table] = c
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

    mutating func typeIntoCell(_ ch: Character) {
        guard let cell = editableCursorCell() else { return }
        let kind = report.definition.cells[cell].kind
        let buffer = cellEdit?.cell == cell ? cellEdit!.buffer : ""
        switch CellInput.accept(ch, into: buffer, kind: kind) {
        case .success(let b): cellEdit = CellEdit(cell: cell, buffer: b)
        case .failure(let r): message = StatusMessage(text: r.message, isError: true)
        }
    }
}
