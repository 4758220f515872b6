extension Rule {
    /// T3-5: no column concludes or carries over more than it had (一 + 二).
    static let t3_5 = Rule(
        id: "T3-5", severity: .error,
        summary: "表三每一列：办理结果总计、结转下年度均不超过 本年新收 + 上年结转"
    ) { context in
        for column in T3Columns.plans[context.report.form] {
            guard let available = CellValue.sum([context.value(column.r1), context.value(column.r2)])?.asAmount else { continue }
            for (row, name) in [(column.r3_7, "办理结果总计"), (column.r4, "结转下年度继续办理")] {
                guard let value = context.value(row).asAmount, available < value else { continue }
                context.report(
                    cells: [row, column.r1, column.r2], section: .s3,
                    expected: "≤ \(available)", actual: value.description,
                    "三 › \(column.label)：\(name)（\(value.grouped)）超过了本年新收与上年结转之和（\(available.grouped)）。")
            }
        }
    }
}
