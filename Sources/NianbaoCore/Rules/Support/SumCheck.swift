/// `，差 36`: how far apart two values are, for a message (empty when it cannot be said exactly).
func gapText(_ a: CellValue, _ b: CellValue) -> String {
    if let x = a.count, let y = b.count {
        let (d, overflow) = x.subtractingReportingOverflow(y)
        return overflow || d == .min ? "" : "，差 \(CellValue.count(abs(d)).displayText)"
    }
    guard let x = a.asAmount, let y = b.asAmount, y.units != .min,
          let d = x.adding(Amount(normalizing: -y.units, scale: y.scale)), d.units != .min else { return "" }
    return "，差 \(CellValue.amount(Amount(normalizing: abs(d.units), scale: d.scale)).displayText)"
}

/// Checks the declared sums (computed cells) that belong to one rule.
enum SumCheck {
    /// The formulas of each form tagged with `ruleID`.
    static func formulas(_ ruleID: String) -> PerForm<[Formula]> {
        PerForm { def in def.formulas.filter { $0.ruleID == ruleID } }
    }

    /// Reports every formula whose parts are filled but whose total differs.
    static func run(_ formulas: [Formula], _ context: inout RuleContext, describe: (CellDefinition) -> String) {
        let cells = context.report.cells
        for formula in formulas {
            let target = cells[formula.target]
            guard !target.isEmpty, let sum = CellValue.sum(of: formula.addends, in: cells) else { continue }
            if !sum.numericallyEquals(target) {
                let def = context.definition.cells[formula.target]
                var cells: [Int] = []
                cells.reserveCapacity(1 + formula.addends.count)
                cells.append(formula.target)
                cells += formula.addends
                context.report(
                    cells: cells, section: def.ref.table.section,
                    expected: sum.description, actual: target.description,
                    messageText([def.label, "：", describe(def), "，应为 ", sum.displayText, "，实际填写 ", target.displayText, gapText(sum, target), "。"]))
            }
        }
    }
}
