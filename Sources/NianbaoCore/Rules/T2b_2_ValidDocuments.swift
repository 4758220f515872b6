extension Rule {
    /// T2b-2 (cross-year, 2021 form both years): 现行有效件数(N) = 现行有效件数(N−1) + 本年制发件数 − 本年废止件数.
    static let t2b_2 = Rule(
        id: "T2b-2", severity: .warning, forms: [.v2021], needsPrevious: true,
        summary: "跨年度（2021 版两年之间）：现行有效件数 = 上一年度 现行有效件数 + 本年制发件数 − 本年废止件数"
    ) { context in
        guard let previous = context.previous, previous.form == .v2021 else { return }
        for row in ["reg", "norm"] {
            guard let valid = context.index(.t2, row, "valid"), let issued = context.index(.t2, row, "issued"),
                  let abolished = context.index(.t2, row, "abolished"),
                  let v = context.value(valid).count, let i = context.value(issued).count,
                  let a = context.value(abolished).count, let before = previous.cells[valid].count,
                  v != before + i - a else { continue }
            let label = context.definition.table(.t2).row(row)?.label ?? row
            context.report(
                cells: [valid, issued, abolished], section: .s2, expected: String(before + i - a), actual: String(v),
                "二 › \(label)：现行有效件数为 \(v)，按 \(previous.year) 年度的 \(before) 件 + 本年制发 \(i) 件 − 本年废止 \(a) 件，应为 \(before + i - a) 件（修订或自然失效的文件可能造成差异，请核实）。")
        }
    }
}
