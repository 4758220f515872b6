import Testing
@testable import NianbaoCore

/// `TextSearch.contains` finds what `String.contains` finds in a clerk's text, and compatibility forms too.
@Suite struct TextSearchTests {
    @Test(arguments: [
        ("本年度共收取信息处理费 0.02 万元。", "信息处理费"), ("信息处理费", "信息处理费"), ("无。", "信息处理费"),
        ("信息处理", "信息处理费"), ("", "费"), ("abc", ""), ("处理费信息", "信息处理费"), ("aab", "ab"), ("a", "ab"),
    ])
    func agreesWithStringContains(text: String, phrase: String) {
        #expect(TextSearch.contains(text, phrase) == text.contains(phrase))
    }

    @Test func compatibilityFormsMatch() {
        #expect(TextSearch.contains("信息处\u{F9E4}费", "信息处理费"))
        #expect(TextSearch.contains("ＡＢＣ", "ABC"))
    }

    /// The shortcut past the NFKC pass answers as the full search does, over random texts mixing
    /// ideographs, compatibility ideographs, radicals, enclosed forms, full-width and ASCII.
    @Test func sameAsFullSearch() {
        var g = SampleReports.Generator(seed: 77)
        let pool: [Unicode.Scalar] = ["信", "息", "处", "理", "费", "收", "取", "\u{F9E4}", "\u{2F00}", "\u{4E00}", "\u{3220}", "\u{32A4}",
                                      "\u{FF21}", "A", "，", "\u{FF0C}", "\u{3000}", "（", "\u{F900}", "\u{8C48}", "\u{1F200}", "e", "\u{0301}"]
        let phrases = ["信息处理费", "处理费", "一", "收取", "豈", "ABC", "A", "处理", "上"]
        for _ in 0..<4000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &g) { text.append(pool.randomElement(using: &g)!) }
            let t = String(text)
            for phrase in phrases {
                #expect(TextSearch.contains(t, phrase) == TextSearch.fullSearch(t, phrase), "\(t.unicodeScalars.map { String($0.value, radix: 16) }) \(phrase)")
            }
        }
        #expect(TextSearch.contains("\u{2F00}二", "一二"))
        #expect(TextSearch.contains("\u{F900}", "\u{8C48}"))
    }
}
