extension Rule {
    /// the prose says every case was upheld (均获维持) while table 四 has cases 结果纠正 or 尚未审结.
    static let x_17 = Rule(
        id: "X-17", severity: .warning,
        summary: "正文称复议、诉讼案件“均获维持”，表四 却有结果纠正或尚未审结的案件"
    ) { context in
        for part in RuleContext.claimParts {
            let analysis = context.narrative(part)
            for claim in analysis.claims {
                guard case .allUpheld(let review, let lawsuit) = claim.kind else { continue }
                var blocks: [(id: String, name: String)] = []
                if review { blocks.append(("rv", "行政复议")) }
                if lawsuit { blocks += [("ld", "未经复议直接起诉"), ("lr", "复议后起诉")] }
                var cells: [Int] = []
                var facts: [String] = []
                for block in blocks {
                    for (column, name) in [("fix", "结果纠正"), ("pend", "尚未审结")] {
                        guard let ref = CellRef("t4.\(block.id).\(column)"), let i = context.definition.index(of: ref),
                              let n = context.value(i).count, n > 0 else { continue }
                        cells.append(i)
                        facts.append("\(block.name)\(name) \(n) 件")
                    }
                }
                guard !facts.isEmpty else { continue }
                context.report(
                    cells: cells, section: RuleContext.section(of: part), actual: facts.joinedText(separator: "，"),
                    span: context.span(part, analysis, sentence: claim.sentence),
                    "\(part.label(in: context.report.form))写“\(analysis.text.slice(claim.range))”，而表四 有"
                        + facts.joinedText(separator: "、") + "。")
            }
        }
    }
}
