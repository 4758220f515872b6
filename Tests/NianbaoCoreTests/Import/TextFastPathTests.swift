import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// The text readers' fast paths (UTF-8 bytes and scalar indices, issue 11's speed) give exactly
/// what the Character-by-Character readings they replace give: on every line of the published
/// shapes (long narratives too), and on random and hostile text. Strings are compared byte for
/// byte, not by Swift's canonical equivalence.
@Suite struct TextFastPathTests {
    /// Report text, Traditional characters and pinyin, fullwidth forms, every kind of space,
    /// quotes, and what joins characters: combining marks, ZWJ, variation selectors, emoji,
    /// Hangul jamo, regional indicators, CR.
    static let hostile: [String] = [
        "本", "年", "新", "收", "规", "章", "復", "議", "據", "報", "(", ")", "（", "）", "fù", "yì", "bào", "(fù)", "（jù）",
        "0", "1", "2", "9", "１", "２", "０", ".", ",", "、", "．", "-", "−", "+", "—", "/", "|", " ", "  ", "\u{3000}", "\u{A0}",
        "\t", "\u{2003}", "\u{200B}", "\u{FEFF}", "\"", "'", "“", "”", "「", "」", "『", "』", "万元", "元", "件", "㈠", "①", "Ⅱ",
        "ＡＢ", "ab", "一、", "（一）", "1.", "e\u{301}", "\u{301}", "\u{300}", "\u{200D}", "\u{FE0F}", "👍🏽", "👨‍👩‍👧", "🇨🇳",
        "\u{1100}\u{1161}", "한", "\r", "\u{85}", "\u{3099}", "ｶﾞ", "&nbsp;", "\u{2028}", "ﷺ", "㍻",
    ]

    static func random(_ g: inout SampleReports.Generator, pieces: Int, from alphabet: [String]) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...pieces, using: &g) { s += alphabet.randomElement(using: &g)! }
        return s
    }

    /// The alphabet without anything that joins characters: text that takes the fast path.
    static let standaloneAlphabet = hostile.filter { $0.unicodeScalars.allSatisfy { UTF8Scalars.isStandalone($0.value) } }

    /// Every line of every published shape, for 12 generated reports each, some with long narratives.
    static let shapeLines: [Substring] = {
        var lines: [Substring] = []
        for shape in PublishedShape.allCases {
            for k in 0..<12 {
                var report = PublishedShapes.report(seed: UInt64(k), form: k % 2 == 0 ? .v2019 : .v2021)
                if k % 3 == 0 {
                    report.texts[.s1] = String(repeating: "本机关全年主动公开政府信息1234条，其中（一）规章12件、规范性文件３件。2021年1月1日起施行；", count: 12)
                }
                let text = PublishedShapes.render(report, as: shape, seed: UInt64(k))
                lines += text.split(separator: "\n", omittingEmptySubsequences: false)
            }
        }
        return lines
    }()

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    static func same(_ a: [SourceDocument.Line]?, _ b: [SourceDocument.Line]?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy(same)
    }

    static func same(_ a: SourceDocument.Line, _ b: SourceDocument.Line) -> Bool {
        a == b && bytes(a.text) == bytes(b.text) && a.cells.count == b.cells.count
            && zip(a.cells, b.cells).allSatisfy { bytes($0.raw) == bytes($1.raw) && bytes($0.key) == bytes($1.key) && $0.location.quote.map(bytes) == $1.location.quote.map(bytes) }
    }

    @Test func standaloneScalarsAreCharactersOfTheirOwn() {
        // Every standalone scalar, between neighbours of every kind that is standalone too.
        let neighbours: [Unicode.Scalar] = ["a", "1", " ", "\t", "一", "（", "、", "\u{A0}", "\u{3000}", "à", "ḿ", "©", "™", "‼", "①",
                                            "あ", "ア", "\u{FEFF}", "\u{200B}", "𠀀", "＂", "･"]
        #expect(neighbours.allSatisfy { UTF8Scalars.isStandalone($0.value) })
        var checked = 0
        var failures: [String] = []
        for value in UInt32(0)...0x10FFFF where UTF8Scalars.isStandalone(value) {
            guard let v = Unicode.Scalar(value) else { continue }
            checked += 1
            for n in neighbours {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: [n, v, n, v, v])
                if String(view).count != 5, failures.count < 10 { failures.append("U+\(String(value, radix: 16)) beside U+\(String(n.value, radix: 16))") }
            }
        }
        #expect(checked > 90_000)
        #expect(failures.isEmpty, "joined into fewer characters: \(failures)")
    }

    @Test func characterCountMatches() {
        var g = SampleReports.Generator(seed: 11)
        for _ in 0..<3000 {
            let s = Self.random(&g, pieces: 30, from: Self.hostile)
            #expect(UTF8Scalars.characterCount(s) == s.count, "\(Array(s.unicodeScalars))")
        }
    }

    @Test func labelKeysMatchTheirDefinition() {
        var texts: [String] = []
        for form in [FormDefinition.v2019, .v2021] {
            for table in form.tables { for row in table.allRows { texts.append(row.label); texts += row.groups } }
        }
        texts += Self.shapeLines.map(String.init)
        var g = SampleReports.Generator(seed: 7)
        for _ in 0..<5000 { texts.append(Self.random(&g, pieces: 16, from: Self.hostile)) }
        var mismatches: [String] = []
        for text in texts where Self.bytes(LabelKey.of(text)) != Self.bytes(LabelKey.definitionKey(text)) {
            if mismatches.count < 10 { mismatches.append(text) }
        }
        // Substrings too (the readers key slices of a line).
        for line in Self.shapeLines.prefix(400) where line.count > 4 {
            let sub = line.dropFirst(2).dropLast(1)
            if Self.bytes(LabelKey.of(sub)) != Self.bytes(LabelKey.definitionKey(sub)), mismatches.count < 10 { mismatches.append(String(sub)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func bytesContainMatchesASearch() {
        var g = SampleReports.Generator(seed: 3)
        let alphabet = ["本年", "新", "制作", "数量", "1", "(", "九", "项", "/", "增"]
        for _ in 0..<3000 {
            let h = Self.random(&g, pieces: 12, from: alphabet), n = Self.random(&g, pieces: 3, from: alphabet)
            let expected = n.isEmpty || (h.utf8.count >= n.utf8.count
                && (0...(h.utf8.count - n.utf8.count)).contains { Array(h.utf8).dropFirst($0).starts(with: n.utf8) })
            #expect(h.bytesContain(n) == expected, "\(h) / \(n)")
        }
    }

    /// `isProse` (memchr and memmem) and the byte reading of page marks against their definitions.
    @Test func proseAndPageMarksMatchTheirDefinitions() {
        var g = SampleReports.Generator(seed: 11)
        var lines = Self.shapeLines.map(String.init)
        let alphabet = Self.hostile + ["。", "；", ";", "第", "页", "共", "— ", " —", "3", "/", "\u{3002}\u{FE0F}", "\u{F9D1}"]
        for _ in 0..<4000 { lines.append(Self.random(&g, pieces: 10, from: alphabet)) }
        lines += ["— 3 —", "- 12 -", "第 3 页", "第3页 共10页", "3 / 10", "第 页", "—  —", "３／１０", "第３页"]
        var mismatches: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            if bytes.withUnsafeBufferPointer(PlainTextReader.isProse) != Self.isProseByDefinition(bytes), mismatches.count < 10 {
                mismatches.append("prose: " + line)
            }
            if bytes.withUnsafeBufferPointer(PageMarks.isPageMark) != PageMarks.isPageMark(Substring(line)), mismatches.count < 10 {
                mismatches.append("page mark: " + line)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// `CellReader.looksLikeValue` (first-byte and byte-suffix tests) against its Character definition.
    @Test func valueLooksMatchTheirDefinition() {
        func byDefinition(_ key: String) -> Bool {
            guard !key.isEmpty else { return true }
            if CellReader.asciiDigits(key) != nil { return true }
            let b = key.utf8.first!
            let numeric = (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
            if !numeric && key.utf8.count > 9 { return false }
            if CellReader.placeholders.contains(key) || key == "&nbsp;" { return true }
            if !numeric && !key.hasPrefix("\u{2212}") { return false }
            var body = Substring(key)
            for suffix in ["万元", "元", "件", "个", "项", "次"] where body.hasSuffix(suffix) {
                body = body.dropLast(suffix.count)
                break
            }
            if let f = body.first, f == "-" || f == "+" || f == "\u{2212}" { body = body.dropFirst() }
            guard let first = body.first, first.isASCII, first.isNumber else { return false }
            return body.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
        }
        var g = SampleReports.Generator(seed: 13)
        var keys = Array(CellReader.placeholders) + ["&nbsp;", "\u{F967}适用", "12\u{F9A8}", "12万元", "-3件", "\u{2212}5次", "+7个", "1,234.5元",
                                                    "12元\u{301}", "\u{600}元", "１２件", "12 件", "e\u{301}12", "-\u{301}3", "3\u{301}件"]
        let alphabet = Self.hostile + ["万元", "元", "件", "个", "项", "次", "无", "空", "\u{2212}", "N/A", "…", "\u{F967}", "\u{2F800}"]
        for _ in 0..<6000 { keys.append(Self.random(&g, pieces: 4, from: alphabet)) }
        for line in Self.shapeLines.prefix(600) { keys += line.split(separator: " ").map { LabelKey.of($0) } }
        let mismatches = keys.filter { CellReader.looksLikeValue(key: $0) != byDefinition($0) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Whether the bytes hold `。` or `；` and no `|`, by a plain search (Character `contains` would also match canonical equivalents).
    static func isProseByDefinition(_ bytes: [UInt8]) -> Bool {
        func has(_ needle: [UInt8]) -> Bool {
            bytes.count >= needle.count && (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        return !bytes.contains(UInt8(ascii: "|")) && (has([0xE3, 0x80, 0x82]) || has([0xEF, 0xBC, 0x9B]))
    }

    @Test func textLinesMatchTheCharacterReading() {
        var g = SampleReports.Generator(seed: 5)
        var lines = Self.shapeLines
        for k in 0..<4000 {
            lines.append(Substring(Self.random(&g, pieces: 24, from: k % 2 == 0 ? Self.standaloneAlphabet : Self.hostile)))
        }
        var fast = 0
        var mismatches: [String] = []
        for (k, raw) in lines.enumerated() {
            let slow = TextLineReader.characterLine(raw, number: k + 1, column: 1 + k % 3)
            if let line = ScalarLine.with(raw, { TextLineReader.line($0, number: k + 1, column: 1 + k % 3) }) {
                fast += 1
                if !Self.same(line, slow), mismatches.count < 10 { mismatches.append(String(raw)) }
            }
            if !Self.same(TextLineReader.line(raw, number: k + 1, column: 1 + k % 3), slow), mismatches.count < 10 { mismatches.append(String(raw)) }
        }
        #expect(fast > lines.count / 2)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func oneLineBodiesMatchTheCharacterReading() {
        var bodies: [Substring] = []
        for shape in [PublishedShape.oneLineSpaced, .oneLineRunTogether, .traditionalOneLine] {
            for k in 0..<16 {
                let report = PublishedShapes.report(seed: UInt64(k), form: k % 2 == 0 ? .v2019 : .v2021)
                let text = PublishedShapes.render(report, as: shape, seed: UInt64(k))
                bodies += text.split(separator: "\n").filter { $0.utf8.count > 200 }
            }
        }
        // Random bodies: headings among random text, table text of random cells.
        var g = SampleReports.Generator(seed: 9)
        let headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                        "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "某局2021年政府信息公开工作年度报告"]
        for k in 0..<600 {
            var body = ""
            for _ in 0..<Int.random(in: 2...8, using: &g) {
                body += headings.randomElement(using: &g)! + Self.random(&g, pieces: 20, from: k % 2 == 0 ? Self.standaloneAlphabet : Self.hostile)
            }
            bodies.append(Substring(body))
        }
        var fast = 0
        var mismatches: [String] = []
        for (k, raw) in bodies.enumerated() {
            let slow = OneLineReader.characterExpand(raw, number: k + 1)
            if let lines = ScalarLine.with(raw, { OneLineReader.expand($0, number: k + 1) }) {
                fast += 1
                if !Self.same(lines, slow), mismatches.count < 5 { mismatches.append(String(raw)) }
            }
        }
        #expect(fast > bodies.count / 3)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func signOffSplitMatchesItsDefinition() {
        var g = SampleReports.Generator(seed: 13)
        let pieces = ["", " ", "\u{3000}", "某某市人民政府办公室", "某某局", "2026年1月20日", "２０２６年 1 月 2０日", "2026年13月1日",
                      "本机关认真贯彻落实条例。", "e\u{301}", "\r", "一、总体情况", "(fù)", "驻马店市水利局（盖章）"]
        for _ in 0..<4000 {
            let lines = (0..<Int.random(in: 0...6, using: &g)).map { _ in Self.random(&g, pieces: 2, from: pieces) }
            let text = lines.joined(separator: "\n")
            let (a, sa) = ImportedNarrative.splitSignOff(text)
            let (b, sb) = ImportedNarrative.characterSplitSignOff(text)
            #expect(Self.bytes(a) == Self.bytes(b) && sa == sb && sa?.agency.utf8.elementsEqual(sb?.agency.utf8 ?? "".utf8) != false,
                    "\(Array(text.unicodeScalars))")
        }
    }

    /// `joinHardBreaks` as it was written before its widths were counted once (and its sentence
    /// ends and item starts were sets).
    static func referenceJoinHardBreaks(_ lines: [String]) -> [String] {
        func previous(_ out: [String]) -> Character? { out.last?.last }
        var widths: [Int: Int] = [:]
        for line in lines { let n = line.count; if n >= 16 { widths[n, default: 0] += 1 } }
        guard let (width, count) = widths.max(by: { $0.value < $1.value }), count >= 4,
              count * 5 >= lines.filter({ $0.count >= 16 }).count * 2 else { return lines }
        var out: [String] = []
        var lastPrinted = 0
        for line in lines {
            let endsSentence = previous(out).map { "。！？；：”!?;:".contains($0) } ?? true
            let startsItem = line.first.map { "（(一二三四五六七八九0123456789#-—•".contains($0) } ?? true
            if let previous = out.last, lastPrinted == width, !endsSentence, !startsItem, !line.isEmpty {
                out[out.count - 1] = previous + line
            } else {
                out.append(line)
            }
            lastPrinted = line.count
        }
        return out
    }

    @Test func hardBreaksJoinAsBefore() {
        var g = SampleReports.Generator(seed: 17)
        var texts: [[String]] = []
        for k in 0..<40 {
            let report = PublishedShapes.report(seed: UInt64(k), form: k % 2 == 0 ? .v2019 : .v2021)
            texts.append(PublishedShapes.render(report, as: .pdfText, seed: UInt64(k)).split(separator: "\n").map(String.init))
        }
        // With characters equal to a sentence end or an item start only canonically (U+037E is `;`, U+F9D1 is 六).
        let words = ["本机关", "认真", "贯彻", "落实", "。", "，", "1", "（一）", "e\u{301}", "👍🏽", "ab", "\u{37E}", "\u{F9D1}", "；", "#", "•", "”"]
        for _ in 0..<400 {
            let width = Int.random(in: 16...20, using: &g)
            texts.append((0..<Int.random(in: 0...30, using: &g)).map { _ in
                var s = ""
                while s.count < width { s += words.randomElement(using: &g)! }
                return Bool.random(using: &g) ? s : String(s.prefix(width))
            })
        }
        for lines in texts {
            #expect(ImportedNarrative.joinHardBreaks(lines).map(Self.bytes) == Self.referenceJoinHardBreaks(lines).map(Self.bytes))
        }
    }
}
