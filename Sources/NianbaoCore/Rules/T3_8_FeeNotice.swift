extension Rule {
    /// T3-8 (2021 form): （六）2 > 0 (not processed after not paying a 收费通知) means 收费通知 were issued; section 六 says so.
    static let t3_8 = Rule(
        id: "T3-8", severity: .warning, forms: [.v2021],
        summary: "2021 版：表三（六）2（逾期未按收费通知缴费）大于 0 时，六、其他需要报告的事项 应说明发出过收费通知，不能写“未发出收费通知”"
    ) { context in
        guard let cell = context.index(.t3, "r3_6_2", "total"), let n = context.value(cell).count, n > 0 else { return }
        let part = TextPart.section(.s6)
        let analysis = context.narrative(part)
        if let claim = analysis.claims.first(where: { $0.kind == .noFeeNotice }) {
            context.report(
                cells: [cell], section: .s6, actual: String(n), span: context.span(part, analysis, sentence: claim.sentence),
                "六、其他需要报告的事项写“\(analysis.text.slice(claim.range))”，而表三（六）2.申请人逾期未按收费通知要求缴纳费用 为 \(n) 件，"
                    + "说明发出过收费通知。")
            return
        }
        // A text that says 未收取信息处理费 without a word on 收费通知 is reported by X-16 instead.
        guard !FeeNotice.isMentioned(in: context.report), !analysis.claims.contains(where: { $0.kind == .noFee }) else { return }
        context.report(
            cells: [cell], section: .s6, actual: String(n),
            "表三（六）2.申请人逾期未按收费通知要求缴纳费用 为 \(n) 件，六、其他需要报告的事项 却未提到收费通知。"
                + "请说明本年发出收费通知、应收和实收信息处理费的情况。")
    }
}
