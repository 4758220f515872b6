extension Rule {
    /// T3-3: in every row of table 三, 总计 equals 自然人 plus the five 法人或其他组织 columns.
    static let t3_3 = Rule(
        id: "T3-3", severity: .error,
        summary: "表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"
    ) { context in
        SumCheck.run(formulas[context.report.form], &context) { _ in "总计应等于自然人与各类法人或其他组织之和" }
    }
}

private let formulas = SumCheck.formulas("T3-3")
