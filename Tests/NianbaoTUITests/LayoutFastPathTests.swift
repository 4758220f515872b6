import NianbaoCore
import Testing
@testable import NianbaoTUI

/// `ScreenGrid.cellWidth`'s fast paths (printable ASCII, CJK ideographs) agree with the general rule.
@Suite struct CellWidthTests {
    /// The general rule: an escaped control character as drawn, else its display width.
    static func general(_ c: Character) -> Int {
        if let escaped = TerminalSafe.escape(c) { return escaped.unicodeScalars.count }
        return DisplayWidth.of(c)
    }

    @Test func everyBMPCharacterAgrees() {
        var differing: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = Character(scalar)
            if ScreenGrid.cellWidth(of: c) != Self.general(c), differing.count < 10 {
                differing.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(differing.isEmpty, "cell width differs for \(differing)")
    }

    @Test(arguments: ["e\u{301}", "a\u{300}", "\r\n", "👍🏽", "中\u{FE0F}", "１"])
    func clustersAgree(text: String) {
        let c = Character(text)
        #expect(ScreenGrid.cellWidth(of: c) == Self.general(c))
    }
}

/// Wrapping only up to the caret finds the same line as wrapping the whole text.
@Suite struct CaretLineTests {
    @Test func agreesWithTheFullLayoutEverywhere() {
        let pieces = ["加强政务公开", "ab", " ", "\n", "\r\n", "“公开为常态”", "１２３", "e\u{301}", "〔2019〕60号", "\n\n",
                      "，", "。", "、", "）。", "》", "!"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...25, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let chars = Array(text)
            for width in [2, 3, 7, 20, 79] {
                let lines = TextLayout.lines(chars, width: width)
                for caret in 0...(chars.count + 1) {
                    let expected = TextLayout.lineIndex(of: min(caret, chars.count), in: lines)
                    #expect(TextLayout.caretLine(in: text, caret: caret, width: width) == expected,
                            "text \(text.debugDescription) width \(width) caret \(caret)")
                }
            }
        }
    }
}

/// `Graphemes.split` gives the same characters as the standard library's grapheme breaking.
@Suite struct GraphemeSplitTests {
    /// Scalars next to which the fast path must hand over: combining marks (U+0301, the CJK
    /// tone mark U+302A), a variation selector, ZWJ emoji, skin tones, flags, CR LF, Hangul
    /// jamo, a spacing mark, a prepended mark and ideographic-space edge cases.
    static let tricky: [String] = [
        "\u{301}", "\u{302A}", "\u{302F}", "\u{FE0F}", "\u{200D}", "👩", "🏽", "🇨", "🇳", "\r", "\n", "\r\n",
        "\u{1100}", "\u{1161}", "\u{11A8}", "\u{0903}", "\u{0600}", "\u{3000}", "\u{3030}", "\u{FF9E}", "\t", "\u{7}",
    ]
    static let plain: [String] = ["政", "务", "，", "。", "“", "”", "…", "—", "a", "Z", "1", " ", "１", "（", "）", "〔", "〕", "㐀"]

    @Test func agreesWithTheStandardLibraryOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                Bool.random(using: &generator) ? Self.tricky.randomElement(using: &generator)! : Self.plain.randomElement(using: &generator)!
            }.joined()
            let split = Graphemes.split(text)
            #expect(Graphemes.count(text) == text.count)
            #expect(split.map { Array($0.unicodeScalars) } == Array(text).map { Array($0.unicodeScalars) },
                    "split differs for \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long text (which uses the larger table of made characters), with four-byte scalars and
    /// scalars that share a table slot.
    @Test func agreesOnLongText() {
        let pieces = ["政务公开", "，", "𠀀", "a", "\u{4E00}", "\u{5200}", "e\u{301}", "\r\n", "👩‍💻", "\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let text = (0..<Int.random(in: 300...900, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Graphemes.split(text).map { Array($0.unicodeScalars) } == Array(text).map { Array($0.unicodeScalars) })
            #expect(Graphemes.count(text) == text.count)
        }
    }

    @Test func everyScalarThatStandsAloneHasNoGraphemeLinkWithItsNeighbours() {
        // Each fast-path scalar between two others from the fast path must form three characters.
        for value in UInt32(0)...0xFFFF where Graphemes.standsAlone(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "中" + String(Character(scalar)) + "a"
            #expect(text.count == 3, "U+\(String(value, radix: 16)) joins a neighbour")
            #expect(Graphemes.split(text).count == 3)
        }
    }
}


/// `ScreenGrid.truncate` in one pass gives what measuring first and cutting second gives.
@Suite struct TruncateTests {
    static func twoPass(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if ScreenGrid.cellWidth(of: text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = ScreenGrid.cellWidth(of: character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    @Test func agreesWithMeasuringFirst() {
        let pieces = ["驻马店市", "水利局", "ab", " ", "\u{1B}", "“", "e\u{301}", "１", "👍🏽", "\t"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for width in 0...12 {
                #expect(ScreenGrid.truncate(text, to: width) == Self.twoPass(text, width), "\(text) at \(width)")
            }
        }
    }
}

/// The locale check finds UTF-8 however the name spells it.
@Suite struct LocaleNameTests {
    @Test(arguments: [("zh_CN.UTF-8", true), ("C.utf8", true), ("en_US.Utf-8", true), ("C.UTF8@euro", true),
                      ("C", false), ("POSIX", false), ("zh_CN.GB18030", false), ("en_US.ISO-8859-1", false), ("", false)])
    func namesUTF8(locale: String, expected: Bool) {
        #expect(NcursesTerminal.namesUTF8(locale) == expected)
    }
}

/// A table column's width comes from each value's width, worked out without formatting counts.
@Suite struct ValueWidthTests {
    @Test func agreesWithTheDisplayedText() {
        var values: [CellValue] = [.empty, .count(0), .count(-1), .count(CellValue.maxCount), .count(-CellValue.maxCount)]
        for digits in 0...12 {
            let p = (0..<digits).reduce(Int64(1)) { a, _ in a * 10 }
            values += [.count(p), .count(p - 1), .count(-p), .count(-(p - 1)), .count(p + 1)]
        }
        values += ["0.5", "12.5", "1234.56", "-0.01", "1000000"].compactMap { Amount($0).map(CellValue.amount) }
        for v in values {
            #expect(TableView.valueWidth(v) == ScreenGrid.cellWidth(of: v.displayText), "\(v) shows as \(v.displayText)")
        }
    }
}
