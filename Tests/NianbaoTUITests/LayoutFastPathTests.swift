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
        let pieces = ["加强政务公开", "ab", " ", "\n", "\r\n", "“公开为常态”", "１２３", "e\u{301}", "〔2019〕60号", "\n\n"]
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
