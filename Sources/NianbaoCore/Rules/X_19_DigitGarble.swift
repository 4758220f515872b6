extension Rule {
    /// digits a publishing system ran together (`〔202130号`, `20251月1日`).
    static let x_19 = Rule(
        id: "X-19", severity: .info,
        summary: "正文中的文号或日期缺了字符（如“〔202130号”“20251月1日”），多为网站发布系统丢字"
    ) { context in
        for part in RuleContext.claimParts {
            let analysis = context.narrative(part)
            for garble in analysis.garbles {
                let words = analysis.text.slice(garble.range)
                context.report(
                    cells: [], section: RuleContext.section(of: part), actual: words,
                    span: context.span(part, analysis, sentence: garble.sentence),
                    "\(part.label(in: context.report.form))中的“\(words)”像是缺了字符的文号或日期（如“〔2021〕30号”“2025年1月1日”），请核对。")
            }
        }
    }
}
