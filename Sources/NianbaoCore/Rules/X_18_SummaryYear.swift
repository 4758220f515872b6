extension Rule {
    /// a work-summary phrase in 一 opens with a year other than the report's (`2024 年，本机关共收到…` in a 2025 report).
    static let x_18 = Rule(
        id: "X-18", severity: .warning,
        summary: "一、总体情况 中总结本年工作的语句以其他年份开头（可能沿用了往年的文字）"
    ) { context in
        let part = TextPart.section(.s1)
        let analysis = context.narrative(part)
        for found in analysis.summaryYears {
            context.report(
                cells: [], section: .s1, expected: String(context.report.year), actual: String(found.year),
                span: context.span(part, analysis, sentence: found.sentence),
                "一、总体情况写“\(analysis.excerpt(upTo: found.figure))…”：这是 \(context.report.year) 年度报告，"
                    + "此处却写 \(found.year) 年，是否沿用了往年的文字？")
        }
    }
}
