import NianbaoCore

/// Draws a table section from its `TableModel`: frozen label column, header hierarchy, scrolled columns.
enum TableView {
    /// Scroll offsets (first content line, first column) that keep the cursor cell visible.
    static func scroll(model: TableModel, cursor: TableCursor, top: Int, left: Int,
                       layout: ScreenLayout) -> (top: Int, left: Int) {
        guard cursor.row < model.dataRows.count else { return (0, 0) }
        let height = max(1, layout.workHeight - (model.stickyHeader ? model.headerDepth[0] : 0))
        let line = model.dataRows[cursor.row].line
        var top = min(top, max(0, model.lines.count - height))
        if line < top {
            var context = line
            while context > 0, line - context < height - 1 {
                if case .data = model.lines[context - 1] { break }
                context -= 1
            }
            top = context
        }
        if line >= top + height { top = line - height + 1 }
        let columns = model.table.blocks[model.dataRows[cursor.row].block].columns
        var left = min(left, cursor.column)
        let available = layout.columns - layout.labelWidth
        while left < cursor.column,
              columns[left...cursor.column].reduce(0, { $0 + TableModel.width(of: $1) }) > available {
            left += 1
        }
        return (max(0, top), max(0, left))
    }

    /// Visible column indices of a block from `left`, and their x positions.
    static func visibleColumns(_ block: TableBlock, left: Int, layout: ScreenLayout) -> [(index: Int, x: Int, width: Int)] {
        var out: [(Int, Int, Int)] = []
        var x = layout.labelWidth
        var i = min(left, max(0, block.columns.count - 1))
        while i < block.columns.count {
            let w = TableModel.width(of: block.columns[i])
            if x + w > layout.columns { break }
            out.append((i, x, w))
            x += w
            i += 1
        }
        return out
    }

    static func draw(_ state: EditorState, table: TableID, into grid: inout ScreenGrid) -> (column: Int, row: Int)? {
        let layout = state.layout
        let model = TableModel.of(table, form: state.report.form)
        let cursor = state.cursor(in: table)
        let (top, left) = scroll(model: model, cursor: cursor, top: state.tableTop[table] ?? 0,
                                 left: state.tableLeft[table] ?? 0, layout: layout)
        let problemCells = Set(state.findings.flatMap(\.cells))
        var row = layout.workTop
        let bottom = layout.workTop + layout.workHeight
        var hardware: (column: Int, row: Int)?
        if model.stickyHeader {
            for level in 0..<model.headerDepth[0] where row < bottom {
                drawHeader(model, block: 0, level: level, left: left, row: row, into: &grid, layout: layout)
                row += 1
            }
        }
        var index = top
        while row < bottom, index < model.lines.count {
            switch model.lines[index] {
            case .caption(let text):
                grid.putTruncated(text, row: row, column: 0, width: layout.columns, role: .caption)
            case .header(let block, let level):
                drawHeader(model, block: block, level: level, left: left, row: row, into: &grid, layout: layout)
            case .heading(let text, let depth):
                grid.putTruncated(String(repeating: " ", count: depth * 2) + text, row: row, column: 0,
                                  width: layout.labelWidth, role: .label)
            case .data(let r):
                let data = model.dataRows[r]
                let label = String(repeating: " ", count: data.row.groups.count * 2) + data.row.label
                grid.putTruncated(label, row: row, column: 0, width: layout.labelWidth - 1,
                                  role: r == cursor.row ? .title : .label)
                let block = model.table.blocks[data.block]
                for (ci, x, w) in visibleColumns(block, left: left, layout: layout) {
                    let isCursor = r == cursor.row && ci == cursor.column && state.focus == .work
                    guard let cell = data.cells[ci] else {
                        grid.putTruncated("", row: row, column: x, width: w - 1, role: .normal)
                        continue
                    }
                    let def = state.report.definition.cells[cell]
                    let problem = problemCells.contains(cell)
                    if let edit = state.cellEdit, edit.cell == cell {
                        grid.putTruncated(edit.buffer, row: row, column: x, width: w - 1, role: .editing)
                        hardware = (min(x + w - 2, x + ScreenGrid.cellWidth(of: edit.buffer)), row)
                        continue
                    }
                    let role: StyleRole = isCursor ? (problem ? .cursorProblem : .cursor)
                        : problem ? .problem : def.isComputed ? .computed : .input
                    grid.putTruncated(state.report.cells[cell].displayText, row: row, column: x, width: w - 1,
                                      role: role, alignRight: true)
                    if isCursor { hardware = (x + w - 2, row) }
                }
            }
            row += 1
            index += 1
        }
        return hardware
    }

    static func drawHeader(_ model: TableModel, block b: Int, level: Int, left: Int, row: Int,
                           into grid: inout ScreenGrid, layout: ScreenLayout) {
        let block = model.table.blocks[b]
        let depth = model.headerDepth[b]
        let corner: String? = level == 0 ? (model.table.rowHeader ?? model.table.cornerNote) : nil
        grid.putTruncated(corner ?? "", row: row, column: 0, width: layout.labelWidth - 1, role: .columnHeader)
        let visible = visibleColumns(block, left: left, layout: layout)
        func text(_ i: Int) -> String? {
            let path = block.columns[i].labelPath
            if level == depth - 1 { return path.last }
            return level < path.count - 1 ? path[level] : nil
        }
        var k = 0
        while k < visible.count {
            let start = visible[k]
            let label = text(start.index)
            var width = start.width
            var j = k + 1
            // Merge a group label over neighbouring columns that share it (and every outer group).
            if level < depth - 1, label != nil {
                while j < visible.count, text(visible[j].index) == label,
                      block.columns[visible[j].index].labelPath.prefix(level + 1)
                        == block.columns[start.index].labelPath.prefix(level + 1) {
                    width += visible[j].width
                    j += 1
                }
            }
            let shown = ScreenGrid.truncate(label ?? "", to: width - 1)
            let pad = max(0, (width - 1 - ScreenGrid.cellWidth(of: shown)) / 2)
            grid.fill(row: row, from: start.x, width: width, role: .columnHeader)
            grid.put(shown, row: row, column: start.x + pad, maxWidth: width - 1 - pad, role: .columnHeader)
            k = j
        }
        if level == 0 {
            if left > 0 { grid.put("<", row: row, column: layout.labelWidth - 1, role: .columnHeader) }
            if let last = visible.last, last.index < block.columns.count - 1 {
                grid.put(">", row: row, column: layout.columns - 1, role: .columnHeader)
            }
        }
    }
}
