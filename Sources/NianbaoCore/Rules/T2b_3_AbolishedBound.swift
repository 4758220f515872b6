extension Rule {
    /// T2b-3 (2021 form): 本年废止件数 ≤ 现行有效件数(N−1) + 本年制发件数.
    ///
    /// Without last year's report, 现行有效件数(N−1) is implied as 现行有效 − 制发 + 废止,
    /// which must not be negative: 现行有效件数 + 本年废止件数 ≥ 本年制发件数.
    static let t2b_3 = Rule(
        id: "T2b-3", severity: .warning, forms: [.v2021],
        summary: "表二（2021 版）：本年废止件数 ≤ 上一年度现行有效件数 + 本年制发件数（无上一年度报告时：现行有效件数 + 本年废止件数 ≥ 本年制发件数）"
    ) { context in
        for row in ["reg", "norm"] {
            guard let valid = context.index(.t2, row, "valid"), let issued = context.index(.t2, row, "issued"),
                  let abolished = context.index(.t2, row, "abolished"),
                  let v = context.value(valid).count, let i = context.value(issued).count,
                  let a = context.value(abolished).count else { continue }
            let label = context.definition.table(.t2).row(row)?.label ?? row
            if let previous = context.previous, previous.form == .v2021, let before = previous.cells[valid].count {
                guard a > before + i else { continue }
                context.report(
                    cells: [abolished, issued], section: .s2, expected: "≤ \(before + i)", actual: String(a),
                    "二 › \(label)：本年废止 \(a) 件，超过了 \(previous.year) 年度现行有效的 \(before) 件与本年制发的 \(i) 件之和。")
            } else if v + a < i {
                context.report(
                    cells: [valid, abolished, issued], section: .s2, expected: "≥ \(i)", actual: String(v + a),
                    "二 › \(label)：本年制发 \(i) 件，但现行有效 \(v) 件加本年废止 \(a) 件只有 \(v + a) 件，本年制发的文件去向不明。")
            }
        }
    }
}
