/// A figure of the prose that restates one cell (or one fixed sum of cells) of the tables.
struct FigureStatement: Sendable, Equatable {
    let target: FigureTarget
    /// Index into the analysis' figures.
    let figure: Int
    let value: Int64
    /// Index of the sentence.
    let sentence: Int
}

/// Reads the figure statements of a text: for each exact count, the phrase-table word that
/// says what it counts (narrative-checks.md §2), or nothing when that is not certain.
enum StatementReader {
    /// Years and scope words that make a figure about something other than the report.
    static let otherScope: [[UInt32]] = ["全区", "全市", "全县", "全省", "全镇", "全乡", "全街道", "各部门", "各单位", "各乡镇",
                                         "各街道", "各级", "县直", "市直", "区直", "下属", "所属单位", "系统内", "全系统"]
        .map(\.scalarValues)
    static let applicationWord: [[UInt32]] = ["申请", "要求公开"].map(\.scalarValues)
    static let partlyInParenthesis = "部分公开".scalarValues

    struct Context {
        let text: NarrativeText
        let figures: [Figure]
        let hits: [LexemeHit]
        let year: Int
        let agencyScope: Bool
    }

    static func statements(_ c: Context) -> [FigureStatement] {
        let s = c.text.scalars
        var statements: [FigureStatement] = []
        var previousEnd = 0
        var splitUntil = -1          // scalar offset where the current 其中 split ends
        var hitCursor = 0
        var lastDocuments: (sentence: Int, isRegulation: Bool)?
        for (f, figure) in c.figures.enumerated() {
            defer {
                if case .count = figure.unit { previousEnd = figure.range.upperBound }
                if case .percent = figure.unit { previousEnd = figure.range.upperBound }
            }
            let sentenceIndex = c.text.sentenceIndex(of: figure.digits.lowerBound)
            let sentence = c.text.sentences[sentenceIndex]
            guard figure.isExactCount, let value = figure.integer else { continue }
            // The clause: back to a clause mark or the previous count, forward to the next.
            var start = figure.digits.lowerBound
            while start > sentence.lowerBound, start > previousEnd, !NarrativeText.endsClause(s[start - 1]) { start -= 1 }
            var end = figure.range.upperBound
            let nextFigure = f + 1 < c.figures.count ? c.figures[f + 1].digits.lowerBound : Int.max
            while end < sentence.upperBound, end < nextFigure, !NarrativeText.endsClause(s[end]),
                  !NarrativeText.endsSentence(s[end]) { end += 1 }
            while hitCursor < c.hits.count, c.hits[hitCursor].range.upperBound <= sentence.lowerBound { hitCursor += 1 }
            var before: [LexemeHit] = []
            var after: [LexemeHit] = []
            var k = hitCursor
            while k < c.hits.count, c.hits[k].range.lowerBound < end {
                let hit = c.hits[k]
                if hit.range.lowerBound >= start, hit.range.upperBound <= figure.digits.lowerBound { before.append(hit) }
                if hit.range.lowerBound >= figure.range.upperBound { after.append(hit) }
                k += 1
            }
            // A split (其中, 包括, 含) in this clause starts a split that lasts to the sentence's end,
            // or to the closing bracket when it opened inside one.
            if before.contains(where: { $0.lexeme == .split }) {
                splitUntil = splitEnd(c.text, from: start, sentence: sentence)
            }
            if splitUntil <= sentence.lowerBound || splitUntil < figure.digits.lowerBound { splitUntil = -1 }
            let inSplit = splitUntil >= figure.digits.lowerBound
            let documents = lastDocuments?.sentence == sentenceIndex ? lastDocuments?.isRegulation : nil
            guard var target = resolve(before: before, after: after, c: c, figure: figure, documents: documents) else { continue }
            if let isRegulation = target.documentsKind { lastDocuments = (sentenceIndex, isRegulation) }
            if target == .carriedIn { splitUntil = -1 }
            if inSplit, target.isApplicationTotal { continue }
            if target == .granted, isFollowedByPartlyInParenthesis(c.text, after: figure.range.upperBound, sentence: sentence) {
                target = .grantedOrPartly
            }
            // Topic: applications must be named in the clause (received) or the sentence (the others).
            let clause = start..<end
            switch target {
            case .received:
                guard c.text.contains(any: applicationWord, in: clause) else { continue }
            case .concluded:
                // The sentence, or the one before it in the same paragraph, speaks of applications.
                var topic = sentence
                if sentenceIndex > 0, c.text.paragraphOfSentence[sentenceIndex - 1] == c.text.paragraphOfSentence[sentenceIndex] {
                    topic = c.text.sentences[sentenceIndex - 1].lowerBound..<sentence.upperBound
                }
                guard c.text.contains(any: applicationWord, in: topic) else { continue }
            case .carriedIn, .carriedOut:
                // Carry-over words are specific: applications named in the paragraph are enough.
                guard c.text.contains(any: applicationWord, in: paragraphRange(c.text, sentenceIndex)) else { continue }
            default:
                break
            }
            if before.contains(where: { $0.lexeme == .blocker(strong: true) }) { continue }
            if aboutAnotherYear(c, target: target, in: sentence.lowerBound..<figure.digits.lowerBound) { continue }
            if c.agencyScope, c.text.contains(any: otherScope, in: sentence.lowerBound..<figure.digits.lowerBound) { continue }
            statements.append(FigureStatement(target: target, figure: f, value: value, sentence: sentenceIndex))
        }
        return statements
    }

    /// The scalar range of the paragraph holding sentence `index`.
    static func paragraphRange(_ text: NarrativeText, _ index: Int) -> Range<Int> {
        let paragraph = text.paragraphOfSentence[index]
        var first = index, last = index
        while first > 0, text.paragraphOfSentence[first - 1] == paragraph { first -= 1 }
        while last + 1 < text.sentences.count, text.paragraphOfSentence[last + 1] == paragraph { last += 1 }
        return text.sentences[first].lowerBound..<text.sentences[last].upperBound
    }

    /// What the words around a figure say it counts, or nil when that is not certain.
    ///
    /// `documents` is the kind of document an earlier figure of the sentence counted
    /// (`制发行政规范性文件 3 件，废止 2 件`: the verb alone then says which column).
    static func resolve(before: [LexemeHit], after: [LexemeHit], c: Context, figure: Figure,
                        documents: Bool?) -> FigureTarget? {
        let relevant = before.filter(\.lexeme.isMeaningful)
        if let nearest = relevant.last {
            switch nearest.lexeme {
            case .blocker, .vague, .carry:
                // 结转2026年办理 21 件: the carry word before a vague verb decides.
                if let carried = carriedOut(in: before, c: c) { return carried }
                return nil
            case .target(let target):
                if let carried = carriedOut(in: before, c: c), target == .concluded { return carried }
                let flows = Set(relevant.compactMap { hit -> FigureTarget? in
                    if case .target(let t) = hit.lexeme, t.isFlow { return t }
                    if case .carry = hit.lexeme { return .carriedOut }
                    return nil
                })
                if target.isFlow, flows.count > 1 { return nil }
                if case .target(.review) = nearest.lexeme, relevant.contains(where: { $0.lexeme == .target(.lawsuit) }) { return nil }
                if case .target(.lawsuit) = nearest.lexeme, relevant.contains(where: { $0.lexeme == .target(.review) }) { return nil }
                return target
            case .documents(let isRegulation):
                guard let verb = relevant.dropLast().last(where: { if case .documentVerb = $0.lexeme { true } else { false } }),
                      case .documentVerb(let kind) = verb.lexeme else { return nil }
                return FigureTarget.documents(kind, isRegulation: isRegulation)
            case .documentVerb(let kind):
                guard let documents, relevant.count == 1 else { return nil }
                return FigureTarget.documents(kind, isRegulation: documents)
            case .split:
                return nil
            }
        }
        // The figure first: `17件结转下年办理`, `其中11件办结`.
        guard let first = after.first(where: \.lexeme.isMeaningful) else { return nil }
        switch first.lexeme {
        case .target(let target) where target.isFlow || target == .review || target == .lawsuit:
            return target
        case .carry:
            return carriedOut(in: after, c: c)
        default:
            return nil
        }
    }

    /// `结转2026年` in a 2025 report: carried out to the next year.
    static func carriedOut(in hits: [LexemeHit], c: Context) -> FigureTarget? {
        for hit in hits {
            if case .target(.carriedOut) = hit.lexeme { return .carriedOut }
            guard case .carry = hit.lexeme else { continue }
            var i = hit.range.upperBound
            let s = c.text.scalars
            while i < s.count, s[i] == 0x20 || s[i] == 0x81F3 || s[i] == 0x5230 { i += 1 }  // 至, 到
            if let next = c.figures.first(where: { $0.digits.lowerBound == i }), case .year = next.unit,
               next.units == Int64(c.year + 1) {
                return .carriedOut
            }
        }
        return nil
    }

    /// True when the sentence names a year other than the report's before the figure
    /// (the year after for a carry-over, the year before for 上年结转, are the report's own).
    static func aboutAnotherYear(_ c: Context, target: FigureTarget, in range: Range<Int>) -> Bool {
        for figure in c.figures where figure.digits.lowerBound >= range.lowerBound && figure.range.upperBound <= range.upperBound {
            guard case .year = figure.unit else { continue }
            let y = Int(figure.units)
            if y == c.year { continue }
            if y == c.year + 1, target == .carriedOut { continue }
            if y == c.year - 1, target == .carriedIn { continue }
            return true
        }
        return false
    }

    /// Where a split that starts at `start` ends.
    static func splitEnd(_ text: NarrativeText, from start: Int, sentence: Range<Int>) -> Int {
        // Inside brackets: to the closing one.
        var depth = 0
        var i = start - 1
        while i >= sentence.lowerBound {
            let s = text.scalars[i]
            if s == 0x29 { depth += 1 }
            if s == 0x28 { if depth == 0 { break } else { depth -= 1 } }
            i -= 1
        }
        if i >= sentence.lowerBound {
            var j = start
            while j < sentence.upperBound, text.scalars[j] != 0x29 { j += 1 }
            return j
        }
        return sentence.upperBound
    }

    /// `予以公开 42 件（含部分公开）`.
    static func isFollowedByPartlyInParenthesis(_ text: NarrativeText, after offset: Int, sentence: Range<Int>) -> Bool {
        var i = offset
        while i < sentence.upperBound, text.scalars[i] == 0x20 { i += 1 }
        guard i < sentence.upperBound, text.scalars[i] == 0x28 else { return false }
        var j = i
        while j < sentence.upperBound, text.scalars[j] != 0x29 { j += 1 }
        return text.find(partlyInParenthesis, in: i..<j) != nil
    }
}

extension Lexeme {
    /// Words that decide what a figure counts (a split mark does not).
    var isMeaningful: Bool { if case .split = self { false } else { true } }
}

extension FigureTarget {
    /// The flow of applications: received, carried in, concluded, carried out.
    var isFlow: Bool { self == .received || self == .carriedIn || self == .concluded || self == .carriedOut }
}

extension FigureTarget {
    /// The 二 第二十条第（一）项 cell a verb and a kind of document name.
    static func documents(_ verb: Lexeme.DocumentVerb, isRegulation: Bool) -> FigureTarget {
        switch (verb, isRegulation) {
        case (.issued, false): .normIssued
        case (.abolished, false): .normAbolished
        case (.valid, false): .normValid
        case (.issued, true): .regIssued
        case (.abolished, true): .regAbolished
        case (.valid, true): .regValid
        }
    }

    /// For a document figure, whether it counts 规章 (true) or 规范性文件 (false).
    var documentsKind: Bool? {
        switch self {
        case .normIssued, .normAbolished, .normValid: false
        case .regIssued, .regAbolished, .regValid: true
        default: nil
        }
    }
}
