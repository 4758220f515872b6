/// What the narrative rules share: which texts they read, the value of a target, and the span
/// and excerpt of a sentence.
extension RuleContext {
    /// The prose parts whose figures restate the tables (一 and 五).
    static let figureParts: [TextPart] = [.section(.s1), .section(.s5)]
    /// Every prose part a statement can be in.
    static let claimParts: [TextPart] = [.preface, .section(.s1), .section(.s5), .section(.s6)]

    /// The analysis of a prose part of the report (looked up once per validation).
    func narrative(_ part: TextPart) -> NarrativeAnalysis { narratives[part] }

    /// The cells a target restates, or nil when the form has none.
    func cells(of target: FigureTarget) -> [Int]? {
        let ids = targetCells[report.form][target] ?? []
        return ids.isEmpty ? nil : ids
    }

    /// The sum of the cells a target restates, or nil when one is blank.
    func tableValue(of target: FigureTarget) -> Int64? {
        guard let cells = cells(of: target) else { return nil }
        var total: Int64 = 0
        for i in cells {
            guard let n = value(i).count else { return nil }
            total += n
        }
        return total
    }

    /// The table count at a dotted id (nil when blank or not a count).
    func count(_ id: String) -> Int64? {
        guard let ref = CellRef(id), let i = definition.index(of: ref) else { return nil }
        return value(i).count
    }

    /// The span of sentence `sentence` of a part, for a finding.
    func span(_ part: TextPart, _ analysis: NarrativeAnalysis, sentence: Int) -> TextSpan {
        let (range, quote) = analysis.quote(sentence: sentence)
        return TextSpan(part: part, range: range, quote: quote)
    }

    /// The section a part belongs to (nil for the preface and the sign-off).
    static func section(of part: TextPart) -> SectionID? {
        if case .section(let s) = part { return s }
        return nil
    }
}

extension FigureTarget {
    /// Where the figure's cell is, in words: `三 › 一、本年新收政府信息公开申请数量 › 总计`.
    func tableLabel(_ form: FormVersion) -> String {
        targetLabels[form][self] ?? phrase
    }

    /// The label, made from the form's declaration (once per form: see `targetLabels`).
    fileprivate func makeTableLabel(_ form: FormVersion) -> String {
        switch self {
        case .refused: "三 › （三）不予公开 各项之和"
        case .unavailable: "三 › （四）无法提供 各项之和"
        case .notProcessed: "三 › （五）不予处理 各项之和"
        case .otherOutcome: form == .v2019 ? "三 › （六）其他处理 › 总计" : "三 › （六）其他处理 各项之和"
        case .grantedOrPartly: "三 › （一）予以公开 + （二）部分公开"
        case .lawsuit: "四 › 行政诉讼（未经复议直接起诉 + 复议后起诉）› 总计"
        default:
            cellIDs(form: form).first.flatMap { CellRef($0) }.flatMap { form.definition.cell($0)?.label } ?? phrase
        }
    }
}

/// The label of every target, per form.
private let targetLabels = PerForm { definition -> [FigureTarget: String] in
    Dictionary(uniqueKeysWithValues: FigureTarget.allCases.map { ($0, $0.makeTableLabel(definition.version)) })
}

/// The cell indices of every target, per form.
private let targetCells = PerForm { definition -> [FigureTarget: [Int]] in
    var map: [FigureTarget: [Int]] = [:]
    for target in FigureTarget.allCases {
        map[target] = target.cellIDs(form: definition.version).compactMap { CellRef($0).flatMap(definition.index(of:)) }
    }
    return map
}

extension NarrativeAnalysis {
    /// The words of a sentence up to the end of a figure, shortened to about 30 characters:
    /// `…共受理政府信息公开申请95件`.
    func excerpt(upTo figureIndex: Int) -> String {
        let figure = figures[figureIndex]
        let sentence = text.sentences[text.sentenceIndex(of: figure.digits.lowerBound)]
        var start = max(sentence.lowerBound, figure.range.upperBound - 30)
        while start < figure.digits.lowerBound, text.scalars[start] == 0x20 { start += 1 }
        let words = text.slice(start..<figure.range.upperBound)
        return (start > sentence.lowerBound ? "…" : "") + words
    }
}

/// The narrative analyses of one report's prose parts, each looked up in the text cache on first use.
final class NarrativeSet {
    private let report: Report
    private var made: [NarrativeAnalysis?] = Array(repeating: nil, count: TextPart.all.count)

    init(_ report: Report) { self.report = report }

    subscript(part: TextPart) -> NarrativeAnalysis {
        let slot = Self.slot(part)
        if let analysis = made[slot] { return analysis }
        let analysis = NarrativeAnalysis.of(report.text(of: part), year: report.year, agencyScope: report.scope == .agency)
        made[slot] = analysis
        return analysis
    }

    private static func slot(_ part: TextPart) -> Int {
        switch part {
        case .preface: 0
        case .section(let s): s == .s1 ? 1 : s == .s5 ? 2 : 3
        case .signOff: 4
        }
    }
}
