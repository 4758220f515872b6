/// A computed cell and the cells it is the sum of, derived from the declaration.
public struct Formula: Sendable {
    /// Index of the computed cell.
    public let target: Int
    /// Indices of the cells it adds up.
    public let addends: [Int]
    /// The rule that checks this sum, e.g. `T3-3`.
    public let ruleID: String

    /// Derives every sum from the tables' computed columns and rows.
    ///
    /// Column totals of ordinary rows come first, then total rows across every column, and last
    /// the column totals of total rows (e.g. （七）总计 › 总计), whose parts are only final once
    /// the total row is filled. Filling in this order gives each computed cell its final value
    /// in one pass.
    static func derive(tables: [TableDefinition], index: (CellRef) -> Int?) -> [Formula] {
        var columnSums: [Formula] = []
        var rowSums: [Formula] = []
        var totalRowColumnSums: [Formula] = []
        for table in tables {
            for block in table.blocks {
                for row in block.rows {
                    for column in block.columns {
                        guard let parts = column.sumOf, let rule = column.sumRule,
                              let target = index(CellRef(table: table.id, row: row.id, column: column.id))
                        else { continue }
                        let addends = parts.compactMap { index(CellRef(table: table.id, row: row.id, column: $0)) }
                        let formula = Formula(target: target, addends: addends, ruleID: rule)
                        if row.isComputed { totalRowColumnSums.append(formula) } else { columnSums.append(formula) }
                    }
                }
                for row in block.rows {
                    guard let parts = row.sumOf, let rule = row.sumRule else { continue }
                    for column in block.columns {
                        guard let target = index(CellRef(table: table.id, row: row.id, column: column.id)) else { continue }
                        let addends = parts.compactMap { index(CellRef(table: table.id, row: $0, column: column.id)) }
                        rowSums.append(Formula(target: target, addends: addends, ruleID: rule))
                    }
                }
            }
        }
        return columnSums + rowSums + totalRowColumnSums
    }
}
