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
    static func derive(tables: [TableDefinition], rows: [[FormDefinition.RowCells]]) -> [Formula] {
        var columnSums: [Formula] = []
        var rowSums: [Formula] = []
        var totalRowColumnSums: [Formula] = []
        for (t, table) in tables.enumerated() {
            // A table's rows are declared block by block, in the order of `rows[t]`.
            // (Indexed rather than zipped: `zip` would make the runtime look up the
            // sequences' conformances the first time, which costs more than this whole loop.)
            var blockStart = 0
            for block in table.blocks {
                let first = blockStart
                blockStart += block.rows.count
                // Where each computed column and its parts are among the block's columns, found once.
                let columnIDs = block.columns.map(\.id)
                let computedColumns = block.columns.indices.compactMap { c -> (position: Int, parts: [Int], rule: String)? in
                    guard let parts = block.columns[c].sumOf, let rule = block.columns[c].sumRule else { return nil }
                    return (c, parts.compactMap { columnIDs.firstIndex(of: $0) }, rule)
                }
                for (r, row) in block.rows.enumerated() {
                    let cells = rows[t][first + r]
                    for column in computedColumns {
                        guard let target = cells.index(atColumn: column.position, of: columnIDs) else { continue }
                        let addends = column.parts.compactMap { cells.index(atColumn: $0, of: columnIDs) }
                        let formula = Formula(target: target, addends: addends, ruleID: column.rule)
                        if row.isComputed { totalRowColumnSums.append(formula) } else { columnSums.append(formula) }
                    }
                }
                for (r, row) in block.rows.enumerated() {
                    let cells = rows[t][first + r]
                    guard let parts = row.sumOf, let rule = row.sumRule else { continue }
                    let partCells = parts.compactMap { id in rows[t].first { $0.row == id } }
                    for c in columnIDs.indices {
                        guard let target = cells.index(atColumn: c, of: columnIDs) else { continue }
                        let addends = partCells.compactMap { $0.index(atColumn: c, of: columnIDs) }
                        rowSums.append(Formula(target: target, addends: addends, ruleID: rule))
                    }
                }
            }
        }
        return columnSums + rowSums + totalRowColumnSums
    }
}
