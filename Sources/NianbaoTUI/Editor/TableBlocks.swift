import NianbaoCore

/// A rectangle of table positions: data rows and column indices within each row.
public struct CellBlock: Sendable, Hashable {
    public var rows: ClosedRange<Int>
    public var columns: ClosedRange<Int>

    /// True when the position is inside.
    public func contains(_ p: TableCursor) -> Bool { rows.contains(p.row) && columns.contains(p.column) }
}

extension EditorState {
    /// The selected block of the current table (anchor to cursor), when a selection is active.
    public var selection: CellBlock? {
        guard let anchor = selectionAnchor, let t = currentTable else { return nil }
        let c = cursor(in: t)
        return CellBlock(rows: min(anchor.row, c.row)...max(anchor.row, c.row),
                         columns: min(anchor.column, c.column)...max(anchor.column, c.column))
    }

    /// Every position of a block that holds a cell, in reading order.
    func positions(in block: CellBlock, of model: TableModel) -> [(TableCursor, Int)] {
        var out: [(TableCursor, Int)] = []
        for r in block.rows where r < model.dataRows.count {
            let cells = model.dataRows[r].cells
            for col in block.columns where col < cells.count {
                if let cell = cells[col] { out.append((TableCursor(row: r, column: col), cell)) }
            }
        }
        return out
    }

    /// Applies a set of cell changes as one undo step; returns how many cells changed.
    @discardableResult
    mutating func applyCells(_ changes: [(Int, CellValue)]) -> Int {
        let real = changes.filter { report.cells[$0.0] != $0.1 }
        guard !real.isEmpty else { return 0 }
        pushUndo()
        for (cell, value) in real { report.cells[cell] = value }
        var ignored: [Effect] = []
        edited(effects: &ignored)
        return real.count
    }

    /// Del / Backspace over a selection: clears every input cell in it (one undo step).
    mutating func clearSelection() {
        guard mode == .edit else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
        guard let t = currentTable, let block = selection else { return }
        let model = TableModel.of(t, form: report.form)
        let cells = positions(in: block, of: model).map(\.1).filter { !report.definition.cells[$0].isComputed }
        let n = applyCells(cells.map { ($0, CellValue.empty) })
        message = StatusMessage(text: "已清空选区中 \(n) 格。", isError: false)
    }

    // MARK: Fill

    /// Sets every blank input cell of the scope to 0 (one undo step); nil scope asks which.
    mutating func fillZero(_ scope: FillScope?) {
        guard mode == .edit else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
        guard let t = currentTable else { return }
        guard let scope else { dialog = .fillZero; return }
        let model = TableModel.of(t, form: report.form)
        let c = cursor(in: t)
        let block: CellBlock
        let name: String
        switch scope {
        case .row:
            block = CellBlock(rows: c.row...c.row, columns: 0...max(0, model.dataRows[c.row].cells.count - 1))
            name = "本行"
        case .column:
            block = CellBlock(rows: 0...(model.dataRows.count - 1), columns: c.column...c.column)
            name = "本列"
        case .selection:
            guard let s = selection else {
                message = StatusMessage(text: "没有选区：先按 Shift-方向键选择一块单元格。", isError: true)
                return
            }
            block = s
            name = "选区"
        case .table:
            block = CellBlock(rows: 0...(model.dataRows.count - 1), columns: 0...(model.maxColumns - 1))
            name = "全表"
        }
        let blanks = positions(in: block, of: model).map(\.1).filter {
            !report.definition.cells[$0].isComputed && report.cells[$0].isEmpty
        }
        let zero: (Int) -> CellValue = { [definition = report.definition] cell in
            definition.cells[cell].kind == .amount ? .amount(.zero) : .count(0)
        }
        let n = applyCells(blanks.map { ($0, zero($0)) })
        message = StatusMessage(text: n == 0 ? "\(name)没有空白的可填写格。" : "已把\(name) \(n) 个空白格填为 0。",
                                isError: false)
    }

    /// Fill down (right): the first row (column) of the selection is copied into the rest of it;
    /// without a selection the cell above (left of) the cursor is copied into the cursor cell.
    mutating func fillAlong(down: Bool) {
        guard mode == .edit else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
        guard let t = currentTable else { return }
        let model = TableModel.of(t, form: report.form)
        let c = cursor(in: t)
        let block = selection ?? (down
            ? CellBlock(rows: max(0, c.row - 1)...c.row, columns: c.column...c.column)
            : CellBlock(rows: c.row...c.row, columns: max(0, c.column - 1)...c.column))
        var changes: [(Int, CellValue)] = []
        var computed = 0
        for (p, cell) in positions(in: block, of: model) {
            let source = down ? TableCursor(row: block.rows.lowerBound, column: p.column)
                : TableCursor(row: p.row, column: block.columns.lowerBound)
            guard source != p, let from = model.cell(at: source) else { continue }
            if report.definition.cells[cell].isComputed { computed += 1; continue }
            changes.append((cell, convert(report.cells[from], to: report.definition.cells[cell].kind)))
        }
        let n = applyCells(changes)
        let what = down ? "向下填充" : "向右填充"
        message = StatusMessage(text: "\(what)：写入 \(n) 格" + (computed > 0 ? "，跳过 \(computed) 个合计格。" : "。"),
                                isError: false)
    }

    /// A value made fit for a cell kind (a count copied into an amount cell becomes an amount).
    func convert(_ value: CellValue, to kind: CellKind) -> CellValue {
        switch (value, kind) {
        case (.count(let n), .amount): return .amount(Amount(integer: n))
        case (.amount(let a), .count), (.amount(let a), .signedCount):
            if let n = a.rescaled(to: 0), Amount(integer: n) == a { return .count(n) }
            return .empty
        case (.count(let n), .count) where n < 0: return .empty
        default: return value
        }
    }

    // MARK: Paste

    /// Pastes text at the cursor: one value types into the cell (or fills the selection),
    /// a block lands cell by cell, skipping totals; one undo step and a one-line summary.
    mutating func pasteBlock(_ text: String) {
        guard mode == .edit else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
        guard let t = currentTable else { return }
        let model = TableModel.of(t, form: report.form)
        let rows = PastedTable.parse(text)
        let values = rows.flatMap { $0 }
        // A single value while typing joins the entry, as typed characters would.
        if values.count == 1, let edit = cellEdit {
            var buffer = edit.buffer
            for ch in values[0] { buffer = CellInput.typing(ch, into: buffer) }
            let kind = report.definition.cells[edit.cell].kind
            cellEdit = CellEdit(cell: edit.cell, buffer: buffer, refusal: CellInput.problem(in: buffer, kind: kind))
            return
        }
        guard commitEdit() else { return }
        guard !values.isEmpty else { message = StatusMessage(text: "粘贴的内容是空的。", isError: false); return }
        var summary = PasteSummary(rows: rows.count, columns: rows.map(\.count).max() ?? 0)
        var changes: [(Int, CellValue)] = []
        if values.count == 1, let block = selection {
            for (_, cell) in positions(in: block, of: model) {
                let def = report.definition.cells[cell]
                if def.isComputed { summary.computed += 1; continue }
                switch PastedTable.value(values[0], kind: def.kind) {
                case .success(let v): changes.append((cell, v)); summary.written += 1
                case .failure: summary.unrecognised += 1
                }
            }
        } else {
            let anchor = selection.map { TableCursor(row: $0.rows.lowerBound, column: $0.columns.lowerBound) } ?? cursor(in: t)
            // Only where one printed row is shown as several (table 四's blocks, side by side in print)
            // does a long pasted row flow on; elsewhere the block is clipped to the row, as in a spreadsheet.
            let rowsFlowOn = report.definition.table(t).layout == .blocksSideBySide
            var row = anchor.row
            for pasted in rows {
                guard row < model.dataRows.count else { summary.outside += pasted.count; continue }
                var cells = pasted[...]
                // The row's own label copied with it, or a header line, is not data.
                if let first = cells.first, PastedTable.isLabel(first) {
                    if cells.allSatisfy(PastedTable.isLabel) { summary.headers += 1; continue }
                    if PastedTable.label(first, matches: model.dataRows[row].row.label) {
                        cells = cells.dropFirst()
                    }
                }
                var col = anchor.column
                var lastRow = row
                for value in cells {
                    if col >= model.dataRows[lastRow].cells.count {
                        guard rowsFlowOn else { summary.outside += 1; continue }
                        // A long row (table 四 printed as fifteen numbers) flows on to the next rows.
                        lastRow += 1
                        col = 0
                        guard lastRow < model.dataRows.count else { summary.outside += 1; continue }
                    }
                    defer { col += 1 }
                    guard let cell = model.dataRows[lastRow].cells[col] else { summary.outside += 1; continue }
                    let def = report.definition.cells[cell]
                    if def.isComputed { summary.computed += 1; continue }
                    switch PastedTable.value(value, kind: def.kind) {
                    case .success(let v): changes.append((cell, v)); summary.written += 1
                    case .failure: summary.unrecognised += 1
                    }
                }
                row = lastRow + 1
            }
        }
        applyCells(changes)
        cellEdit = nil
        message = StatusMessage(text: summary.text, isError: summary.unrecognised > 0)
    }
}

/// What a paste did, for its one-line summary.
struct PasteSummary {
    var rows: Int
    var columns: Int
    var written = 0
    var computed = 0
    var unrecognised = 0
    var outside = 0
    var headers = 0

    var text: String {
        var parts = ["写入 \(written) 格", "跳过 \(computed) 个合计格", "\(unrecognised) 个无法识别"]
        if outside > 0 { parts.append("\(outside) 个超出表格") }
        if headers > 0 { parts.append("跳过 \(headers) 行标题") }
        return "粘贴 \(columns)×\(rows)：" + parts.joined(separator: "，") + (written > 0 ? "（可按 Ctrl-U 一次撤销）" : "")
    }
}
