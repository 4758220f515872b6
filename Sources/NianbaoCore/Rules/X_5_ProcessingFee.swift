extension Rule {
    /// X-5 (2021 form): section 六 reports 信息处理费 collection, even if none was collected.
    ///
    /// Real wordings: 信息处理费, 信息公开处理费, 政府信息公开信息处理费, 处理费, and 未收取（任何）费用.
    static let x_5 = Rule(
        id: "X-5", severity: .warning, forms: [.v2021],
        summary: "2021 版：六、其他需要报告的事项 须报告信息处理费收取情况（未收取也应说明）"
    ) { context in
        let text = context.report.text(.s6)
        guard !text.isEmpty, !FeeStatement.isPresent(in: text) else { return }
        context.report(
            cells: [], section: .s6,
            "六、其他需要报告的事项：2021 版格式要求在此报告信息处理费收取情况（如“本年度未收取信息处理费”），正文中未找到信息处理费的收取情况。")
    }
}

/// Whether a text states what was charged for processing information.
enum FeeStatement {
    /// 处理费 covers 信息处理费, 信息公开处理费 and 政府信息公开信息处理费; 费用 counts with 收取 / 收费 (未收取任何费用).
    static func isPresent(in text: String) -> Bool {
        if TextSearch.contains(text, "处理费") { return true }
        guard TextSearch.contains(text, "费用") else { return false }
        return TextSearch.contains(text, "收取") || TextSearch.contains(text, "收费") || TextSearch.contains(text, "缴费")
    }
}
