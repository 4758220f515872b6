extension Rule {
    /// T3-2: （七）总计 equals the sum of every outcome row （一）…（六）, column by column.
    static let t3_2 = Rule(
        id: "T3-2", severity: .error,
        summary: "表三每一列：（七）总计 = （一）至（六）各项办理结果之和"
    ) { context in
        SumCheck.run(formulas[context.report.form], &context) { _ in "（七）总计应等于（一）至（六）各项办理结果之和" }
    }
}

private let formulas = SumCheck.formulas("T3-2")
