import Testing
@testable import NianbaoCore

/// `YearOverYear`: cells with their change, the ratios with jump flags, text similarity, cross-year findings, four outputs.
@Suite struct YearOverYearTests {
    @Test func consecutiveSamples() throws {
        let last = SampleReports.filled(form: .v2021, year: 2023)
        var this = SampleReports.filled(form: .v2021, year: 2024)
        this["t3.r2.np"] = .count(99)  // breaks T3-6
        this.fillComputed()
        let diff = YearOverYear(previous: last, report: this)
        #expect(diff.mismatch == nil)
        #expect(diff.cells.count == this.definition.cells.count)
        let np = try #require(diff.cells.first { $0.id == "t3.r2.np" })
        #expect(np.this == .count(99))
        #expect(np.change == .count(99 - (last["t3.r2.np"].count ?? 0)))
        #expect(diff.ratios.map(\.name) == ["实质公开率", "无法提供占比", "不予处理占比", "结转率", "复议纠错率", "诉讼纠错率"])
        #expect(diff.findings.contains { $0.ruleID == "T3-6" })
        #expect(diff.sections.first { $0.part == .section(.s1) }.map { $0.overlap.share > 0.9 } ?? false)
        #expect(diff.text().contains("结转率"))
        #expect(diff.markdown().contains("| 实质公开率"))
        #expect(diff.html().contains("<mark class=\"same\">"))
        let json = try JSONParser().parse(diff.json())
        #expect(json.objectValue?["ratios"]?.arrayValue?.count == 6)
    }

    @Test func jumpsAreFlagged() {
        let last = SampleReports.filled(form: .v2021, year: 2023)
        var this = SampleReports.filled(form: .v2021, year: 2024)
        for column in ["np", "lp_com", "lp_res", "lp_ngo", "lp_law", "lp_oth"] { this["t3.r3_1.\(column)"] = .count(0) }
        this["t3.r3_2.np"] = .count(0)
        this.fillComputed()
        let diff = YearOverYear(previous: last, report: this)
        #expect(diff.ratios.first { $0.name == "实质公开率" }?.isJump == true)
        #expect(diff.ratios.first { $0.name == "无法提供占比" }?.isJump == false)
    }

    @Test func anotherAgencysReportIsSaid() {
        let diff = YearOverYear(previous: SampleReports.filled(form: .v2021, year: 2023, agency: "信阳市水利局"),
                                report: SampleReports.filled(form: .v2021, year: 2024))
        #expect(diff.mismatch != nil)
        #expect(diff.text().contains("注意"))
    }
}
