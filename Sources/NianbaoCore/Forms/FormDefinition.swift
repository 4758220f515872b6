/// The complete declaration of one official form: its sections, tables and cells.
///
/// Everything that depends on the form's shape — validation, the editor's grids,
/// import, export, the JSON layout and schema — reads it from here.
public struct FormDefinition: Sendable {
    /// Which official version this declares.
    public let version: FormVersion
    /// The six sections in printed order.
    public let sections: [SectionDefinition]
    /// The tables (二, 三, 四) in printed order.
    public let tables: [TableDefinition]
    /// Every cell of every table, in printed order; a report stores values in this order.
    public let cells: [CellDefinition]
    /// Computed cells and the sums that define them.
    public let formulas: [Formula]

    /// Where each row's cells are, per table in `tables` order.
    private let rowsByTable: [[RowCells]]

    /// The cells of one row: they are consecutive in `cells`, one per column the row has.
    struct RowCells: Sendable {
        let row: String
        let first: Int
        /// Ids of the columns the row has a cell in, in printed order.
        let columns: [String]

        /// The index of the row's cell in a column, or nil if the row has none there.
        func index(of column: String) -> Int? { columns.firstIndex(of: column).map { first + $0 } }

        /// The index of the row's cell in the block's column at `position` (of `blockColumns`);
        /// without a search when the row has a cell in every column, as most rows do.
        func index(atColumn position: Int, of blockColumns: [String]) -> Int? {
            columns.count == blockColumns.count ? first + position : index(of: blockColumns[position])
        }
    }

    init(version: FormVersion, sections: [SectionDefinition], tables: [TableDefinition]) {
        self.version = version
        self.sections = sections
        self.tables = tables
        var cells: [CellDefinition] = []
        var rowsByTable: [[RowCells]] = []
        for table in tables {
            var rows: [RowCells] = []
            for block in table.blocks {
                // Each column's and each row's labels are worked out once, not once per cell.
                let columnPaths = block.columns.map(\.labelPath)
                let columnLabels = block.columns.map(\.displayLabel)
                let allColumns = block.columns.map(\.id)
                for row in block.rows {
                    let rowPath = row.labelPath
                    let first = cells.count
                    for (c, column) in block.columns.enumerated() where row.hasCell(in: column.id) {
                        cells.append(CellDefinition(
                            index: cells.count, ref: CellRef(table: table.id, row: row.id, column: column.id),
                            kind: column.kind, isComputed: column.isComputed || row.isComputed,
                            rowPath: rowPath, columnPath: columnPaths[c],
                            tableLabel: table.numeral, rowLabel: row.label, columnLabel: columnLabels[c]))
                    }
                    let columns = row.missingColumns.isEmpty ? allColumns : allColumns.filter(row.hasCell(in:))
                    rows.append(RowCells(row: row.id, first: first, columns: columns))
                }
            }
            rowsByTable.append(rows)
        }
        self.cells = cells
        self.rowsByTable = rowsByTable
        self.formulas = Formula.derive(tables: tables, rows: rowsByTable)
    }

    /// The position of a cell in `cells`, or nil if this form has no such cell.
    ///
    /// A search by row and column id: a table has at most a few dozen rows and a row at most
    /// seven columns, and comparing short ids costs less than hashing three strings would.
    public func index(of ref: CellRef) -> Int? {
        guard let t = tables.firstIndex(where: { $0.id == ref.table }) else { return nil }
        for row in rowsByTable[t] where row.row == ref.row {
            return row.index(of: ref.column)
        }
        return nil
    }

    /// The declaration of a cell.
    public func cell(_ ref: CellRef) -> CellDefinition? { index(of: ref).map { cells[$0] } }

    /// A table by id.
    public func table(_ id: TableID) -> TableDefinition {
        // Every form declares all three tables.
        tables.first { $0.id == id }!
    }

    /// A section by id.
    public func section(_ id: SectionID) -> SectionDefinition {
        sections.first { $0.id == id }!
    }

    /// Indices of every cell of a table: they are consecutive, in printed order.
    public func cellRange(of table: TableID) -> Range<Int> {
        guard let t = tables.firstIndex(where: { $0.id == table }), let first = rowsByTable[t].first,
              let last = rowsByTable[t].last else { return 0..<0 }
        return first.first..<(last.first + last.columns.count)
    }

    /// The indices of each row's cells, for every row of a table in printed order (`TableDefinition.allRows`).
    ///
    /// (Lists rather than ranges: an array of `Range<Int>` would make the runtime search the
    /// program's conformances for `Int: Comparable` the first time.)
    public func rowCellIndices(of table: TableID) -> [[Int]] {
        guard let t = tables.firstIndex(where: { $0.id == table }) else { return [] }
        return rowsByTable[t].map { Array($0.first..<($0.first + $0.columns.count)) }
    }

    /// Indices of every cell of one table row, in printed column order.
    public func rowCells(_ table: TableID, _ row: String) -> [Int] {
        guard let t = tables.firstIndex(where: { $0.id == table }),
              let cells = rowsByTable[t].first(where: { $0.row == row }) else { return [] }
        return Array(cells.first..<(cells.first + cells.columns.count))
    }
}

/// How a cell's value is typed.
public enum CellKind: String, Sendable, Hashable {
    /// An integer count ≥ 0.
    case count
    /// An integer that may be negative (2019 form 本年增/减).
    case signedCount
    /// An exact decimal amount in 万元, at most four decimal places.
    case amount

    /// What a clerk may type here, in Chinese.
    public var expectation: String {
        switch self {
        case .count: "不小于 0 的整数"
        case .signedCount: "整数（减少用负数表示，如 -8）"
        case .amount: "金额（万元，最多 4 位小数，不小于 0）"
        }
    }
}

/// Identifies one cell: table, row and column ids.
public struct CellRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let table: TableID
    public let row: String
    public let column: String

    public init(table: TableID, row: String, column: String) {
        self.table = table
        self.row = row
        self.column = column
    }

    /// Dotted id such as `t3.r3_7.np`.
    public var description: String { "\(table.rawValue).\(row).\(column)" }

    /// Parses a dotted id such as `t3.r3_7.np`.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let table = TableID(rawValue: String(parts[0])) else { return nil }
        self.init(table: table, row: String(parts[1]), column: String(parts[2]))
    }

    public static func < (a: CellRef, b: CellRef) -> Bool { a.description < b.description }
}

/// The declaration of one cell, derived from its table, row and column.
public struct CellDefinition: Sendable {
    /// Position in `FormDefinition.cells` and in a report's value array.
    public let index: Int
    public let ref: CellRef
    public let kind: CellKind
    /// True for totals the form prints but the clerk does not type.
    public let isComputed: Bool
    /// The row's and the column's label paths, shared with their declarations.
    let rowPath: [String]
    let columnPath: [String]
    public let tableLabel: String
    public let rowLabel: String
    public let columnLabel: String

    /// The label path joined for messages (made once: every finding's message names cells).
    public let label: String

    init(index: Int, ref: CellRef, kind: CellKind, isComputed: Bool, rowPath: [String], columnPath: [String],
         tableLabel: String, rowLabel: String, columnLabel: String) {
        self.index = index
        self.ref = ref
        self.kind = kind
        self.isComputed = isComputed
        self.rowPath = rowPath
        self.columnPath = columnPath
        self.tableLabel = tableLabel
        self.rowLabel = rowLabel
        self.columnLabel = columnLabel
        self.label = ([tableLabel] + rowPath + columnPath).joinedText(separator: " › ")
    }

    /// Official labels from the section numeral down to the column, e.g. `三 › （七）总计 › 自然人`.
    public var labelPath: [String] { [tableLabel] + rowPath + columnPath }
}

extension FormDefinition {
    /// One printed position of a table block: its cell's reference, the cell's index in the form
    /// (nil where the row has no cell in that column) and the column.
    struct BlockPosition {
        let ref: CellRef
        let index: Int?
        let column: ColumnDefinition
    }

    /// Every row × column position of `block`, row by row as printed (positions a row lacks included).
    func positions(of block: TableBlock, in table: TableID) -> [BlockPosition] {
        block.rows.flatMap { row in
            block.columns.map { column in
                let ref = CellRef(table: table, row: row.id, column: column.id)
                return BlockPosition(ref: ref, index: index(of: ref), column: column)
            }
        }
    }
}
