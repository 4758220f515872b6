extension Rule {
    /// T2a-6 (cross-year, 2019 form both years): 对外公开总数量(N) ≈ 对外公开总数量(N−1) + 本年新公开数量(N).
    static let t2a_6 = Rule(
        id: "T2a-6", severity: .info, forms: [.v2019], needsPrevious: true,
        summary: "跨年度（2019 版两年之间）：对外公开总数量 约等于 上一年度的对外公开总数量 + 本年新公开数量（清理后可能减少）"
    ) { context in
        guard let previous = context.previous, previous.form == .v2019 else { return }
        for row in ["reg", "norm"] {
            guard let total = context.index(.t2, row, "total_published"), let published = context.index(.t2, row, "published"),
                  let before = previous.definition.index(of: CellRef(table: .t2, row: row, column: "total_published")),
                  let t = context.value(total).count, let p = context.value(published).count,
                  let b = previous.cells[before].count, t != b + p else { continue }
            let label = context.definition.table(.t2).row(row)?.label ?? row
            context.report(
                cells: [total, published], section: .s2, expected: String(b + p), actual: String(t),
                "二 › \(label)：对外公开总数量为 \(t)，而 \(previous.year) 年度的 \(b) 件加本年新公开 \(p) 件为 \(b + p) 件"
                    + "（清理、废止后可能减少，请核实）。")
        }
    }
}
