import Testing
@testable import NianbaoCore

/// `NarrativeText` cuts slices and converts offsets from tables made once per text; they must
/// give what walking the text from its start gives, for every range, whatever the text holds.
@Suite struct NarrativeTextOffsetTests {
    static let texts: [String] = [
        "",
        "全年共收到政府信息公开申请12件，均已按时答复。",
        "本机关（ＡＢＣ）公开１２条；\n第二段。",
        "Windows 换行\r\n第二行\r\n",
        "组合字符：e\u{301}与 n\u{303}，以及 ア\u{3099}。",
        "表情 👨‍👩‍👧 与国旗 🇨🇳 和肤色 👍🏽 在句中。",
        "谚文자모 ᄀ\u{1161}\u{11A8} 和变体选择符 葛\u{E0100} 字。",
        "\u{302A}开头就是组合符号，\u{200D}零宽连接符。",
    ]

    /// Character offsets as the old code found them: walk Characters from the start.
    static func referenceCharacterRange(_ text: String, _ range: Range<Int>) -> Range<Int> {
        var characterIndex = 0, scalarIndex = 0, lower = 0, foundLower = false
        for character in text {
            if !foundLower, scalarIndex >= range.lowerBound { lower = characterIndex; foundLower = true }
            if scalarIndex >= range.upperBound { return lower..<max(lower, characterIndex) }
            scalarIndex += character.unicodeScalars.count
            characterIndex += 1
        }
        if !foundLower { lower = characterIndex }
        return lower..<characterIndex
    }

    static func referenceSlice(_ text: String, _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for (i, scalar) in text.unicodeScalars.enumerated() where range.contains(i) { view.append(scalar) }
        return String(view)
    }

    @Test(arguments: texts)
    func everyRangeAgreesWithWalkingTheText(text: String) {
        let narrative = NarrativeText(text)
        let count = text.unicodeScalars.count
        #expect(narrative.scalars.count == count)
        for lower in 0...count {
            for upper in lower...count {
                let range = lower..<upper
                #expect(narrative.characterRange(range) == Self.referenceCharacterRange(text, range), "\(range) in \(text.debugDescription)")
                #expect(narrative.slice(range).unicodeScalars.elementsEqual(Self.referenceSlice(text, range).unicodeScalars),
                        "\(range) in \(text.debugDescription)")
            }
        }
    }

    @Test func plainReportTextNeedsNoCharacterTable() {
        #expect(NarrativeText("全年共收到申请１２件（其中网上申请3件）；“均已办结”。\n二、…").characterOffsets.isEmpty)
        #expect(!NarrativeText("行一\r\n行二").characterOffsets.isEmpty)
        #expect(!NarrativeText("e\u{301}").characterOffsets.isEmpty)
    }
}
