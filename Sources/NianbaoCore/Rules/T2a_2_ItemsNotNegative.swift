extension Rule {
    /// T2a-2 (2019 form): 上一年项目数量 + 本年增/减 ≥ 0, the number of items at year end.
    static let t2a_2 = Rule(
        id: "T2a-2", severity: .error, forms: [.v2019],
        summary: "表二（2019 版）：上一年项目数量 + 本年增/减 ≥ 0"
    ) { context in
        for item in T2Items.plans[context.report.form] {
            guard let prev = context.value(item.prevItems).count, let change = context.value(item.change).count,
                  prev + change < 0 else { continue }
            context.report(
                cells: [item.prevItems, item.change], section: .s2, expected: "≥ 0", actual: String(prev + change),
                "二 › \(item.label)：上一年项目数量（\(prev)）加本年增/减（\(change)）为 \(prev + change)，年末项目数量不能为负数。")
        }
    }
}

/// Cell indices of each 2019-form row that has 上一年项目数量 and 本年增/减.
struct T2Items: Sendable {
    let row: String
    let label: String
    let prevItems: Int
    let change: Int

    static let plans = PerForm { def -> [T2Items] in
        def.table(.t2).allRows.compactMap { row in
            guard let p = def.index(of: CellRef(table: .t2, row: row.id, column: "prev_items")),
                  let c = def.index(of: CellRef(table: .t2, row: row.id, column: "change")) else { return nil }
            return T2Items(row: row.id, label: row.label, prevItems: p, change: c)
        }
    }
}
