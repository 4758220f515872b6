extension Rule {
    /// T2b-1 (2021 form): counts are integers ≥ 0; 本年收费金额 is an amount ≥ 0 in 万元 with at most 4 decimals.
    static let t2b_1 = Rule(
        id: "T2b-1", severity: .error, forms: [.v2021],
        summary: "表二（2021 版）：件数为不小于 0 的整数；本年收费金额为不小于 0 的金额（万元），最多 4 位小数"
    ) { context in
        KindCheck.run(cells[context.report.form], &context)
    }
}

private let cells = KindCheck.cells(of: .t2)
