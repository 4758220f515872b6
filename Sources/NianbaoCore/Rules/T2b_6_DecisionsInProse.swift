extension Rule {
    /// T2b-6: a number of 行政许可 / 行政处罚 / 行政强制 decisions stated in 一 is larger than table 二's 处理决定数量
    /// (which counts every decision, including those not made public).
    static let t2b_6 = Rule(
        id: "T2b-6", severity: .warning,
        summary: "一、总体情况 中的行政许可、行政处罚、行政强制决定（公开）件数不应大于表二的处理决定数量（后者包括未公开的决定）"
    ) { context in
        let part = TextPart.section(.s1)
        let analysis = context.narrative(part)
        for (f, figure) in analysis.figures.enumerated() where figure.isExactCount {
            guard let row = DecisionWords.row(before: figure, in: analysis.text),
                  let cell = context.index(.t2, row.id, "decisions"), let n = context.value(cell).count,
                  figure.units > n else { continue }
            let sentence = analysis.text.sentenceIndex(of: figure.digits.lowerBound)
            context.report(
                cells: [cell], section: .s1, expected: "≤ \(n)", actual: String(figure.units),
                span: context.span(part, analysis, sentence: sentence),
                "一、总体情况写“\(analysis.excerpt(upTo: f))”，多于表二 \(row.label) 的处理决定数量 \(n)。"
                    + "处理决定数量应包括已公开和依法未公开的全部决定，请核对。")
        }
    }
}

/// The 第二十条 rows a prose figure of decisions may restate.
enum DecisionWords {
    static let rows: [(id: String, label: String, word: [UInt32])] = [
        ("lic", "行政许可", "行政许可".scalarValues), ("pun", "行政处罚", "行政处罚".scalarValues),
        ("coe", "行政强制", "行政强制".scalarValues),
    ]
    static let decision: [[UInt32]] = ["决定", "信息", "事项", "案件"].map(\.scalarValues)
    static let exclusions: [[UInt32]] = ["事项目录", "清单", "权力", "平均", "办理时限", "%"].map(\.scalarValues)

    /// The row named in the clause just before the figure, when exactly one is and the clause speaks of decisions.
    static func row(before figure: Figure, in text: NarrativeText) -> (id: String, label: String)? {
        var start = figure.digits.lowerBound
        let sentence = text.sentences[text.sentenceIndex(of: start)]
        while start > sentence.lowerBound, !NarrativeText.endsClause(text.scalars[start - 1]),
              figure.digits.lowerBound - start < 24 { start -= 1 }
        let clause = start..<figure.digits.lowerBound
        let named = rows.filter { text.find($0.word, in: clause) != nil }
        guard named.count == 1, text.contains(any: decision, in: clause), !text.contains(any: exclusions, in: clause) else {
            return nil
        }
        return (named[0].id, named[0].label)
    }
}
