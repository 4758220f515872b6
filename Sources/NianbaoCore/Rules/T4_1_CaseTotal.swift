extension Rule {
    /// T4-1: in each block of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    static let t4_1 = Rule(
        id: "T4-1", severity: .error,
        summary: "表四每一组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"
    ) { context in
        SumCheck.run(formulas[context.report.form], &context) { _ in "总计应等于结果维持、结果纠正、其他结果、尚未审结之和" }
    }
}

private let formulas = SumCheck.formulas("T4-1")
