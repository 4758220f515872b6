extension Rule {
    /// the prose says every application was concluded (均已办结, 全部办结, 答复率 100%) while 四、结转下年度继续办理 > 0.
    static let x_13 = Rule(
        id: "X-13", severity: .warning,
        summary: "正文称申请“均已办结 / 全部办结 / 答复率 100%”，表三 四、结转下年度继续办理 却大于 0"
    ) { context in
        guard let carried = context.count("t3.r4.total"), carried > 0, let cell = context.cells(of: .carriedOut) else { return }
        for part in RuleContext.claimParts {
            let analysis = context.narrative(part)
            for claim in analysis.claims where claim.kind == .allConcluded {
                let words = analysis.text.slice(claim.range)
                context.report(
                    cells: cell, section: RuleContext.section(of: part), expected: "0", actual: String(carried),
                    span: context.span(part, analysis, sentence: claim.sentence),
                    "\(part.label(in: context.report.form))写“\(words)”，而表三 四、结转下年度继续办理 为 \(carried) 件，"
                        + "并非全部办结。请改写正文（如“办结 N 件，结转下年度 \(carried) 件”）或核对表格。")
            }
        }
    }
}
