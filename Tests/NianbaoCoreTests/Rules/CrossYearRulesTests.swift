import Testing
@testable import NianbaoCore

/// T3-6, T2a-3, T2a-6, T2b-2: rules that compare with last year's report.
@Suite struct CrossYearRulesTests {
    static let crossYear = ["T3-6", "T2a-3", "T2a-6", "T2b-2", "X-7"]

    @Test(arguments: FormVersion.allCases)
    func crossYearRulesNeedPrevious(form: FormVersion) {
        let b = ReportBuilder(form)
        b.set("t3.r2.np", 999)
        if form == .v2019 { b.set("t2.lic.prev_items", 999) } else { b.set("t2.reg.valid", 999) }
        let ids = Set(Validator.validate(b.report).map(\.ruleID))
        #expect(ids.isDisjoint(with: Self.crossYear))
        #expect(Validator.rules.filter(\.needsPrevious).map(\.id).sorted() == Self.crossYear.sorted())
    }

    @Test(arguments: [(FormVersion.v2019, 2019, FormVersion.v2019, 2020),
                      (.v2019, 2020, .v2021, 2021),
                      (.v2021, 2021, .v2021, 2022)])
    func consecutiveSamplesAgree(previousForm: FormVersion, previousYear: Int, form: FormVersion, year: Int) {
        let previous = SampleReports.filled(form: previousForm, year: previousYear)
        let report = SampleReports.filled(form: form, year: year)
        // The samples' figures agree across years (their texts are the same every year: X-7's business).
        #expect(Validator.validate(report, previous: previous).filter { $0.ruleID != "X-7" }.isEmpty)
    }

    // MARK: T3-6

    @Test(arguments: [(FormVersion.v2019, 2019, FormVersion.v2019, 2020),
                      (.v2019, 2020, .v2021, 2021),
                      (.v2021, 2021, .v2021, 2022)])
    func t3_6_carriedInMustMatchLastYearsCarriedOut(previousForm: FormVersion, previousYear: Int,
                                                   form: FormVersion, year: Int) throws {
        let previous = SampleReports.filled(form: previousForm, year: previousYear)
        let b = ReportBuilder(form, year: year)
        #expect(b["t3.r2.lp_com"] == previous["t3.r4.lp_com"])
        #expect(findings("T3-6", b.report, previous: previous).isEmpty)
        let last = previous["t3.r4.lp_com"].count!
        b.set("t3.r2.lp_com", last + 4).fillComputed()
        let found = findings("T3-6", b.report, previous: previous)
        #expect(found.count == 2)  // 商业企业 and 总计
        let f = try #require(found.first { cellIDs($0) == ["t3.r2.lp_com"] })
        #expect(f.severity == .warning)
        #expect(f.expected == String(last))
        #expect(f.actual == String(last + 4))
        #expect(f.message.contains("商业企业"))
        #expect(f.message.contains("\(previousYear) 年度"))
        #expect(f.message.contains("上年结转") && f.message.contains("结转下年度继续办理"))
        #expect(found.contains { cellIDs($0) == ["t3.r2.total"] })
    }

    @Test func t3_6_blankOnEitherSideIsNotCompared() {
        var previous = SampleReports.filled(form: .v2021, year: 2021)
        previous["t3.r4.np"] = .empty
        let b = ReportBuilder(.v2021, year: 2022)
        b.set("t3.r2.np", 0)
        #expect(!findings("T3-6", b.report, previous: previous).contains { cellIDs($0) == ["t3.r2.np"] })
        b.clear("t3.r2.lp_res")
        #expect(!findings("T3-6", b.report, previous: SampleReports.filled(form: .v2021, year: 2021))
            .contains { cellIDs($0) == ["t3.r2.lp_res"] })
    }

    // MARK: T2a-3 (2019 form → 2019 form only)

    @Test func t2a_3_passesAndFails() throws {
        let previous = SampleReports.filled(form: .v2019, year: 2019)
        let b = ReportBuilder(.v2019, year: 2020)
        #expect(findings("T2a-3", b.report, previous: previous).isEmpty)
        // 2019: 行政强制 17 − 1 = 16 items at the end of 2019.
        #expect(previous["t2.coe.prev_items"] == .count(17) && previous["t2.coe.change"] == .count(-1))
        b.set("t2.coe.prev_items", 17)
        let found = findings("T2a-3", b.report, previous: previous)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(cellIDs(f) == ["t2.coe.prev_items"])
        #expect(f.expected == "16")
        #expect(f.actual == "17")
        #expect(f.message.contains("行政强制") && f.message.contains("2019 年度"))
    }

    @Test func t2a_3_coversEveryItemRow() {
        let previous = SampleReports.filled(form: .v2019, year: 2019)
        let b = ReportBuilder(.v2019, year: 2020)
        for row in ["lic", "svc", "pun", "coe", "fee"] { b.set("t2.\(row).prev_items", 500) }
        let found = findings("T2a-3", b.report, previous: previous)
        #expect(Set(found.map(cellIDs)) == Set(["lic", "svc", "pun", "coe", "fee"].map { ["t2.\($0).prev_items"] }))
    }

    @Test func t2a_3_notAcrossTheFormChange() {
        // A 2021-form report has no 上一年项目数量; a 2021-form "previous" cannot feed a 2019-form report.
        let b2021 = ReportBuilder(.v2021, year: 2021)
        b2021.set("t2.reg.valid", 999)
        #expect(findings("T2a-3", b2021.report, previous: SampleReports.filled(form: .v2019, year: 2020)).isEmpty)
        let b2019 = ReportBuilder(.v2019, year: 2020)
        b2019.set("t2.lic.prev_items", 999)
        #expect(findings("T2a-3", b2019.report, previous: SampleReports.filled(form: .v2021, year: 2021)).isEmpty)
    }

    // MARK: T2b-2 (2021 form → 2021 form only)

    @Test func t2b_2_passesAndFails() throws {
        let previous = SampleReports.filled(form: .v2021, year: 2021)
        let b = ReportBuilder(.v2021, year: 2022)
        #expect(findings("T2b-2", b.report, previous: previous).isEmpty)
        // 3 valid + 1 issued − 0 abolished = 4.
        #expect(b["t2.reg.valid"] == .count(4))
        b.set("t2.reg.valid", 6)
        let found = findings("T2b-2", b.report, previous: previous)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(cellIDs(f) == ["t2.reg.valid", "t2.reg.issued", "t2.reg.abolished"])
        #expect(f.expected == "4")
        #expect(f.actual == "6")
        #expect(f.message.contains("规章") && f.message.contains("现行有效件数") && f.message.contains("2021 年度"))
    }

    @Test func t2b_2_notAcross2020To2021() {
        let b = ReportBuilder(.v2021, year: 2021)
        b.set("t2.reg.valid", 999).set("t2.norm.valid", 999)
        #expect(findings("T2b-2", b.report, previous: SampleReports.filled(form: .v2019, year: 2020)).isEmpty)
        #expect(!findings("T2b-2", b.report, previous: SampleReports.filled(form: .v2021, year: 2020)).isEmpty)
    }
}
