extension Rule {
    /// T3-4: every cell of table 三 is an integer ≥ 0.
    static let t3_4 = Rule(
        id: "T3-4", severity: .error,
        summary: "表三所有数据均为不小于 0 的整数"
    ) { context in
        KindCheck.run(cells[context.report.form], &context)
    }
}

private let cells = KindCheck.cells(of: .t3)
