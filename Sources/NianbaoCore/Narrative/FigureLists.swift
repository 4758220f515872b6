/// A stated total and the parts listed after it: `…N 件，其中 A 类 a 件、B 类 b 件、其他 c 件`.
struct FigureList: Sendable, Equatable {
    /// Index of the total's figure.
    let head: Int
    /// Indices of the parts' figures.
    let parts: [Int]
    /// True when the last part names 其他 / 其余: the parts are then all of the total.
    let exhaustive: Bool
    let sentence: Int
}

/// A percentage stated of a figure: `42 件，占 42.86%`.
struct PercentStatement: Sendable, Equatable {
    /// Index of the part's figure.
    let part: Int
    /// Index of the percentage's figure.
    let percent: Int
    let sentence: Int
}

/// Finds lists of parts and percentages.
enum ListReader {
    static let remainder: [[UInt32]] = ["其他", "其它", "其余"].map(\.scalarValues)
    /// Words that make a clause a statement of its own rather than a listed part.
    static let verbs: [[UInt32]] = ["增加", "减少", "增长", "下降", "同比", "较上年", "较去年", "比上年", "累计", "共计", "通过",
                                    "发布", "推送", "转载", "办理", "回复", "收到", "受理", "其中", "另有", "此外", "平均"]
        .map(\.scalarValues)
    static let totalWords: [[UInt32]] = ["共计", "累计", "合计", "总计", "总数", "全年共", "年共", "共发布", "共公开", "共收到",
                                         "共主动", "共受理", "共办理", "共计"].map(\.scalarValues)
    static let share = "占".scalarValues

    static func lists(_ c: StatementReader.Context) -> [FigureList] {
        var lists: [FigureList] = []
        let s = c.text.scalars
        let countEnds = Set(c.figures.filter(\.isExactCount).map(\.range.upperBound))
        for (f, head) in c.figures.enumerated() where head.isExactCount {
            let sentenceIndex = c.text.sentenceIndex(of: head.digits.lowerBound)
            let sentence = c.text.sentences[sentenceIndex]
            // The marker must follow the total directly: `N 件，其中` / `N 条，包括`; or, with no marker,
            // the total's own clause says 共 / 累计.
            var i = head.range.upperBound
            while i < sentence.upperBound, s[i] == 0x20 || s[i] == 0x2C || s[i] == 0x28 || s[i] == 0x3001 { i += 1 }
            let marker = c.hits.first { $0.range.lowerBound == i && $0.lexeme == .split }
            var clauseStart = head.digits.lowerBound
            while clauseStart > sentence.lowerBound, !NarrativeText.endsClause(s[clauseStart - 1]),
                  !countEnds.contains(clauseStart) {
                clauseStart -= 1
            }
            let implicit = marker == nil && c.text.contains(any: totalWords, in: clauseStart..<head.digits.lowerBound)
            guard marker != nil || implicit else { continue }
            if marker == nil, i < s.count, s[i - 1] != 0x2C { continue }
            let closesAt = s[head.range.upperBound..<min(s.count, i)].contains(0x28)
                ? (i..<sentence.upperBound).first { s[$0] == 0x29 } ?? sentence.upperBound
                : sentence.upperBound
            var parts: [Int] = []
            var exhaustive = false
            var previousEnd = marker?.range.upperBound ?? i
            for p in (f + 1)..<c.figures.count {
                let part = c.figures[p]
                guard part.digits.lowerBound < closesAt else { break }
                guard part.unit == head.unit, part.isExactCount else {
                    if case .year = part.unit { continue }
                    break
                }
                let clause = previousEnd..<part.digits.lowerBound
                if c.text.contains(any: verbs, in: clause) { break }
                if implicit, c.hits.contains(where: { clause.contains($0.range.lowerBound) && $0.lexeme != .split }) { break }
                if c.hits.contains(where: {
                    clause.contains($0.range.lowerBound) && ($0.lexeme.isFlowTarget || $0.lexeme == .blocker(strong: true))
                }) { break }
                parts.append(p)
                previousEnd = part.range.upperBound
                var lead = clause.lowerBound
                while lead < clause.upperBound, s[lead] == 0x20 || s[lead] == 0x2C || s[lead] == 0x3001
                    || s[lead] == 0x548C || s[lead] == 0x53CA || s[lead] == 0x4EE5 { lead += 1 }  // 和 及 以(及)
                let namesRemainder = remainder.contains { c.text.matches($0, at: lead) }
                    && !c.hits.contains { $0.range.lowerBound == lead && $0.lexeme == .target(.otherOutcome) }
                // The remainder must be the last part: `其他文件 4 条` in the middle is a category.
                exhaustive = namesRemainder
            }
            guard parts.count >= 2 || (parts.count == 1 && marker != nil) else { continue }
            lists.append(FigureList(head: f, parts: parts, exhaustive: exhaustive, sentence: sentenceIndex))
        }
        return lists
    }

    static func percents(_ c: StatementReader.Context) -> [PercentStatement] {
        var result: [PercentStatement] = []
        for (p, figure) in c.figures.enumerated() {
            guard case .percent = figure.unit, !figure.approximate else { continue }
            let sentenceIndex = c.text.sentenceIndex(of: figure.digits.lowerBound)
            let sentence = c.text.sentences[sentenceIndex]
            // 占 within a few scalars before the percentage (占 42%, 占比 42%, 占总数的 42%).
            let window = max(sentence.lowerBound, figure.digits.lowerBound - 8)..<figure.digits.lowerBound
            guard let at = c.text.find(share, in: window) else { continue }
            // The part: the nearest exact count before 占, in the same sentence, with no other percentage between.
            guard let part = (0..<p).last(where: { c.figures[$0].range.upperBound <= at }),
                  c.figures[part].isExactCount,
                  at - c.figures[part].range.upperBound <= 4 else { continue }
            result.append(PercentStatement(part: part, percent: p, sentence: sentenceIndex))
        }
        return result
    }
}

extension Lexeme {
    var isFlowTarget: Bool { if case .target(let t) = self { t.isFlow } else { false } }
}
