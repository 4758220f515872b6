extension Rule {
    /// the prose says no application was received while 一、本年新收 > 0.
    static let x_14 = Rule(
        id: "X-14", severity: .warning,
        summary: "正文称“未收到政府信息公开申请”，表三 一、本年新收政府信息公开申请数量 却大于 0"
    ) { context in
        guard let received = context.count("t3.r1.total"), received > 0, let cell = context.cells(of: .received) else { return }
        for part in RuleContext.claimParts {
            let analysis = context.narrative(part)
            for claim in analysis.claims where claim.kind == .noApplications {
                let sentence = analysis.text.sentences[claim.sentence]
                guard !StatementReader.aboutAnotherYear(
                    StatementReader.Context(text: analysis.text, figures: analysis.figures, hits: [], year: context.report.year,
                                            agencyScope: true),
                    target: .received, in: sentence.lowerBound..<claim.range.lowerBound) else { continue }
                context.report(
                    cells: cell, section: RuleContext.section(of: part), expected: "0", actual: String(received),
                    span: context.span(part, analysis, sentence: claim.sentence),
                    "\(part.label(in: context.report.form))写“\(analysis.text.slice(claim.range))”，"
                        + "而表三 一、本年新收政府信息公开申请数量 为 \(received) 件。")
            }
        }
    }
}
