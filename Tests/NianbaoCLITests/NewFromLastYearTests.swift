import NianbaoCore
import Testing
@testable import nianbao

/// `nianbao new --from LAST_YEAR.json [--copy-text]`.
@Suite struct NewFromLastYearTests {
    static func lastYear() -> Report {
        var r = Report(agency: "驻马店市水利局", year: 2024, form: .v2021, scope: .government)
        for (i, c) in r.definition.cells.enumerated() where !c.isComputed { r.cells[i] = .count(0) }
        r["t3.r4.np"] = .count(3)
        r["t3.r4.lp_com"] = .count(1)
        r["t2.reg.valid"] = .count(6)
        r["t2.norm.valid"] = .count(41)
        r.texts[.s1] = "2024年，我局……"
        r.preface = "根据《中华人民共和国政府信息公开条例》……"
        r.signOff = SignOff(agency: "驻马店市水利局", date: CalendarDate(year: 2025, month: 1, day: 20))
        r.fillComputed()
        return r
    }

    @Test func carriesAgencyScopeCarryOverAndValidDocuments() throws {
        let last = Self.lastYear()
        let r = try New.draft(from: last, year: nil, form: nil, agency: nil, scope: nil, copyText: false)
        #expect(r.year == 2025 && r.agency == last.agency && r.scope == .government && r.form == .v2021)
        #expect(r["t3.r2.np"] == .count(3))
        #expect(r["t3.r2.lp_com"] == .count(1))
        #expect(r["t3.r2.lp_res"] == .count(0))
        #expect(r["t3.r2.total"] == .count(4), "the total is filled from the carried parts")
        #expect(r["t3.r1.np"] == .empty, "nothing else is carried")
        #expect(r["t2.reg.valid"] == .count(6))
        #expect(r["t2.norm.valid"] == .count(41))
        #expect(r["t2.norm.issued"] == .empty)
        #expect(r.text(.s1).isEmpty && r.preface.isEmpty && r.signOff == nil)
        #expect(r.origin.copiedTextFrom == nil)
    }

    @Test func copyTextCopiesAndMarksWithLastYearsDigest() throws {
        let last = Self.lastYear()
        let r = try New.draft(from: last, year: 2025, form: nil, agency: nil, scope: nil, copyText: true)
        #expect(r.text(.s1) == last.text(.s1))
        #expect(r.preface == last.preface)
        #expect(r.signOff?.agency == "驻马店市水利局" && r.signOff?.date == nil, "last year's date is not this year's")
        #expect(r.origin.copiedTextFrom == ReportFile.digest(last))
        #expect(ReportFile.writtenVersion(of: r) == 2)
    }

    @Test func fromA2019ReportLeavesValidDocumentsBlank() throws {
        var last = Report(agency: "某镇人民政府", year: 2020, form: .v2019)
        last["t3.r4.np"] = .count(2)
        let r = try New.draft(from: last, year: nil, form: nil, agency: nil, scope: nil, copyText: false)
        #expect(r.form == .v2021 && r.year == 2021)
        #expect(r["t3.r2.np"] == .count(2))
        #expect(r["t2.reg.valid"] == .empty)
    }
}
