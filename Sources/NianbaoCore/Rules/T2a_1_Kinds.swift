extension Rule {
    /// T2a-1 (2019 form): counts are integers ≥ 0 except 本年增/减; 采购总金额 is an amount ≥ 0 with at most 4 decimals.
    static let t2a_1 = Rule(
        id: "T2a-1", severity: .error, forms: [.v2019],
        summary: "表二（2019 版）：数量为不小于 0 的整数（本年增/减可为负）；采购总金额为不小于 0 的金额，最多 4 位小数"
    ) { context in
        KindCheck.run(cells[context.report.form], &context)
    }
}

private let cells = KindCheck.cells(of: .t2)
