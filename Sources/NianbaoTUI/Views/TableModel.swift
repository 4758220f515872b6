import NianbaoCore

/// A table laid out as screen lines: captions, header lines, row-group headings and data rows.
///
/// Built from the `TableDefinition` alone, so every table (二, 三, 四, both forms) is drawn by the same code.
public struct TableModel: Sendable {
    /// One line of the table's scrolling content.
    public enum Line: Sendable {
        case caption(String)
        /// Header line `level` of block `block` (0 = outermost group).
        case header(block: Int, level: Int)
        case heading(String, depth: Int)
        /// A data row: its index among data rows.
        case data(Int)
    }

    /// One data row: the row, its block and the cell index per column (nil where the form has no cell).
    public struct DataRow: Sendable {
        public let row: RowDefinition
        public let block: Int
        public let cells: [Int?]
        /// Index of this row in `lines`.
        public let line: Int
    }

    public let table: TableDefinition
    public let lines: [Line]
    public let dataRows: [DataRow]
    /// Header lines per block (depth of the deepest column label path).
    public let headerDepth: [Int]
    /// True when the table has one block, whose header stays on screen while rows scroll.
    public let stickyHeader: Bool

    public init(table: TableDefinition, form: FormDefinition) {
        self.table = table
        var lines: [Line] = []
        var dataRows: [DataRow] = []
        let depths = table.blocks.map { b in b.columns.map { $0.labelPath.count }.max() ?? 1 }
        let sticky = table.blocks.count == 1
        for (bi, block) in table.blocks.enumerated() {
            if let caption = block.caption { lines.append(.caption(caption)) }
            if !sticky { for level in 0..<depths[bi] { lines.append(.header(block: bi, level: level)) } }
            var previousGroups: [String] = []
            for row in block.rows {
                var common = 0
                while common < min(previousGroups.count, row.groups.count),
                      previousGroups[common] == row.groups[common] { common += 1 }
                for depth in common..<row.groups.count { lines.append(.heading(row.groups[depth], depth: depth)) }
                previousGroups = row.groups
                let cells = block.columns.map { form.index(of: CellRef(table: table.id, row: row.id, column: $0.id)) }
                dataRows.append(DataRow(row: row, block: bi, cells: cells, line: lines.count))
                lines.append(.data(dataRows.count - 1))
            }
        }
        self.lines = lines
        self.dataRows = dataRows
        self.headerDepth = depths
        self.stickyHeader = sticky
    }

    /// Screen width of a column: its longest label plus padding, within 8…18 cells.
    public static func width(of column: ColumnDefinition) -> Int {
        max(8, min(18, DisplayWidth.of(column.displayLabel) + 2))
    }

    /// The most columns any data row has.
    public var maxColumns: Int { dataRows.reduce(1) { max($0, $1.cells.count) } }

    /// The (row, column) position of a cell index, if it is in this table.
    public func position(of cell: Int) -> TableCursor? {
        for (r, data) in dataRows.enumerated() {
            if let c = data.cells.firstIndex(of: cell) { return TableCursor(row: r, column: c) }
        }
        return nil
    }

    /// The models of a form's tables, built the first time that form is shown.
    static let all = PerForm { form in form.tables.map { TableModel(table: $0, form: form) } }

    /// The cached model of one table of a form.
    public static func of(_ table: TableID, form: FormVersion) -> TableModel {
        // Every form declares all three tables.
        all[form].first { $0.table.id == table }!
    }
}

/// The cursor inside a table: data row and column within that row's block.
public struct TableCursor: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
