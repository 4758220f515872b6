import NianbaoCore

/// Draws a table section from its `TableModel`: frozen label column, header hierarchy, scrolled columns.
enum TableView {
    /// Screen widths of each block's columns for a report at a window size.
    ///
    /// Columns take their label's width when the table fits; otherwise they are narrowed
    /// (labels cut with …, the full label is on the status line) so that all of them fit, as
    /// table 三's seven at 80 columns. A column is never narrower than its widest value, so a
    /// large number is never cut.
    static func columnWidths(model: TableModel, report: Report, layout: ScreenLayout) -> [[Int]] {
        let available = layout.columns - layout.labelWidth
        return model.table.blocks.indices.map { b in
            let columns = model.table.blocks[b].columns
            var need = [Int](repeating: 6, count: columns.count)
            for data in model.dataRows where data.block == b {
                for (ci, cell) in data.cells.enumerated() {
                    guard let cell else { continue }
                    let value = report.cells[cell]
                    if value.isEmpty { continue }
                    need[ci] = max(need[ci], valueWidth(value) + 2)
                }
            }
            let natural = columns.indices.map { max(need[$0], TableModel.width(of: columns[$0])) }
            if natural.reduce(0, +) <= available { return natural }
            let share = available / max(1, columns.count)
            var narrow = need.map { max($0, min(share, 8)) }
            var spare = available - narrow.reduce(0, +)
            guard spare >= 0 else { return natural.indices.map { max(need[$0], min(natural[$0], 10)) } }
            // Give what is left to the columns whose labels were cut most.
            var i = 0
            while spare > 0, narrow.indices.contains(where: { narrow[$0] < natural[$0] }) {
                if narrow[i] < natural[i] { narrow[i] += 1; spare -= 1 }
                i = (i + 1) % narrow.count
            }
            return narrow
        }
    }

    /// Cells `value.displayText` takes, worked out without formatting a count (every value of a
    /// table is measured on each frame): its digits, a comma per three, and the sign.
    static func valueWidth(_ value: CellValue) -> Int {
        switch value {
        case .empty: return 0
        case .count(let n):
            var digits = 1
            var m = n.magnitude
            while m >= 10 { m /= 10; digits += 1 }
            return digits + (digits - 1) / 3 + (n < 0 ? 1 : 0)
        case .amount:
            // Digits, separators and a point: ASCII, one cell a byte.
            return value.displayText.utf8.count
        }
    }

    /// Rows the pinned block header takes in a table of several blocks (table 二).
    static func pinnedRows(_ model: TableModel) -> Int {
        model.stickyHeader ? 0 : (model.headerDepth.max() ?? 1)
    }

    /// Scroll offsets (first content line, first column) that keep the cursor cell visible.
    static func scroll(model: TableModel, widths: [[Int]], cursor: TableCursor, top: Int, left: Int,
                       layout: ScreenLayout) -> (top: Int, left: Int) {
        guard cursor.row < model.dataRows.count else { return (0, 0) }
        let reserved = model.stickyHeader ? model.headerDepth[0] : pinnedRows(model)
        let height = max(1, layout.workHeight - reserved)
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
        let block = model.dataRows[cursor.row].block
        let w = widths[block]
        var left = min(left, cursor.column)
        let available = layout.columns - layout.labelWidth
        while left < cursor.column, w[left...cursor.column].reduce(0, +) > available {
            left += 1
        }
        return (max(0, top), max(0, left))
    }

    /// Visible column indices of a block from `left`, and their x positions.
    static func visibleColumns(_ widths: [Int], left: Int, layout: ScreenLayout) -> [(index: Int, x: Int, width: Int)] {
        var out: [(Int, Int, Int)] = []
        var x = layout.labelWidth
        var i = min(left, max(0, widths.count - 1))
        while i < widths.count {
            let w = widths[i]
            if x + w > layout.columns { break }
            out.append((i, x, w))
            x += w
            i += 1
        }
        return out
    }

    /// The block a content line belongs to.
    static func block(ofLine index: Int, in model: TableModel) -> Int {
        var i = index
        while i < model.lines.count {
            switch model.lines[i] {
            case .header(let b, _): return b
            case .data(let r): return model.dataRows[r].block
            default: i += 1
            }
        }
        return model.table.blocks.count - 1
    }

    static func draw(_ state: EditorState, table: TableID, into grid: inout ScreenGrid) -> (column: Int, row: Int)? {
        let layout = state.layout
        let model = TableModel.of(table, form: state.report.form)
        let cursor = state.cursor(in: table)
        let widths = columnWidths(model: model, report: state.report, layout: layout)
        let (top, left) = scroll(model: model, widths: widths, cursor: cursor, top: state.tableTop[table] ?? 0,
                                 left: state.tableLeft[table] ?? 0, layout: layout)
        let problemCells = Set(state.findings.flatMap(\.cells))
        let typos = state.likelyTypoCells
        let noted = state.cellsWithNotes
        let selection = state.selection
        var row = layout.workTop
        let bottom = layout.workTop + layout.workHeight
        var hardware: (column: Int, row: Int)?
        if model.stickyHeader {
            for level in 0..<model.headerDepth[0] where row < bottom {
                drawHeader(model, widths: widths[0], block: 0, level: level, left: left, row: row, into: &grid, layout: layout)
                row += 1
            }
        } else {
            // Table 二: the header of the block at the top stays on screen once it scrolls away.
            let b = block(ofLine: top, in: model)
            let headerLine = model.lines.firstIndex { if case .header(b, 0) = $0 { true } else { false } } ?? 0
            if top > headerLine {
                for level in 0..<model.headerDepth[b] where row < bottom {
                    drawHeader(model, widths: widths[b], block: b, level: level, left: left, row: row, into: &grid, layout: layout)
                    // The block's caption (第二十条第（一）项) names it where the corner note was.
                    if level == 0, let caption = model.table.blocks[b].caption {
                        grid.putTruncated(caption, row: row, column: 0, width: layout.labelWidth - 1, role: .caption)
                    }
                    row += 1
                }
            }
        }
        var index = top
        while row < bottom, index < model.lines.count {
            switch model.lines[index] {
            case .caption(let text):
                grid.putTruncated(text, row: row, column: 0, width: layout.columns, role: .caption)
            case .header(let block, let level):
                drawHeader(model, widths: widths[block], block: block, level: level, left: left, row: row, into: &grid, layout: layout)
            case .heading(let text, let depth):
                grid.putTruncated(String(repeating: " ", count: depth * 2) + text, row: row, column: 0,
                                  width: layout.labelWidth, role: .label)
            case .data(let r):
                let data = model.dataRows[r]
                let label = String(repeating: " ", count: data.row.groups.count * 2) + data.row.label
                grid.putTruncated(label, row: row, column: 0, width: layout.labelWidth - 1,
                                  role: r == cursor.row ? .title : .label)
                for (ci, x, w) in visibleColumns(widths[data.block], left: left, layout: layout) {
                    let isCursor = r == cursor.row && ci == cursor.column && state.focus == .work
                    let selected = selection?.contains(TableCursor(row: r, column: ci)) ?? false
                    guard let cell = data.cells[ci] else {
                        grid.putTruncated("", row: row, column: x, width: w - 1, role: .normal)
                        continue
                    }
                    let def = state.report.definition.cells[cell]
                    let problem = problemCells.contains(cell)
                    if let edit = state.cellEdit, edit.cell == cell {
                        // A refused entry is marked (and its reason stays on the message line).
                        let shown = edit.refusal == nil ? edit.buffer : edit.buffer + "!"
                        let bufferWidth = ScreenGrid.cellWidth(of: shown)
                        let visible = bufferWidth < w - 1 ? shown : "…" + String(shown.suffix(max(1, w - 3)))
                        grid.putTruncated(visible, row: row, column: x, width: w - 1,
                                          role: edit.refusal == nil ? .editing : .messageError)
                        hardware = (min(x + w - 2, x + ScreenGrid.cellWidth(of: visible) - (edit.refusal == nil ? 0 : 1)), row)
                        continue
                    }
                    let typo = typos.contains(cell)
                    let role: StyleRole = isCursor ? (problem ? .cursorProblem : .cursor)
                        : typo ? .messageError : selected ? .navActive
                        : problem ? .problem : def.isComputed ? .computed : .input
                    let text = state.report.cells[cell].displayText
                    grid.putTruncated(typo ? "?" + text : text, row: row, column: x, width: w - 1,
                                      role: role, alignRight: true)
                    if isCursor { hardware = (x + w - 2, row) }
                    // A cell with review notes is marked in the gap after it.
                    if noted.contains(cell) { grid.put("*", row: row, column: x + w - 1, maxWidth: 1, role: .caption) }
                }
            }
            row += 1
            index += 1
        }
        return hardware
    }

    static func drawHeader(_ model: TableModel, widths: [Int], block b: Int, level: Int, left: Int, row: Int,
                           into grid: inout ScreenGrid, layout: ScreenLayout) {
        let block = model.table.blocks[b]
        let depth = model.headerDepth[b]
        let corner: String? = level == 0 ? (model.table.rowHeader ?? model.table.cornerNote) : nil
        grid.putTruncated(corner ?? "", row: row, column: 0, width: layout.labelWidth - 1, role: .columnHeader)
        let visible = visibleColumns(widths, left: left, layout: layout)
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
