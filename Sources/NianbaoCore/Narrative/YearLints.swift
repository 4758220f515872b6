/// A year that opens a work-summary phrase (`2024 年，本机关共收到…`).
struct SummaryYear: Sendable, Equatable {
    let year: Int
    /// Index of the year's figure.
    let figure: Int
    let sentence: Int
}

/// A run of digits a publishing system mangled: `〔202130号`, `20251月1日`.
struct DigitGarble: Sendable, Equatable {
    let range: Range<Int>
    let sentence: Int
}

/// Finds years and garbled dates.
enum YearLints {
    static let openers: [[UInt32]] = ["情况", "方面", "工作"].map(\.scalarValues)
    static let summaryWords: [[UInt32]] = ["共", "累计", "全年", "收到", "受理", "主动公开", "发布", "办结", "答复", "制定", "制发",
                                           "本机关", "我局", "我镇", "我委", "我办", "我单位", "我街道", "我乡", "我区", "我县", "我市",
                                           "我厅", "我中心", "公开"].map(\.scalarValues)
    static let notSummary: [[UInt32]] = ["以来", "起", "至", "到", "底", "初", "末", "前", "后", "上半年", "下半年", "月", "第", "的",
                                         "与", "相比", "同期", "将", "计划", "拟", "版", "报告", "年报", "工作要点"].map(\.scalarValues)
    static let lead: [[UInt32]] = ["于", "自", "从", "截至", "截止", "与", "较", "比", "同"].map(\.scalarValues)

    /// Years other than the report's that open a phrase summing up the year's work.
    static func summaryYears(_ text: NarrativeText, figures: [Figure], year: Int) -> [SummaryYear] {
        var found: [SummaryYear] = []
        let s = text.scalars
        for (f, figure) in figures.enumerated() {
            guard case .year = figure.unit, Int(figure.units) != year, Int(figure.units) < year,
                  Int(figure.units) >= year - 15 else { continue }
            // Opens a sentence, a clause or a paragraph, or follows a sub-heading (…情况 2022年).
            var p = figure.digits.lowerBound
            while p > 0, s[p - 1] == 0x20 { p -= 1 }
            let opens = p == 0 || NarrativeText.endsSentence(s[p - 1]) || s[p - 1] == 0x0A || s[p - 1] == 0x3A
                || s[p - 1] == 0x29 || s[p - 1] == 0x2C && p >= 2 && s[p - 2] == 0x29
                || openers.contains { text.matches($0, at: p - $0.count) }
            guard opens, !lead.contains(where: { text.matches($0, at: p - $0.count) }) else { continue }
            var after = figure.range.upperBound
            if after < s.count, s[after] == 0x5EA6 { after += 1 }  // 度
            guard !notSummary.contains(where: { text.matches($0, at: after) }) else { continue }
            let sentenceIndex = text.sentenceIndex(of: figure.digits.lowerBound)
            let window = after..<min(text.sentences[sentenceIndex].upperBound, after + 40)
            guard text.contains(any: summaryWords, in: window) else { continue }
            found.append(SummaryYear(year: Int(figure.units), figure: f, sentence: sentenceIndex))
        }
        return found
    }

    /// `〔` + five or more digits + `号`, or a year run into its month or day (`20251月`, `202511日`).
    static func garbles(_ text: NarrativeText) -> [DigitGarble] {
        var found: [DigitGarble] = []
        let s = text.scalars
        var i = 0
        while i < s.count {
            guard isDigit(s[i]), i == 0 || !isDigit(s[i - 1]) else { i += 1; continue }
            var j = i
            while j < s.count, isDigit(s[j]) { j += 1 }
            let run = j - i
            let startsYear = run >= 5 && (s[i] == 0x32 && s[i + 1] == 0x30 || s[i] == 0x31 && s[i + 1] == 0x39)
            if startsYear, j < s.count {
                let bracketed = i > 0 && s[i - 1] == 0x3014 && s[j] == 0x53F7         // 〔202130号
                let dateRun = s[j] == 0x6708 || s[j] == 0x65E5                         // 20251月, 202511日
                if bracketed || dateRun {
                    let start = bracketed ? i - 1 : i
                    found.append(DigitGarble(range: start..<(j + 1), sentence: text.sentenceIndex(of: i)))
                }
            }
            i = j
        }
        return found
    }
}
