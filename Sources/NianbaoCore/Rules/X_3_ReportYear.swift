extension Rule {
    /// the year of the report's title and the preface's statistical period (N 年 1 月 1 日至 12 月 31 日) are the report year.
    static let x_3 = Rule(
        id: "X-3", severity: .warning,
        summary: "前言中的报告标题年份和统计期限（N 年 1 月 1 日至 12 月 31 日）与报告年度一致"
    ) { context in
        let part = TextPart.preface
        let analysis = context.narrative(part)
        let year = context.report.year
        for (f, figure) in analysis.figures.enumerated() {
            guard case .year = figure.unit, Int(figure.units) != year else { continue }
            let after = figure.range.upperBound
            let kind: String
            if analysis.text.matches(ReportYearWords.periodStart, at: after) {
                kind = "统计期限的起始日期"
            } else if analysis.text.matches(ReportYearWords.periodEnd, at: after) {
                kind = "统计期限的截止日期"
            } else if ReportYearWords.isTitle(analysis, after: after) {
                kind = "报告标题中的年份"
            } else {
                continue
            }
            let sentence = analysis.text.sentenceIndex(of: figure.digits.lowerBound)
            context.report(
                cells: [], section: nil, expected: String(year), actual: String(figure.units),
                span: context.span(part, analysis, sentence: sentence),
                "前言写“\(analysis.excerpt(upTo: f))”：\(kind)是 \(figure.units) 年，而这是 \(year) 年度的报告"
                    + "（统计期限应为 \(year) 年 1 月 1 日至 12 月 31 日）。")
        }
    }
}

/// The words X-3 looks for after a year.
enum ReportYearWords {
    static let periodStart = "1月1日".scalarValues
    static let periodEnd = "12月31日".scalarValues
    static let title = "政府信息公开".scalarValues
    static let report = "报告".scalarValues

    /// `2024年（度）政府信息公开工作（年度）报告`, allowing a few characters between.
    static func isTitle(_ analysis: NarrativeAnalysis, after offset: Int) -> Bool {
        let text = analysis.text
        let window = offset..<min(text.scalars.count, offset + 6)
        guard let at = text.find(title, in: window) else { return false }
        return text.find(report, in: at..<min(text.scalars.count, at + 16)) != nil
    }
}
