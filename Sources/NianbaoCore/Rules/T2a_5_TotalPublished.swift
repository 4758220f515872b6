extension Rule {
    /// T2a-5 (2019 form): 对外公开总数量 ≥ 本年新公开数量.
    static let t2a_5 = Rule(
        id: "T2a-5", severity: .warning, forms: [.v2019],
        summary: "表二（2019 版）第二十条第（一）项：对外公开总数量 不小于 本年新公开数量"
    ) { context in
        for row in ["reg", "norm"] {
            guard let total = context.index(.t2, row, "total_published"), let published = context.index(.t2, row, "published"),
                  let t = context.value(total).count, let p = context.value(published).count, t < p else { continue }
            let label = context.definition.table(.t2).row(row)?.label ?? row
            context.report(
                cells: [total, published], section: .s2, expected: "≥ \(p)", actual: String(t),
                "二 › \(label)：对外公开总数量（\(t)）小于本年新公开数量（\(p)），累计总数不应少于本年新公开的数量。")
        }
    }
}
