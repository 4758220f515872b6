import Testing
@testable import NianbaoCore

/// Issue 14: length limits count display columns and bytes, not grapheme clusters.
@Suite struct TextLimitsTests {
    @Test func combiningMarksDoNotHideInOneCharacter() {
        let text = "a" + String(repeating: "\u{0301}", count: 100_000)
        #expect(text.count == 1, "one grapheme cluster, which is what a character count sees")
        let violation = TextLimits.agency.violation(text)
        #expect(violation?.contains("200001 字节") == true, "\(violation ?? "nil")")
    }

    @Test func columnsCountCJKAsTwo() {
        let limit = TextLimit(field: "x", maxColumns: 10, maxBytes: 100)
        #expect(limit.allows("一二三四五"))
        #expect(!limit.allows("一二三四五六"))
        #expect(limit.violation("一二三四五六")?.contains("显示宽度 12 列") == true)
        #expect(limit.allows("abcdefghij"))
        #expect(!limit.allows("abcdefghijk"))
    }

    @Test func aRealAgencyNameFits() {
        #expect(TextLimits.agency.allows("驻马店市水利局"))
        #expect(TextLimits.agency.allows(String(repeating: "局", count: 200)))
        #expect(!TextLimits.agency.allows(String(repeating: "局", count: 201)))
    }

    @Test func theDecoderRefusesAnAgencyOfMarks() throws {
        var report = Report(agency: "驻马店市水利局", year: 2021, form: .v2021)
        report.agency = "a" + String(repeating: "\u{0301}", count: 100_000)
        let bytes = ReportFile.encode(report)
        #expect { _ = try ReportFile.decode(bytes, path: "marks.json") } throws: { error in
            "\(error)".contains("字节")
        }
    }
}
