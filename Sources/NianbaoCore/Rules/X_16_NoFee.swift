extension Rule {
    /// the prose says no 信息处理费 was charged while （六）2 (逾期未缴费) > 0 or the prose reports a fee.
    static let x_16 = Rule(
        id: "X-16", severity: .warning,
        summary: "正文称“未收取信息处理费”，表三（六）2（逾期未按收费通知缴费）却大于 0，或正文又写了收费金额"
    ) { context in
        let unpaid = context.definition.index(of: CellRef(table: .t3, row: "r3_6_2", column: "total"))
        let unpaidCount = unpaid.flatMap { context.value($0).count } ?? 0
        var collected: (part: TextPart, words: String)?
        for part in RuleContext.claimParts {
            let analysis = context.narrative(part)
            if let claim = analysis.claims.first(where: { $0.kind == .feeCollected }) {
                collected = (part, analysis.text.slice(claim.range))
                break
            }
        }
        for part in RuleContext.claimParts {
            let analysis = context.narrative(part)
            for claim in analysis.claims where claim.kind == .noFee {
                let words = analysis.text.slice(claim.range)
                let span = context.span(part, analysis, sentence: claim.sentence)
                if let collected {
                    context.report(
                        cells: [], section: RuleContext.section(of: part), span: span,
                        "\(part.label(in: context.report.form))写“\(words)”，而\(collected.part.label(in: context.report.form))"
                            + "又写“\(collected.words)”。请统一收费情况的表述。")
                } else if unpaidCount > 0, let unpaid, !FeeNotice.isMentioned(in: context.report) {
                    context.report(
                        cells: [unpaid], section: RuleContext.section(of: part), actual: String(unpaidCount), span: span,
                        "\(part.label(in: context.report.form))写“\(words)”，而表三（六）2.申请人逾期未按收费通知要求缴纳费用 为 "
                            + "\(unpaidCount) 件，说明本年发出过收费通知。请在六、其他需要报告的事项 中说明收费通知的发出和收费情况。")
                }
            }
        }
    }
}

/// Whether section 六 speaks of 收费通知 (a text that does so explains （六）2).
enum FeeNotice {
    static func isMentioned(in report: Report) -> Bool {
        let text = report.text(.s6)
        return TextSearch.contains(text, "收费通知") || TextSearch.contains(text, "缴费通知")
    }
}
