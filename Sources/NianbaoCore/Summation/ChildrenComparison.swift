/// a published 本级政府 report against the sum of its units, cell by cell.
///
/// Which units a government's report covers is decided locally, so a difference is a warning
/// (never an error) and names the units that contribute most to the cell; a cell whose sum is
/// incomplete (a unit left it blank) is an info. The 规章 row is the government's own and is
/// compared only when asked.
public enum ChildrenComparison {
    public static let ruleID = "X-12"

    /// The X-12 findings for `parent` against the units in `sum`.
    public static func compare(parent: Report, sum: SumAccumulator, includeRegulations: Bool = false) throws(SumRefusal) -> [Finding] {
        guard !sum.units.isEmpty else { throw .noUnits }
        guard parent.form == sum.form else {
            throw .mixedForms(unit: parent.agency, found: parent.form, expected: sum.form)
        }
        guard parent.year == sum.year else {
            throw .mixedYears(unit: parent.agency, found: parent.year, expected: sum.year)
        }
        let def = parent.definition
        let own = Set(includeRegulations ? [] : GovernmentSum.governmentOwnCells(parent.form))
        let summed = sum.summedCells()
        var findings: [Finding] = []
        var incomplete: [Int] = []
        for i in sum.addedCells where !own.contains(i) {
            let mine = parent.cells[i]
            guard let total = sum.sum(ofCell: i) else {
                if sum.blanks[i] != nil, !mine.isEmpty { incomplete.append(i) }
                continue
            }
            guard let p = mine.asAmount, let s = total.asAmount, p != s else { continue }
            let difference = p.adding(Amount(normalizing: -s.units, scale: s.scale)).map(\.description) ?? "?"
            let names = sum.contributors(ofCell: i).map { "\(sum.units[$0.unit]) \($0.value.description)" }
            var message = "\(def.cells[i].label)：本级政府报告为 \(mine.description)，\(sum.units.count) 个单位之和为 \(total.description)（相差 \(difference)）"
            message += names.isEmpty ? "。" : "；数值最大的单位：" + names.joined(separator: "、") + "。"
            findings.append(Finding(ruleID: ruleID, severity: .warning, form: parent.form, cells: [i],
                                    section: def.cells[i].ref.table.section,
                                    expected: total.description, actual: mine.description, message: message))
        }
        // Totals are compared too, so a difference shows up where a reader of the published tables looks.
        for formula in def.formulas where !own.contains(formula.target) {
            let i = formula.target
            guard let p = parent.cells[i].asAmount, let s = summed[i].asAmount, p != s else { continue }
            findings.append(Finding(ruleID: ruleID, severity: .info, form: parent.form, cells: [i],
                                    section: def.cells[i].ref.table.section,
                                    expected: summed[i].description, actual: parent.cells[i].description,
                                    message: "\(def.cells[i].label)（合计）：本级政府报告为 \(parent.cells[i].description)，各单位之和为 \(summed[i].description)。"))
        }
        if !incomplete.isEmpty {
            let units = Set(incomplete.flatMap { sum.blanks[$0] ?? [] }).sorted().map { sum.units[$0] }
            let shown = units.prefix(5).joined(separator: "、") + (units.count > 5 ? " 等 \(units.count) 个单位" : "")
            findings.append(Finding(ruleID: ruleID, severity: .info, form: parent.form, cells: incomplete, section: nil,
                                    message: "\(incomplete.count) 个单元格的各单位之和不完整（\(shown) 未填），无法与本级政府报告比较。"))
        }
        return findings.sorted(by: Finding.displayOrder)
    }
}
