extension Rule {
    /// the prose says no 行政复议 / 行政诉讼 happened while table 四 has such cases.
    static let x_15 = Rule(
        id: "X-15", severity: .warning,
        summary: "正文称“未发生行政复议、行政诉讼”，表四 却有相应案件"
    ) { context in
        let review = context.count("t4.rv.total")
        let direct = context.count("t4.ld.total"), afterReview = context.count("t4.lr.total")
        let lawsuits = direct.flatMap { d in afterReview.map { d + $0 } }
        for part in RuleContext.claimParts {
            let analysis = context.narrative(part)
            for claim in analysis.claims {
                guard case .noCases(let saysReview, let saysLawsuit) = claim.kind else { continue }
                var cells: [Int] = []
                var facts: [String] = []
                if saysReview, let review, review > 0 {
                    cells += context.cells(of: .review) ?? []
                    facts.append("行政复议 \(review) 件")
                }
                if saysLawsuit, let lawsuits, lawsuits > 0 {
                    cells += context.cells(of: .lawsuit) ?? []
                    facts.append("行政诉讼 \(lawsuits) 件")
                }
                guard !facts.isEmpty else { continue }
                context.report(
                    cells: cells, section: RuleContext.section(of: part), expected: "0", actual: facts.joinedText(separator: "，"),
                    span: context.span(part, analysis, sentence: claim.sentence),
                    "\(part.label(in: context.report.form))写“\(analysis.text.slice(claim.range))”，而表四 有"
                        + facts.joinedText(separator: "、") + "。")
            }
        }
    }
}
