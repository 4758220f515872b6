extension Rule {
    /// T3-6 (cross-year): this year's 上年结转 equals last year's 结转下年度继续办理, column by column.
    static let t3_6 = Rule(
        id: "T3-6", severity: .warning, needsPrevious: true,
        summary: "跨年度：本年 二、上年结转 = 上一年度报告 四、结转下年度继续办理（逐列）"
    ) { context in
        guard let previous = context.previous else { return }
        let prevColumns = T3Columns.plans[previous.form]
        for (column, prev) in zip(T3Columns.plans[context.report.form], prevColumns) {
            let now = context.value(column.r2)
            let before = previous.cells[prev.r4]
            guard !now.isEmpty, !before.isEmpty, !now.numericallyEquals(before) else { continue }
            context.report(
                cells: [column.r2], section: .s3, expected: before.description, actual: now.description,
                "三 › \(column.label)：上年结转为 \(now.displayText)，而 \(previous.year) 年度报告的结转下年度继续办理为 \(before.displayText)。")
        }
    }
}
