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
}
