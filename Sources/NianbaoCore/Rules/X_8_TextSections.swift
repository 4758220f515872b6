extension Rule {
    /// the text sections 一, 五 and 六 are written (六 may say 无).
    static let x_8 = Rule(
        id: "X-8", severity: .warning,
        summary: "一、总体情况，五、存在的主要问题及改进情况，六、其他需要报告的事项 均不为空（六 无内容时写“无”）"
    ) { context in
        for section in Report.textSections where context.report.text(section).allSatisfy(\.isWhitespace) {
            let title = context.definition.section(section).title
            let hint = section == .s6 ? "没有需要报告的事项时请写“无”。" : "请填写正文。"
            context.report(cells: [], section: section, "\(title)：尚未填写。\(hint)")
        }
    }
}
