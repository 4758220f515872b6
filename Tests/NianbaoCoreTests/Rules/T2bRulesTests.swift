import Testing
@testable import NianbaoCore

/// T2b-1, -3, -4, -5: table 二 of the 2021 form.
@Suite struct T2bRulesTests {
    @Test func sampleNumbers() {
        let b = ReportBuilder(.v2021)
        #expect(b["t2.norm.valid"] == .count(41))
        #expect(b["t2.fee.fee_amount"] == .amount(Amount("12.5")!))
        for id in ["T2b-1", "T2b-3", "T2b-4", "T2b-5"] {
            #expect(findings(id, b.report).isEmpty, "\(id)")
        }
    }

    @Test func t2bRulesDoNotRunOn2019Form() {
        let b = ReportBuilder(.v2019, agency: "某某镇人民政府")
        b.set("t2.reg.made", -1)
        let ids = Set(Validator.validate(b.report).map(\.ruleID))
        #expect(ids.isDisjoint(with: ["T2b-1", "T2b-3", "T2b-5"]))
        #expect(ids.contains("T2a-1"))
    }

    /// T2b-4 also runs on the 2019 form: a township reporting 规章 made in 2020.
    @Test func t2b_4_runsOn2019Form() throws {
        let b = ReportBuilder(.v2019, agency: "某某镇人民政府")
        let f = try #require(findings("T2b-4", b.report).first)
        #expect(cellIDs(f) == ["t2.reg.made", "t2.reg.published", "t2.reg.total_published"])
        #expect(findings("T2b-4", ReportBuilder(.v2019).report).isEmpty)
    }

    // MARK: T2b-1 kinds

    @Test func t2b_1_fourDecimalsIsFine() {
        let b = ReportBuilder(.v2021)
        b.set("t2.fee.fee_amount", amount: "0.1234")
        #expect(findings("T2b-1", b.report).isEmpty)
    }

    @Test func t2b_1_fiveDecimalsFails() throws {
        let b = ReportBuilder(.v2021)
        b.set("t2.fee.fee_amount", amount: "0.12345")
        let found = findings("T2b-1", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == ["t2.fee.fee_amount"])
        #expect(f.expected == "最多 4 位小数")
        #expect(f.actual == "0.12345")
        #expect(f.message.contains(label("t2.fee.fee_amount", .v2021)))
        #expect(f.message.contains("本年收费金额（单位：万元）"))
    }

    @Test func t2b_1_negativeAmountFails() throws {
        let b = ReportBuilder(.v2021)
        b.set("t2.fee.fee_amount", amount: "-3")
        let f = try #require(findings("T2b-1", b.report).first)
        #expect(cellIDs(f) == ["t2.fee.fee_amount"])
        #expect(f.expected == "≥ 0")
        #expect(f.actual == "-3")
    }

    @Test(arguments: ["t2.reg.issued", "t2.norm.abolished", "t2.lic.decisions", "t2.coe.decisions"])
    func t2b_1_negativeCountFails(id: String) throws {
        let b = ReportBuilder(.v2021)
        b.set(id, -1)
        let f = try #require(findings("T2b-1", b.report).first)
        #expect(findings("T2b-1", b.report).count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == [id])
        #expect(f.actual == "-1")
        #expect(f.message.contains(label(id, .v2021)))
    }

    @Test func t2b_1_wholeAmountInFeeCellIsFine() {
        let b = ReportBuilder(.v2021)
        b.set("t2.fee.fee_amount", 0)
        #expect(findings("T2b-1", b.report).isEmpty)
        #expect(findings("T2b-5", b.report).isEmpty)
    }

    // MARK: T2b-3 本年废止件数 ≤ 现行有效件数(N−1) + 本年制发件数

    @Test func t2b_3_withoutPreviousBoundHolds() {
        let b = ReportBuilder(.v2021)
        // 41 + 2 ≥ 43
        b.set("t2.norm.issued", 43)
        #expect(findings("T2b-3", b.report).isEmpty)
    }

    @Test func t2b_3_withoutPreviousIssuedUnaccountedWarns() throws {
        let b = ReportBuilder(.v2021)
        b.set("t2.norm.issued", 50)
        let found = findings("T2b-3", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(cellIDs(f) == ["t2.norm.valid", "t2.norm.abolished", "t2.norm.issued"])
        #expect(f.expected == "≥ 50")
        #expect(f.actual == "43")
        #expect(f.message.contains("行政规范性文件"))
    }

    @Test func t2b_3_withPreviousAbolishedAboveAvailableWarns() throws {
        let previous = SampleReports.filled(form: .v2021, year: 2021)
        let b = ReportBuilder(.v2021, year: 2022)
        #expect(findings("T2b-3", b.report, previous: previous).isEmpty)
        // 41 valid last year + 6 issued = 47 at most.
        b.set("t2.norm.abolished", 47)
        #expect(findings("T2b-3", b.report, previous: previous).isEmpty)
        b.set("t2.norm.abolished", 48)
        let f = try #require(findings("T2b-3", b.report, previous: previous).first)
        #expect(cellIDs(f) == ["t2.norm.abolished", "t2.norm.issued"])
        #expect(f.expected == "≤ 47")
        #expect(f.actual == "48")
        #expect(f.message.contains("行政规范性文件") && f.message.contains("2021"))
    }

    // MARK: T2b-4 规章 for bodies without 规章制定权

    @Test(arguments: ["某某镇人民政府", "驻马店市驿城区水利局", "驻马店市驿城区城市管理局", "河南省驻马店市驿城区人民政府",
                      "某某县人民政府", "某某街道办事处", "广西壮族自治区南宁市青秀区司法局", "某某乡", "某某街道", "城关镇"])
    func t2b_4_firesForCountyAndTownshipBodies(agency: String) throws {
        let b = ReportBuilder(.v2021, agency: agency)
        let found = findings("T2b-4", b.report)
        let f = try #require(found.first, "\(agency)")
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        // 规章 1 / 0 / 3: only the non-zero cells are involved.
        #expect(cellIDs(f) == ["t2.reg.issued", "t2.reg.valid"])
        #expect(f.expected == "0")
        #expect(f.actual == "1 / 3")
        #expect(f.message.contains(agency))
        #expect(f.message.contains("规章"))
    }

    @Test(arguments: ["驻马店市水利局", "镇江市水利局", "广西壮族自治区司法厅", "河南省人民政府", "上海市市场监督管理局",
                      "北京市城市管理委员会", "延边朝鲜族自治州人民政府"])
    func t2b_4_silentForBodiesThatMayReportRegulations(agency: String) {
        #expect(findings("T2b-4", ReportBuilder(.v2021, agency: agency).report).isEmpty)
    }

    @Test func t2b_4_zeroRowIsFineForTownship() {
        let b = ReportBuilder(.v2021, agency: "某某镇人民政府")
        b.set("t2.reg.issued", 0).set("t2.reg.valid", 0)
        #expect(findings("T2b-4", b.report).isEmpty)
    }

    // MARK: T2b-5 fee amount plausibility

    @Test(arguments: ["12.5", "0", "150", "0.35"])
    func t2b_5_plausibleAmountsAreSilent(text: String) {
        let b = ReportBuilder(.v2021)
        b.set("t2.fee.fee_amount", amount: text)
        #expect(findings("T2b-5", b.report).isEmpty)
    }

    @Test func t2b_5_hugeWholeAmountLooksLikeYuan() throws {
        let b = ReportBuilder(.v2021)
        b.set("t2.fee.fee_amount", amount: "12000")
        let f = try #require(findings("T2b-5", b.report).first)
        #expect(f.severity == .info)
        #expect(cellIDs(f) == ["t2.fee.fee_amount"])
        #expect(f.actual == "12000")
        #expect(f.message.contains("行政事业性收费") && f.message.contains("12,000") && f.message.contains("元"))
        #expect(!f.severity.blocksSubmission)
    }

    @Test func t2b_5_smallWholeAmountLooksLikeItemCount() throws {
        let b = ReportBuilder(.v2021)
        b.set("t2.fee.fee_amount", 3)
        let f = try #require(findings("T2b-5", b.report).first)
        #expect(f.severity == .info)
        #expect(cellIDs(f) == ["t2.fee.fee_amount"])
        #expect(f.actual == "3")
        #expect(f.message.contains("上一年项目数量"))
    }
}
