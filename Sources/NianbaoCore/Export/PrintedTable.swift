/// A table as printed on the official form: rows of cells with rowspan/colspan,
/// generated from the form declaration. Shared by the HTML and plain-text exports.
struct PrintedTable {
    enum Role: Equatable {
        /// Caption row of a table-二 block, e.g. `第二十条第（一）项`.
        case caption
        /// Column header, corner note or `信息内容`.
        case header
        /// Row label or row-group label.
        case rowLabel
        /// A value cell.
        case value
        /// A cell the form leaves blank (no such column in this block).
        case filler
    }

    struct Cell: Equatable {
        var text: String
        var role: Role
        var rowspan = 1
        var colspan = 1
    }

    let tableID: TableID
    /// Physical column count.
    let width: Int
    /// Rows that belong in `<thead>` (repeated on each printed page).
    let headerRows: [[Cell]]
    let bodyRows: [[Cell]]

    /// The printed layout of `table` filled from `report`.
    static func make(_ table: TableDefinition, report: Report) -> PrintedTable {
        switch table.layout {
        case .grid: grid(table, report: report)
        case .blocksSideBySide: sideBySide(table, report: report)
        }
    }

    /// Header rows for columns identified by their label paths (outermost first).
    static func headerRows(paths: [[String]], depth: Int) -> [[Cell]] {
        var rows: [[Cell]] = Array(repeating: [], count: depth)
        for level in 0..<depth {
            var c = 0
            while c < paths.count {
                let path = paths[c]
                guard path.count > level else { c += 1; continue }
                let leaf = path.count == level + 1
                var e = c
                if !leaf {
                    while e + 1 < paths.count, paths[e + 1].count > level + 1,
                          Array(paths[e + 1][0...level]) == Array(path[0...level]) { e += 1 }
                }
                rows[level].append(Cell(text: path[level], role: .header, rowspan: leaf ? depth - level : 1, colspan: e - c + 1))
                c = e + 1
            }
        }
        return rows
    }

    static func value(_ report: Report, _ ref: CellRef) -> String {
        report[ref].description
    }

    private static func grid(_ table: TableDefinition, report: Report) -> PrintedTable {
        let labelColumns = max(1, table.allRows.map(\.labelPath.count).max() ?? 1)
        let valueColumns = table.blocks.map(\.columns.count).max() ?? 0
        var header: [[Cell]] = []
        var body: [[Cell]] = []
        let useHead = table.blocks.count == 1 && table.blocks[0].caption == nil
        for block in table.blocks {
            var rows: [[Cell]] = []
            if let caption = block.caption {
                rows.append([Cell(text: caption, role: .caption, colspan: labelColumns + valueColumns)])
            }
            let paths = block.columns.map(\.labelPath)
            let depth = max(1, paths.map(\.count).max() ?? 1)
            var headRows = headerRows(paths: paths, depth: depth)
            let corner = table.cornerNote ?? table.rowHeader ?? ""
            headRows[0].insert(Cell(text: corner, role: .header, rowspan: depth, colspan: labelColumns), at: 0)
            if block.columns.count == 1 && valueColumns > 1 {
                headRows[0][1].colspan = valueColumns
            } else if block.columns.count < valueColumns {
                headRows[0].append(Cell(text: "", role: .filler, rowspan: depth, colspan: valueColumns - block.columns.count))
            }
            rows += headRows
            if useHead { header = rows; rows = [] }
            for (r, row) in block.rows.enumerated() {
                var cells: [Cell] = []
                let path = row.labelPath
                for level in 0..<(path.count - 1) {
                    let prefix = Array(path[0...level])
                    if r > 0, block.rows[r - 1].labelPath.count > level + 1, Array(block.rows[r - 1].labelPath[0...level]) == prefix {
                        continue
                    }
                    var span = 1
                    while r + span < block.rows.count, block.rows[r + span].labelPath.count > level + 1,
                          Array(block.rows[r + span].labelPath[0...level]) == prefix { span += 1 }
                    cells.append(Cell(text: path[level], role: .rowLabel, rowspan: span))
                }
                cells.append(Cell(text: row.label, role: .rowLabel, colspan: labelColumns - (path.count - 1)))
                for column in block.columns {
                    if row.hasCell(in: column.id) {
                        var cell = Cell(text: value(report, CellRef(table: table.id, row: row.id, column: column.id)), role: .value)
                        if block.columns.count == 1 && valueColumns > 1 { cell.colspan = valueColumns }
                        cells.append(cell)
                    } else {
                        cells.append(Cell(text: "", role: .filler))
                    }
                }
                if block.columns.count > 1 && block.columns.count < valueColumns {
                    cells.append(Cell(text: "", role: .filler, colspan: valueColumns - block.columns.count))
                }
                rows.append(cells)
            }
            body += rows
        }
        return PrintedTable(tableID: table.id, width: labelColumns + valueColumns, headerRows: header, bodyRows: body)
    }

    private static func sideBySide(_ table: TableDefinition, report: Report) -> PrintedTable {
        var paths: [[String]] = []
        var values: [Cell] = []
        for block in table.blocks {
            for row in block.rows {
                for column in block.columns {
                    paths.append(row.labelPath + [column.displayLabel])
                    values.append(Cell(text: value(report, CellRef(table: table.id, row: row.id, column: column.id)), role: .value))
                }
            }
        }
        let depth = paths.map(\.count).max() ?? 1
        return PrintedTable(tableID: table.id, width: paths.count, headerRows: headerRows(paths: paths, depth: depth), bodyRows: [values])
    }

    /// Every row with each cell's starting physical column, and the cells covered by rowspans from above.
    struct Placed {
        var cell: Cell
        var column: Int
        /// False when this is a continuation of a rowspan from an earlier row.
        var isOrigin: Bool
    }

    /// The rows laid out on the physical grid (rowspans repeated as non-origin entries).
    var placedRows: [[Placed]] {
        let all = headerRows + bodyRows
        var covered: [Int: [(Int, Cell)]] = [:]  // row → (column, cell) continuing from above
        var result: [[Placed]] = []
        for (r, row) in all.enumerated() {
            var placed: [Placed] = (covered[r] ?? []).map { Placed(cell: $0.1, column: $0.0, isOrigin: false) }
            var occupied = Set<Int>()
            for p in placed { for c in p.column..<(p.column + p.cell.colspan) { occupied.insert(c) } }
            var c = 0
            for cell in row {
                while occupied.contains(c) { c += 1 }
                placed.append(Placed(cell: cell, column: c, isOrigin: true))
                for k in c..<(c + cell.colspan) { occupied.insert(k) }
                if cell.rowspan > 1 {
                    for dr in 1..<cell.rowspan { covered[r + dr, default: []].append((c, cell)) }
                }
                c += cell.colspan
            }
            placed.sort { $0.column < $1.column }
            result.append(placed)
        }
        return result
    }
}
