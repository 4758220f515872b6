/// Narrative clean-up: the preface without page chrome, the sign-off (agency and date) split
/// off the last section, PDF hard line breaks joined inside paragraphs. Text is kept as printed
/// (Traditional script too); only the tests read it through `TraditionalChinese.readingForm`.
enum ImportedNarrative {
    /// Words of page chrome between a title and 一 (publication data, share buttons, font size).
    static let chromeWords = ["发布时间", "发布日期", "更新日期", "来源:", "来源：", "浏览", "字号", "点击数", "阅读次数", "索引号",
                              "发文字号", "分享", "打印", "关闭窗口", "信息来源", "您当前", "您现在", "当前位置", "首页"]

    static func preface(_ lines: [String]) -> String {
        var kept: [String] = []
        for line in lines {
            let t = line.trimmingAllSpace
            if t.isEmpty { if !kept.isEmpty { kept.append("") }; continue }
            let read = TraditionalChinese.readingForm(String(t))
            if t.utf8.contains(UInt8(ascii: "|")) || chromeWords.contains(where: { TextSearch.containsBytes(read, $0) }) { continue }
            // The title repeated (an HTML page's <title> and its <h1>, a crawler header and the page's heading).
            if isTitleLine(String(t)) { continue }
            kept.append(String(t))
        }
        while kept.last == "" { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    /// A line that is a report title on its own (not a sentence citing one).
    static func isTitleLine(_ text: String) -> Bool {
        let cleaned = MetadataReader.cleaned(text)
        guard cleaned.count <= 80, !MetadataReader.startsLikeSentence(cleaned), !cleaned.hasSuffix("。"), !cleaned.contains("，") else { return false }
        return MetadataReader.parseTitle(cleaned, wholeLine: true) != nil
    }

    /// `某某局` / `2026年1月20日` at the end of the text → the sign-off, and the text without it.
    /// Looks only at the last lines (the text is not split into lines); `characterSplitSignOff`
    /// is the same by its definition, and the reading for text with a carriage return.
    static func splitSignOff(_ text: String) -> (String, SignOff?) {
        guard !text.utf8.contains(UInt8(ascii: "\r")) else { return characterSplitSignOff(text) }
        // `end`: where the lines still kept end (nil: none is left). Lines split at "\n" (a
        // character of its own without "\r"), so a line is the text between two of its bytes.
        var end: String.Index? = text.endIndex
        func line(endingAt e: String.Index) -> (range: Range<String.Index>, before: String.Index?) {
            if let newline = text.utf8[..<e].lastIndex(of: UInt8(ascii: "\n")) {
                return (text.utf8.index(after: newline)..<e, newline)
            }
            return (text.startIndex..<e, nil)
        }
        func trimmed(_ range: Range<String.Index>) -> String { String(String(text[range]).trimmingAllSpace) }
        func dropBlankLines() {
            while let e = end {
                let (range, before) = line(endingAt: e)
                guard trimmed(range).isEmpty else { return }
                end = before
            }
        }
        dropBlankLines()
        guard let e = end else { return (text, nil) }
        let last = line(endingAt: e)
        guard let date = date(trimmed(last.range)) else { return (text, nil) }
        end = last.before
        dropBlankLines()
        if let e = end {
            let nameLine = line(endingAt: e)
            let name = trimmed(nameLine.range)
            if name.count <= 40, MetadataReader.isNameLike(TraditionalChinese.readingForm(name)) {
                return (nameLine.before.map { String(text[..<$0]) } ?? "", SignOff(agency: name, date: date))
            }
        }
        return (end.map { String(text[..<$0]) } ?? "", SignOff(agency: "", date: date))
    }

    /// `splitSignOff` by its definition: the text split into lines, trailing blank lines dropped.
    static func characterSplitSignOff(_ text: String) -> (String, SignOff?) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingAllSpace.isEmpty == true { lines.removeLast() }
        guard let last = lines.last.map({ String($0.trimmingAllSpace) }) else { return (text, nil) }
        if let date = date(last) {
            lines.removeLast()
            while lines.last?.trimmingAllSpace.isEmpty == true { lines.removeLast() }
            if let name = lines.last.map({ String($0.trimmingAllSpace) }), name.count <= 40, MetadataReader.isNameLike(TraditionalChinese.readingForm(name)) {
                lines.removeLast()
                return (lines.joined(separator: "\n"), SignOff(agency: name, date: date))
            }
            return (lines.joined(separator: "\n"), SignOff(agency: "", date: date))
        }
        return (text, nil)
    }

    /// `2026年1月20日` (spaces allowed), the whole line.
    static func date(_ line: String) -> CalendarDate? {
        // Only digits, signs, 年月日 and spaces can make a date (a long last line of narrative stops at once).
        guard line.unicodeScalars.allSatisfy({ ($0.value >= 0x30 && $0.value <= 0x39) || "+-年月日".unicodeScalars.contains($0) || LabelKey.isSpace($0) })
        else { return nil }
        let t = line.filter { !$0.unicodeScalars.allSatisfy(LabelKey.isSpace) }
        guard t.hasSuffix("日"), let y = t.firstIndex(of: "年"), let m = t.firstIndex(of: "月"), y < m else { return nil }
        guard let year = Int(t[..<y]), let month = Int(t[t.index(after: y)..<m]),
              let day = Int(t[t.index(after: m)..<t.index(before: t.endIndex)]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// PDF text breaks every paragraph into printed lines of one width. When many lines share
    /// that width, a line of that width that does not end a sentence is joined with the next,
    /// unless the next starts a heading or a list item. Widths in characters, counted once per line.
    static func joinHardBreaks(_ lines: [String]) -> [String] {
        let counts = lines.map(UTF8Scalars.characterCount)
        var widths: [Int: Int] = [:]
        for n in counts where n >= 16 { widths[n, default: 0] += 1 }
        guard let (width, count) = widths.max(by: { $0.value < $1.value }), count >= 4,
              count * 5 >= counts.filter({ $0 >= 16 }).count * 2 else { return lines }
        var out: [String] = []
        var lastPrinted = 0
        for (k, line) in lines.enumerated() {
            if !out.isEmpty, lastPrinted == width, !endsSentence(out[out.count - 1]), !startsItem(line), !line.isEmpty {
                out[out.count - 1] += line  // in place: a long run of joined lines stays linear
            } else {
                out.append(line)
            }
            lastPrinted = counts[k]
        }
        return out
    }

    /// The width of a full line of prose when `lines` (a whole document's, with whether each is
    /// prose) were printed by `pdftotext -layout` from a PDF set at wide line spacing: a blank line
    /// between the lines of a paragraph, two or more between paragraphs. Nil for any other text.
    ///
    /// Taken as such when, between consecutive prose lines, no gap is empty (at most one in five),
    /// some are one blank line and some two or more, and the widest line is page-wide (60 columns).
    static func spacedProseWidth(_ lines: [(text: String, isProse: Bool)]) -> Int? {
        var gaps: [Int] = []
        var run = 0
        var previousWasProse = false
        var full = 0
        for line in lines {
            if line.text.trimmingAllSpace.isEmpty { run += 1; continue }
            if line.isProse {
                if previousWasProse { gaps.append(run) }
                full = max(full, DisplayWidth.of(line.text.trimmingAllSpace))
            }
            previousWasProse = line.isProse
            run = 0
        }
        let zeros = gaps.filter { $0 == 0 }.count, ones = gaps.filter { $0 == 1 }.count
        guard gaps.count >= 4, zeros * 5 < gaps.count, ones > 0, ones + zeros < gaps.count, full >= 60 else { return nil }
        return full
    }

    /// `lines` of such a document joined back into paragraphs: a line as wide as a full line
    /// (within 4 columns) is continued by the line one blank line below it; two or more blank
    /// lines, or a shorter line, end the paragraph. Blank lines are dropped.
    static func joinSpacedLines(_ lines: [String], fullWidth: Int) -> [String] {
        var out: [String] = []
        var previousWidth: Int?
        var run = 0
        for line in lines {
            let text = line.trimmingAllSpace
            if text.isEmpty { run += 1; continue }
            if let w = previousWidth, run == 1, w >= fullWidth - 4, !out.isEmpty {
                out[out.count - 1] += text
            } else {
                out.append(String(text))
            }
            previousWidth = DisplayWidth.of(text)
            run = 0
        }
        return out
    }

    static let sentenceEnds = Set("。！？；：”!?;:")
    static let itemStarts = Set("（(一二三四五六七八九0123456789#-—•")

    /// `sentenceEnds` and `itemStarts` as scalars: a standalone scalar at the end (or start) of a
    /// line is its last (first) Character, so it is compared without grapheme breaking or hashing a Character.
    static let sentenceEndScalars = Set(sentenceEnds.flatMap(\.unicodeScalars))
    static let itemStartScalars = Set(itemStarts.flatMap(\.unicodeScalars))

    /// True when `s` is a Character of its own and no other scalar is canonically equivalent to
    /// one of the sets' members through it (Characters compare canonically: U+037E is `;`, the
    /// compatibility ideograph U+F9D1 is 六).
    static func comparesAsScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return UTF8Scalars.isStandalone(v) && v != 0x37E && !(0xF900...0xFAFF).contains(v) && !(0x2F800...0x2FA1F).contains(v)
    }

    static func endsSentence(_ line: String) -> Bool {
        if let s = line.unicodeScalars.last, comparesAsScalar(s) { return sentenceEndScalars.contains(s) }
        guard let l = line.last else { return true }
        return sentenceEnds.contains(l)
    }

    static func startsItem(_ line: String) -> Bool {
        if let s = line.unicodeScalars.first, comparesAsScalar(s) { return itemStartScalars.contains(s) }
        guard let f = line.first else { return true }
        return itemStarts.contains(f)
    }
}
