extension Rule {
    /// a total the prose states equals the parts it lists (exactly when the list names 其他,
    /// at least when it does not), and a stated percentage is the part's share of its base at the printed precision.
    static let x_2 = Rule(
        id: "X-2", severity: .warning,
        summary: "正文中的合计与所列分项相符（列出“其他”时应相等，否则分项之和不应超过合计）；百分比按所印精度等于分项占合计的比例"
    ) { context in
        for part in RuleContext.figureParts {
            let analysis = context.narrative(part)
            let label = part.label(in: context.report.form)
            for list in analysis.lists {
                let total = analysis.figures[list.head].units
                let parts = list.parts.map { analysis.figures[$0].units }
                let sum = parts.reduce(0, +)
                guard list.exhaustive ? sum != total : sum > total else { continue }
                let unit = analysis.figures[list.head].unitText
                let terms = parts.map(String.init).joinedText(separator: " + ")
                let rule = list.exhaustive
                    ? "所列分项含“其他”，应合计为 \(total) \(unit)"
                    : "分项之和超过了合计 \(total) \(unit)"
                context.report(
                    cells: [], section: RuleContext.section(of: part), expected: String(total), actual: String(sum),
                    span: context.span(part, analysis, sentence: list.sentence),
                    "\(label)写“\(analysis.excerpt(upTo: list.head))”，所列分项 \(terms) = \(sum) \(unit)，\(rule)。")
            }
            for percent in analysis.percents {
                let partValue = analysis.figures[percent.part].units
                let printed = analysis.figures[percent.percent]
                let bases = PercentBase.candidates(for: percent, in: analysis)
                guard !bases.isEmpty, !bases.contains(where: { PercentBase.matches(printed, part: partValue, base: $0) }),
                      let base = bases.first else { continue }
                context.report(
                    cells: [], section: RuleContext.section(of: part),
                    expected: PercentBase.text(part: partValue, base: base, scale: printed.scale), actual: printed.numberText + "%",
                    span: context.span(part, analysis, sentence: percent.sentence),
                    "\(label)写“\(analysis.excerpt(upTo: percent.percent))”：\(partValue) / \(base) = "
                        + "\(PercentBase.text(part: partValue, base: base, scale: printed.scale))，与所写的 \(printed.numberText)% 不符。")
            }
        }
    }
}

/// The base a stated percentage may be of, and the comparison at the printed precision.
enum PercentBase {
    /// Bases the part may be a share of: the total of the list it is in, and the year's totals
    /// stated before it in the same paragraph (received, concluded, received + carried in).
    static func candidates(for percent: PercentStatement, in analysis: NarrativeAnalysis) -> [Int64] {
        var bases: [Int64] = []
        if let list = analysis.lists.first(where: { $0.parts.contains(percent.part) }) {
            bases.append(analysis.figures[list.head].units)
        }
        let paragraph = analysis.text.paragraphOfSentence[percent.sentence]
        var received: Int64?, carriedIn: Int64?
        for statement in analysis.statements where statement.figure < percent.part
            && analysis.text.paragraphOfSentence[statement.sentence] == paragraph {
            switch statement.target {
            case .received: received = statement.value; bases.append(statement.value)
            case .concluded: bases.append(statement.value)
            case .carriedIn: carriedIn = statement.value
            default: break
            }
        }
        if let received, let carriedIn { bases.append(received + carriedIn) }
        let part = analysis.figures[percent.part].units
        return bases.filter { $0 > 0 && $0 >= part }
    }

    /// True when `printed` is part / base × 100 rounded (half up), truncated or rounded up at its precision.
    static func matches(_ printed: Figure, part: Int64, base: Int64) -> Bool {
        let scale = ClaimReader.pow10(printed.scale)
        let numerator = part * 100 * scale
        let truncated = numerator / base
        let rounded = (2 * numerator + base) / (2 * base)
        let up = (numerator + base - 1) / base
        return printed.units == truncated || printed.units == rounded || printed.units == up
    }

    /// part / base as a percentage at `scale` decimals, rounded half up: `42.86%`.
    static func text(part: Int64, base: Int64, scale: Int) -> String {
        let rounded = (2 * part * 100 * ClaimReader.pow10(scale) + base) / (2 * base)
        let figure = Figure(units: rounded, scale: scale, unit: .percent, digits: 0..<0, range: 0..<0, approximate: false)
        return figure.numberText + "%"
    }
}
