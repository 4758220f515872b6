/// Stable ids of the three tables.
public enum TableID: String, Sendable, CaseIterable, Hashable {
    case t2, t3, t4
}

/// How a table is printed on the official form.
public enum TableLayout: Sendable, Equatable {
    /// Rows down, columns across (tables 二 and 三).
    case grid
    /// Each declared row is printed as a block of columns side by side in one printed row
    /// (table 四: 行政复议 | 行政诉讼 › 未经复议直接起诉 | 行政诉讼 › 复议后起诉).
    case blocksSideBySide
}

/// One of the form's tables.
public struct TableDefinition: Sendable {
    public let id: TableID
    /// The section numeral the table belongs to, e.g. `三`.
    public let numeral: String
    public let layout: TableLayout
    /// Text printed in the top-left corner cell (table 三's 勾稽 note).
    public let cornerNote: String?
    /// Label of the row-label column header (`信息内容` in table 二).
    public let rowHeader: String?
    public let blocks: [TableBlock]

    /// The block that declares a row.
    public func block(containingRow row: String) -> TableBlock? {
        blocks.first { b in b.rows.contains { $0.id == row } }
    }

    /// A row by id.
    public func row(_ id: String) -> RowDefinition? {
        for b in blocks { if let r = b.rows.first(where: { $0.id == id }) { return r } }
        return nil
    }

    /// Every row in printed order.
    public var allRows: [RowDefinition] { blocks.flatMap(\.rows) }
}

/// A run of rows that share the same columns (table 二 has one per 第二十条 item).
public struct TableBlock: Sendable {
    public let id: String
    /// A caption row printed above the block, e.g. `第二十条第（一）项`.
    public let caption: String?
    public let columns: [ColumnDefinition]
    public let rows: [RowDefinition]

    /// A column by id.
    public func column(_ id: String) -> ColumnDefinition? { columns.first { $0.id == id } }
}

/// One column of a table block.
public struct ColumnDefinition: Sendable {
    public let id: String
    /// The official label.
    public let label: String
    /// Labels of the header cells above this one, outermost first (e.g. `申请人情况`, `法人或其他组织`).
    public let headerGroups: [String]
    public let kind: CellKind
    /// Ids of the columns this one is the sum of, if it is a computed total.
    public let sumOf: [String]?
    /// The rule that checks the sum.
    public let sumRule: String?
    /// Unit note printed after the label when the label itself does not carry it.
    public let unitNote: String?

    public init(id: String, label: String, headerGroups: [String] = [], kind: CellKind = .count,
                sumOf: [String]? = nil, sumRule: String? = nil, unitNote: String? = nil) {
        self.id = id
        self.label = label
        self.headerGroups = headerGroups
        self.kind = kind
        self.sumOf = sumOf
        self.sumRule = sumRule
        self.unitNote = unitNote
    }

    public var isComputed: Bool { sumOf != nil }
    /// Label plus unit note, as printed.
    public var displayLabel: String { label + (unitNote ?? "") }
    /// Header path down to this column.
    public var labelPath: [String] { headerGroups + [displayLabel] }
}

/// One row of a table block.
public struct RowDefinition: Sendable {
    public let id: String
    /// The official label.
    public let label: String
    /// Labels of the row-group cells to the left of this one, outermost first.
    public let groups: [String]
    /// Ids of the rows this one is the sum of, if it is a computed total row.
    public let sumOf: [String]?
    /// The rule that checks the sum.
    public let sumRule: String?
    /// Column ids this row has no cell in (merged away on the form).
    public let missingColumns: [String]

    public init(id: String, label: String, groups: [String] = [], sumOf: [String]? = nil,
                sumRule: String? = nil, missingColumns: [String] = []) {
        self.id = id
        self.label = label
        self.groups = groups
        self.sumOf = sumOf
        self.sumRule = sumRule
        self.missingColumns = missingColumns
    }

    public var isComputed: Bool { sumOf != nil }
    public func hasCell(in column: String) -> Bool { !missingColumns.contains(column) }
    /// Row-group path down to this row.
    public var labelPath: [String] { groups + [label] }
}
