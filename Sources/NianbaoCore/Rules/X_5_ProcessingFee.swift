extension Rule {
    /// X-5 (2021 form): section 六 reports 信息处理费 collection, even if none was collected.
    static let x_5 = Rule(
        id: "X-5", severity: .warning, forms: [.v2021],
        summary: "2021 版：六、其他需要报告的事项 须报告信息处理费收取情况（未收取也应说明）"
    ) { context in
        let text = context.report.text(.s6)
        guard !text.isEmpty, !TextSearch.contains(text, "信息处理费") else { return }
        context.report(
            cells: [], section: .s6,
            "六、其他需要报告的事项：2021 版格式要求在此报告信息处理费收取情况（如“本年度未收取信息处理费”），正文中未找到“信息处理费”。")
    }
}
