/// Adds units' reports cell by cell, one report at a time, keeping which units left each cell blank.
///
/// A blank in any unit makes that cell's sum incomplete: the sum is never taken with the blank
/// as 0. Only data-entry cells are added; totals are recomputed from the sums afterwards. The
/// largest contributors to each cell are kept (for explaining a difference), not every value,
/// so memory does not grow with the number of units.
public struct SumAccumulator: Sendable {
    public let form: FormVersion
    public let year: Int
    /// Unit names, in the order added.
    public private(set) var units: [String] = []
    /// Running sums by cell index (`.empty` until a unit gives a value; overflow is recorded apart).
    private var sums: [CellValue]
    /// Indices into `units` of the units that left each cell blank, by cell index.
    public private(set) var blanks: [Int: [Int]] = [:]
    /// Cells whose sum went past what a cell holds.
    public private(set) var overflowed: Set<Int> = []
    /// The largest values per cell, with the unit index, largest first.
    private var top: [[Contribution]]
    /// How many contributors are kept per cell.
    public let keep: Int

    /// One unit's value in one cell.
    public struct Contribution: Sendable, Equatable {
        public let unit: Int
        public let value: Amount
    }

    public init(form: FormVersion, year: Int, keep: Int = 3) {
        self.form = form
        self.year = year
        self.keep = keep
        let count = form.definition.cells.count
        sums = Array(repeating: .count(0), count: count)
        top = Array(repeating: [], count: count)
    }

    /// Data-entry cells of the form (the cells that are added).
    public var addedCells: [Int] { Self.dataCells[form] }

    private static let dataCells = PerForm { def in def.cells.filter { !$0.isComputed }.map(\.index) }

    /// Adds one unit's report; it must be of this accumulator's year and form.
    public mutating func add(_ report: Report, unit: String) throws(SumRefusal) {
        guard report.form == form else { throw .mixedForms(unit: unit, found: report.form, expected: form) }
        guard report.year == year else { throw .mixedYears(unit: unit, found: report.year, expected: year) }
        let u = units.count
        units.append(unit)
        for i in addedCells {
            let value = report.cells[i]
            guard let amount = value.asAmount else {
                blanks[i, default: []].append(u)
                continue
            }
            if !overflowed.contains(i) {
                if case .count(let a) = sums[i], case .count(let b) = value {
                    let (s, o) = a.addingReportingOverflow(b)
                    if o || s > CellValue.maxCount || s < -CellValue.maxCount { overflowed.insert(i) } else { sums[i] = .count(s) }
                } else if let s = CellValue.sum([sums[i], value]), s.asAmount.map({ $0.magnitudeIsWithinLimit }) ?? false {
                    sums[i] = s
                } else {
                    overflowed.insert(i)
                }
            }
            if keep > 0, !amount.isZero { record(Contribution(unit: u, value: amount), in: i) }
        }
    }

    private mutating func record(_ c: Contribution, in cell: Int) {
        var list = top[cell]
        guard list.count < keep || (list.last.map { abs($0.value) < abs(c.value) } ?? true) else { return }
        let at = list.firstIndex { abs($0.value) < abs(c.value) } ?? list.count
        list.insert(c, at: at)
        if list.count > keep { list.removeLast() }
        top[cell] = list
    }

    private func abs(_ a: Amount) -> Amount { a.isNegative ? Amount(normalizing: -a.units, scale: a.scale) : a }

    /// The sum of a cell: nil when any unit left it blank, when it overflowed, or when no unit was added.
    public func sum(ofCell index: Int) -> CellValue? {
        guard !units.isEmpty, blanks[index] == nil, !overflowed.contains(index) else { return nil }
        if form.definition.cells[index].isComputed { return nil }
        return sums[index]
    }

    /// The largest contributors to a cell, largest first.
    public func contributors(ofCell index: Int) -> [Contribution] { top[index] }

    /// Every cell's sum, totals recomputed from them; a cell with a blank unit stays empty.
    public func summedCells() -> [CellValue] {
        var cells = Array(repeating: CellValue.empty, count: sums.count)
        let defs = form.definition.cells
        for i in addedCells {
            var value = sum(ofCell: i) ?? .empty
            // An amount cell holds an amount even when every unit wrote a whole number.
            if defs[i].kind == .amount, case .count(let n) = value { value = .amount(Amount(integer: n)) }
            cells[i] = value
        }
        for formula in form.definition.formulas {
            cells[formula.target] = CellValue.sum(of: formula.addends, in: cells) ?? .empty
        }
        return cells
    }
}

/// Why reports cannot be summed, in Chinese.
public enum SumRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case noUnits
    case mixedYears(unit: String, found: Int, expected: Int)
    case mixedForms(unit: String, found: FormVersion, expected: FormVersion)
    case unreadable(String)

    public var message: String {
        switch self {
        case .noUnits:
            "没有可汇总的单位报告。"
        case .mixedYears(let unit, let found, let expected):
            "“\(unit)”的报告是 \(found) 年度的，其他单位是 \(expected) 年度：不同年度的报告不能汇总。"
        case .mixedForms(let unit, let found, let expected):
            "“\(unit)”的报告是 \(found.displayName)格式，其他单位是 \(expected.displayName)格式：不同格式的报告不能汇总。"
        case .unreadable(let text):
            text
        }
    }

    public var description: String { message }
}
