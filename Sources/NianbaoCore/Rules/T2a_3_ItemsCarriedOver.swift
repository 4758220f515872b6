extension Rule {
    /// T2a-3 (cross-year, 2019 form both years): 上一年项目数量(N) = 上一年项目数量(N−1) + 本年增/减(N−1).
    static let t2a_3 = Rule(
        id: "T2a-3", severity: .warning, forms: [.v2019], needsPrevious: true,
        summary: "跨年度（2019 版两年之间）：本年 上一年项目数量 = 上一年度报告的 上一年项目数量 + 本年增/减"
    ) { context in
        guard let previous = context.previous, previous.form == .v2019 else { return }
        let before = T2Items.plans[.v2019]
        for item in T2Items.plans[context.report.form] {
            guard let last = before.first(where: { $0.row == item.row }),
                  let now = context.value(item.prevItems).count,
                  let p = previous.cells[last.prevItems].count, let c = previous.cells[last.change].count,
                  now != p + c else { continue }
            context.report(
                cells: [item.prevItems], section: .s2, expected: String(p + c), actual: String(now),
                "二 › \(item.label)：上一年项目数量为 \(now)，而 \(previous.year) 年度报告的 上一年项目数量（\(p)）+ 本年增/减（\(c)）= \(p + c)。")
        }
    }
}
