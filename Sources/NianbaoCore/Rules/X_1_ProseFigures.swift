extension Rule {
    /// a figure the prose states for a table cell (收到 N 件, 上年结转 N 件, 办结 N 件 …) equals that cell.
    static let x_1 = Rule(
        id: "X-1", severity: .warning,
        summary: "正文（一、五）中的数字与表格一致：收到、上年结转、办结、结转下年度、各办理结果、行政复议、行政诉讼、规范性文件件数"
    ) { context in
        for part in RuleContext.figureParts {
            let analysis = context.narrative(part)
            for statement in analysis.statements {
                guard let cells = context.cells(of: statement.target),
                      let table = context.tableValue(of: statement.target), table != statement.value else { continue }
                let figure = analysis.figureText(statement.figure)
                context.report(
                    cells: cells, section: RuleContext.section(of: part), expected: String(table), actual: String(statement.value),
                    span: context.span(part, analysis, sentence: statement.sentence),
                    "\(part.label(in: context.report.form))写“\(analysis.excerpt(upTo: statement.figure))”（\(statement.target.phrase) \(figure)），"
                        + "而表中 \(statement.target.tableLabel(context.report.form)) 为 \(table)。请核对正文与表格。")
            }
        }
    }
}
