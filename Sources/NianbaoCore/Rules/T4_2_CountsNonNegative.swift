extension Rule {
    /// T4-2: every cell of table 四 is an integer ≥ 0.
    static let t4_2 = Rule(
        id: "T4-2", severity: .error,
        summary: "表四所有数据均为不小于 0 的整数"
    ) { context in
        KindCheck.run(cells[context.report.form], &context)
    }
}

private let cells = KindCheck.cells(of: .t4)
