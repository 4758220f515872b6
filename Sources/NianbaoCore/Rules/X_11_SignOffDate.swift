extension Rule {
    /// the sign-off date is after 31 December of the report year and by the deadline for the scope
    /// (本机关: 31 January of N+1; 本级政府汇总: 31 March of N+1; 条例 第四十九条).
    static let x_11 = Rule(
        id: "X-11", severity: .warning,
        summary: "落款日期在报告年度 12 月 31 日之后，且不晚于法定时限（部门 次年 1 月 31 日，本级政府 次年 3 月 31 日）"
    ) { context in
        guard let date = context.report.signOff?.date else { return }
        let year = context.report.year
        let government = context.report.scope == .government
        guard let yearEnd = CalendarDate(year: year, month: 12, day: 31),
              let deadline = CalendarDate(year: year + 1, month: government ? 3 : 1, day: 31) else { return }
        let agency = context.report.signOff?.agency ?? ""
        let span = TextSpan(part: .signOff, range: 0..<agency.count, quote: agency)
        if date <= yearEnd {
            context.report(
                cells: [], section: nil, expected: "> \(yearEnd)", actual: date.description, span: span,
                "落款日期 \(date.chinese) 不晚于 \(year) 年 12 月 31 日：统计期限尚未结束，报告不应在此之前成稿。请核对日期。")
        } else if date > deadline {
            let who = government ? "本级政府年度报告" : "政府部门的年度报告"
            context.report(
                cells: [], section: nil, expected: "≤ \(deadline)", actual: date.description, span: span,
                "落款日期 \(date.chinese) 晚于法定时限：\(who)应于 \(deadline.chinese) 前公布（《条例》第四十九条）。")
        }
    }
}
