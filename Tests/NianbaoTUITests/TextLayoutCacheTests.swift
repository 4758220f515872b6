import NianbaoCore
import Testing
@testable import NianbaoTUI

/// The layout kept between keystrokes (wrapping again only the edited paragraph) is the layout
/// made from scratch, and frames drawn from it are the frames drawn without it.
@Suite struct TextLayoutCacheTests {
    /// Pieces of text: CJK, wide and closing punctuation, Latin, full-width digits, breaks (LF and
    /// CR LF), empty paragraphs, and characters that join their neighbour (combining marks, ZWJ emoji).
    static let pieces = ["加强政务公开", "ab", " ", "\n", "\r\n", "“公开为常态”", "１２３", "e\u{301}", "〔2019〕60号", "\n\n",
                         "，", "。", "、", "）。", "》", "!", "件", "\u{301}", "👩‍💻", "\u{200D}", "；", "·"]

    static func randomText(_ g: inout some RandomNumberGenerator, maxPieces: Int) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
    }

    static func scalars(_ chars: [Character]) -> [[UInt32]] { chars.map { $0.unicodeScalars.map(\.value) } }

    /// Checks a layout against one made from its text, as a frame would make it.
    static func expectFresh(_ w: WrappedText, _ context: @autoclosure () -> String) {
        let fresh = WrappedText(w.text, width: w.width)
        #expect(scalars(w.chars) == scalars(fresh.chars), "characters: \(context())")
        #expect(w.lines == fresh.lines, "lines: \(context())")
        #expect(w.breaks == fresh.breaks && w.characterCount == fresh.characterCount, "breaks: \(context())")
    }

    @Test func replacingAgreesWithAFreshLayout() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<1_500 {
            let width = [2, 3, 7, 20, 77].randomElement(using: &g)!
            var w = WrappedText(Self.randomText(&g, maxPieces: 40), width: width)
            for _ in 0..<6 {
                let n = w.chars.count
                let lo = Int.random(in: 0...n, using: &g)
                let hi = Int.random(in: lo...min(n, lo + Int.random(in: 0...4, using: &g)), using: &g)
                let inserted = Array(Self.randomText(&g, maxPieces: 3))
                let before = w.text
                let expectedText = String(Array(before)[0..<lo]) + String(inserted) + String(Array(before)[hi...])
                let joined = w.replace(lo..<hi, with: inserted)
                #expect(w.text == expectedText)
                #expect(joined == n - (hi - lo) + inserted.count - w.chars.count)
                Self.expectFresh(w, "\(before.debugDescription) replace \(lo)..<\(hi) with \(String(inserted).debugDescription) width \(width)")
            }
        }
    }

    /// Long Chinese paragraphs as a clerk edits them: typing in the middle of one, deleting its
    /// break to join the next, splitting it with Enter, pasting a paragraph.
    @Test func editsInLongParagraphsKeepOtherParagraphsLines() {
        let paragraph = String(repeating: "全年共收到政府信息公开申请12件，其中当面申请3件、网络申请9件。", count: 12)
        let text = [paragraph, paragraph, "", paragraph].joined(separator: "\n")
        var w = WrappedText(text, width: 77)
        let edits: [(Range<Int>, String)] = [(400..<400, "公"), (400..<401, ""), (paragraph.count..<(paragraph.count + 1), ""),
                                             (50..<50, "\n"), (10..<30, ""), (0..<0, paragraph + "\n"), (w.chars.count..<w.chars.count, "。")]
        for (range, inserted) in edits {
            let r = range.clamped(to: 0..<w.chars.count)
            #expect(w.replace(r, with: Array(inserted)) == 0)
            Self.expectFresh(w, "replace \(r)")
        }
    }

    @Test func closingPunctuationByScalarAgreesWithCharacterComparison() {
        var differing: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = Character(scalar)
            if TextLayout.isClosing(c) != TextLayout.closingCharacters.contains(c), differing.count < 10 {
                differing.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(differing.isEmpty, "isClosing differs for \(differing)")
        for cluster in ["，\u{301}", "e\u{301}", "\r\n", ")\u{FE0F}"] {
            #expect(TextLayout.isClosing(Character(cluster)) == TextLayout.closingCharacters.contains(Character(cluster)))
        }
    }

    /// Keys a clerk presses in a text section, including ones that change the text without the
    /// text reducer (undo, redo, resize) and ones that leave the section.
    static func randomKey(_ g: inout some RandomNumberGenerator) -> Key {
        switch Int.random(in: 0..<20, using: &g) {
        case 0..<6: .character(["公", "开", "，", "。", "a", "１", "\u{301}", "”"].randomElement(using: &g)!)
        case 6: .paste(["第二段。\r\n第三段，", "政务公开\n\n", "x", "👩‍💻e\u{301}"].randomElement(using: &g)!)
        case 7: .enter
        case 8, 9: .backspace
        case 10: .delete
        case 11: .ctrl("k")
        case 12: .alt("j")
        case 13: [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown].randomElement(using: &g)!
        case 14: .ctrl("u")
        case 15: .ctrl("r")
        case 16: .resize(columns: [40, 57, 80, 120].randomElement(using: &g)!, rows: [12, 24, 40].randomElement(using: &g)!)
        case 17: [.alt("1"), .alt("5"), .alt("3")].randomElement(using: &g)!
        case 18: .ctrlEnd
        default: .ctrlHome
        }
    }

    @Test func framesFromTheKeptLayoutEqualFramesWithout() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            var report = filledReport()
            report.texts[.s1] = Self.randomText(&g, maxPieces: 120)
            var s = EditorState(report: report, fileName: "draft.json")
            for _ in 0..<60 {
                let key = Self.randomKey(&g)
                s = send(s, [key]).0
                if s.dialog != nil { s.dialog = nil }
                var fresh = s
                fresh.textLayout = nil
                #expect(Renderer.render(s) == Renderer.render(fresh), "after \(key) in \(s.report.text(s.section).debugDescription)")
                if let kept = s.textLayout, kept.section == s.section, s.currentTable == nil {
                    #expect(kept.wrapped.isLayout(of: s.report.text(s.section), width: s.layout.wrapWidth))
                    Self.expectFresh(kept.wrapped, "after \(key)")
                }
            }
        }
    }

    /// A kept layout of other text or another width is never used.
    @Test func aStaleLayoutIsNotUsed() {
        var s = blankState()
        s.report.texts[.s1] = "第一段。\n第二段。"
        s.textLayout = SectionTextLayout(section: .s1, wrapped: WrappedText("完全不同的旧文字，很长很长很长。", width: s.layout.wrapWidth))
        var fresh = s
        fresh.textLayout = nil
        #expect(Renderer.render(s) == Renderer.render(fresh))
        s.textLayout = SectionTextLayout(section: .s1, wrapped: WrappedText(s.report.text(.s1), width: 10))
        #expect(Renderer.render(s) == Renderer.render(fresh))
        s.textLayout = SectionTextLayout(section: .s5, wrapped: WrappedText(s.report.text(.s1), width: s.layout.wrapWidth))
        #expect(s.wrappedText(.s5).text == s.report.text(.s5))
    }
}
