/// The 本级政府汇总 draft made from its units' reports (format-spec §6, narrative-checks §7).
///
/// Tables are the cell-by-cell sums of the included units; a cell any unit left blank stays
/// blank (its sum is incomplete, never taken as 0) and the units are recorded. The 规章 row is
/// not summed unless asked: 规章 are made by the government itself, not by its departments,
/// so the government office fills that row in. Text sections start empty for the clerk.
public struct GovernmentSum: Sendable {
    /// The draft, scope 本级政府汇总, with `origin.summed` recording the units and the blanks.
    public var report: Report
    /// The units included, in order.
    public var units: [String]
    /// Dotted cell id → indices into `units` of those that left it blank.
    public var blanks: [String: [Int]]
    /// Cells not summed because the sum went past what a cell holds.
    public var overflowed: [String]
    /// Cells left for the government to fill in (the 规章 row, unless summed on request).
    public var notSummed: [String]

    /// Rows the government fills in itself unless asked to sum them: 规章, in both forms.
    public static func governmentOwnCells(_ form: FormVersion) -> [Int] {
        form.definition.rowCells(.t2, "reg")
    }

    /// The draft for `agency` from an accumulator's units.
    public static func make(from sum: SumAccumulator, agency: String, includeRegulations: Bool = false) throws(SumRefusal) -> GovernmentSum {
        guard !sum.units.isEmpty else { throw .noUnits }
        var report = Report(agency: agency, year: sum.year, form: sum.form, scope: .government)
        var cells = sum.summedCells()
        let defs = sum.form.definition.cells
        var notSummed: [String] = []
        if !includeRegulations {
            for i in governmentOwnCells(sum.form) {
                cells[i] = .empty
                notSummed.append(defs[i].ref.description)
            }
        }
        report.cells = cells
        report.fillComputed()
        var blanks: [String: [Int]] = [:]
        for (cell, units) in sum.blanks where includeRegulations || !governmentOwnCells(sum.form).contains(cell) {
            blanks[defs[cell].ref.description] = units
        }
        let overflowed = sum.overflowed.sorted().map { defs[$0].ref.description }
        report.origin.summed = SumProvenance(units: sum.units, blanks: blanks, overflowed: overflowed, notSummed: notSummed)
        return GovernmentSum(report: report, units: sum.units, blanks: blanks, overflowed: overflowed, notSummed: notSummed)
    }
}
