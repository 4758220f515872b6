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
    /// Column totals of ordinary rows come first, then total rows across every column,
    /// so filling in order gives each computed cell its final value.
    static func derive(tables: [TableDefinition], index: [CellRef: Int]) -> [Formula] {
        var columnSums: [Formula] = []
        var rowSums: [Formula] = []
        for table in tables {
            for block in table.blocks {
                for row in block.rows {
                    for column in block.columns {
                        guard let parts = column.sumOf, let rule = column.sumRule,
                              let target = index[CellRef(table: table.id, row: row.id, column: column.id)]
                        else { continue }
                        let addends = parts.compactMap { index[CellRef(table: table.id, row: row.id, column: $0)] }
                        let formula = Formula(target: target, addends: addends, ruleID: rule)
                        if row.isComputed { rowSums.append(formula) } else { columnSums.append(formula) }
                    }
                }
                for row in block.rows {
                    guard let parts = row.sumOf, let rule = row.sumRule else { continue }
                    for column in block.columns {
                        guard let target = index[CellRef(table: table.id, row: row.id, column: column.id)] else { continue }
                        let addends = parts.compactMap { index[CellRef(table: table.id, row: $0, column: column.id)] }
                        rowSums.insert(Formula(target: target, addends: addends, ruleID: rule),
                                       at: rowSums.firstIndex { $0.target == target } ?? rowSums.endIndex)
                    }
                }
            }
        }
        return columnSums + rowSums
    }
}
