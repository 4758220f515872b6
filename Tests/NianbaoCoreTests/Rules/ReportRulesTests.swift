import Testing
@testable import NianbaoCore

/// and the severities.
@Suite struct ReportRulesTests {
    // MARK: X-4 form matches year

    @Test(arguments: [(FormVersion.v2019, 2019), (.v2019, 2020), (.v2021, 2021), (.v2021, 2025)])
    func x_4_matchingFormIsSilent(form: FormVersion, year: Int) {
        #expect(findings("X-4", SampleReports.filled(form: form, year: year)).isEmpty)
    }

    @Test func x_4_2019FormFor2021Warns() throws {
        let report = SampleReports.filled(form: .v2019, year: 2021)
        let found = findings("X-4", report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(f.cells.isEmpty)
        #expect(f.section == nil)
        #expect(f.expected == "2021 版")
        #expect(f.actual == "2019 版")
        #expect(f.message.contains("国办公开办函〔2021〕30号"))
    }

    @Test func x_4_2021FormFor2020Warns() throws {
        let f = try #require(findings("X-4", SampleReports.filled(form: .v2021, year: 2020)).first)
        #expect(f.expected == "2019 版" && f.actual == "2021 版")
        #expect(f.message.contains("2020 年度"))
    }

    // MARK: X-5 信息处理费 statement (2021 form)

    @Test func x_5_statementPresentIsSilent() {
        let b = ReportBuilder(.v2021)
        b.text(.s6, "本年度共收取信息处理费 0.02 万元。")
        #expect(findings("X-5", b.report).isEmpty)
    }

    /// The compatibility ideograph 理 (U+F9E4) reads the same as 理 (U+7406).
    @Test func x_5_statementWithACompatibilityIdeographIsSilent() {
        let b = ReportBuilder(.v2021)
        b.text(.s6, "本年度未收取信息处\u{F9E4}费。")
        #expect(findings("X-5", b.report).isEmpty)
    }

    @Test func x_5_missingStatementWarns() throws {
        let b = ReportBuilder(.v2021)
        b.text(.s6, "无。")
        let found = findings("X-5", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(f.cells.isEmpty)
        #expect(f.section == .s6)
        #expect(f.message.contains("六、其他需要报告的事项") && f.message.contains("信息处理费"))
    }

    @Test func x_5_notFor2019Form() {
        let b = ReportBuilder(.v2019)
        b.text(.s6, "无。")
        #expect(findings("X-5", b.report).isEmpty)
    }

    // MARK: X-8 text sections written

    @Test(arguments: FormVersion.allCases)
    func x_8_writtenSectionsAreSilent(form: FormVersion) {
        let b = ReportBuilder(form)
        b.text(.s6, "无")
        #expect(findings("X-8", b.report).isEmpty)
    }

    @Test(arguments: FormVersion.allCases)
    func x_8_blankSectionWarns(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.text(.s5, " \n\u{3000}")
        let found = findings("X-8", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(f.section == .s5)
        #expect(f.cells.isEmpty)
        #expect(f.message.contains("五、存在的主要问题及改进情况"))
    }

    @Test func x_8_emptyDraftReportsAllThreeSections() {
        let draft = Report(agency: "驻马店市水利局", year: 2021, form: .v2021)
        #expect(Set(findings("X-8", draft).compactMap(\.section)) == [.s1, .s5, .s6])
        #expect(findings("X-8", draft).first { $0.section == .s6 }?.message.contains("“无”") == true)
    }

    // MARK: X-10 blank cells

    @Test(arguments: FormVersion.allCases)
    func x_10_filledReportIsSilent(form: FormVersion) {
        #expect(findings("X-10", ReportBuilder(form).report).isEmpty)
    }

    @Test(arguments: FormVersion.allCases)
    func x_10_blankDataCellIsIncomplete(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.clear("t3.r3_5_2.lp_oth").clear("t3.r3_5_2.np")
        let found = findings("X-10", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)  // one finding per row
        #expect(f.severity == .incomplete)
        #expect(f.severity.blocksSubmission)
        #expect(cellIDs(f) == ["t3.r3_5_2.np", "t3.r3_5_2.lp_oth"])
        #expect(f.message.contains("三 › 三、本年度办理结果 › （五）不予处理 › 2.重复申请"))
        #expect(f.message.contains("自然人、其他"))
        #expect(f.message.contains("填 0"))
    }

    @Test(arguments: FormVersion.allCases)
    func x_10_blankComputedCellIsIncomplete(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.clear("t4.rv.total")
        let f = try #require(findings("X-10", b.report).first)
        #expect(f.severity == .incomplete)
        #expect(cellIDs(f) == ["t4.rv.total"])
        #expect(f.message.contains("四 › 行政复议"))
        #expect(f.message.contains("合计（总计）为空白"))
        #expect(findings("T4-1", b.report).isEmpty)
    }

    @Test(arguments: FormVersion.allCases)
    func x_10_blankPropagatesThroughFillComputed(form: FormVersion) {
        let b = ReportBuilder(form)
        b.clear("t3.r3_1.lp_com").fillComputed()
        #expect(b["t3.r3_1.total"].isEmpty)
        #expect(b["t3.r3_7.lp_com"].isEmpty)
        #expect(b["t3.r3_7.total"].isEmpty)
        let blank = Set(findings("X-10", b.report).flatMap { $0.cellRefs.map(\.description) })
        #expect(blank == ["t3.r3_1.lp_com", "t3.r3_1.total", "t3.r3_7.lp_com", "t3.r3_7.total"])
        // No sum rule fires on a blank: blanks are never taken as 0.
        #expect(Validator.validate(b.report).allSatisfy { $0.ruleID == "X-10" })
    }

    @Test(arguments: FormVersion.allCases)
    func x_10_emptyDraftListsEveryCell(form: FormVersion) {
        let draft = Report(agency: "某某镇人民政府", year: 2021, form: form)
        let found = findings("X-10", draft)
        #expect(found.flatMap(\.cells).count == form.definition.cells.count)
        #expect(found.allSatisfy { $0.severity == .incomplete })
        // Nothing else fires on blanks, except the text and form checks.
        let others = Set(Validator.validate(draft).map(\.ruleID)).subtracting(["X-10", "X-8", "X-4"])
        #expect(others.isEmpty)
    }

    // MARK: Severity

    @Test func severitiesBlockSubmissionOnlyForErrorAndIncomplete() {
        #expect(Severity.error.blocksSubmission)
        #expect(Severity.incomplete.blocksSubmission)
        #expect(!Severity.warning.blocksSubmission)
        #expect(!Severity.info.blocksSubmission)
        #expect(Severity.allCases.sorted() == [.error, .incomplete, .warning, .info])
        #expect(Severity.allCases.map(\.label) == ["错误", "未填", "警告", "提示"])
    }

    @Test func ruleSeveritiesMatchTheSpecification() {
        let expected: [String: Severity] = [
            "T3-1": .error, "T3-2": .error, "T3-3": .error, "T3-4": .error, "T3-5": .error, "T3-6": .warning,
            "T3-7": .warning, "T3-8": .warning,
            "T4-1": .error, "T4-2": .error,
            "T2a-1": .error, "T2a-2": .error, "T2a-3": .warning, "T2a-4": .warning, "T2a-5": .warning, "T2a-6": .info,
            "T2a-7": .warning, "T2a-8": .info,
            "T2b-1": .error, "T2b-2": .warning, "T2b-3": .warning, "T2b-4": .warning, "T2b-5": .info, "T2b-6": .warning,
            "X-1": .warning, "X-2": .warning, "X-3": .warning, "X-4": .warning, "X-5": .warning, "X-7": .warning, "X-8": .warning,
            "X-10": .incomplete, "X-11": .warning, "X-13": .warning, "X-14": .warning, "X-15": .warning, "X-16": .warning,
            "X-17": .warning, "X-18": .warning, "X-19": .info,
        ]
        #expect(Dictionary(uniqueKeysWithValues: Validator.rules.map { ($0.id, $0.severity) }) == expected)
        #expect(Set(Validator.rules.map(\.id)).count == Validator.rules.count)
        let only2019 = Set(Validator.rules.filter { $0.forms == [.v2019] }.map(\.id))
        let only2021 = Set(Validator.rules.filter { $0.forms == [.v2021] }.map(\.id))
        #expect(only2019 == ["T2a-1", "T2a-2", "T2a-3", "T2a-4", "T2a-5", "T2a-6", "T2a-7", "T2a-8"])
        #expect(only2021 == ["T2b-1", "T2b-2", "T2b-3", "T2b-5", "T3-8", "X-5"])
    }

    @Test func findingsAreOrderedBySectionThenCell() {
        let b = ReportBuilder(.v2021)
        b.set("t4.rv.keep", -1).set("t3.r1.np", -1).set("t2.lic.decisions", -1).text(.s6, "无")
        let sections = Validator.validate(b.report).map { $0.section?.rawValue ?? "" }
        #expect(sections == sections.sorted())
        #expect(sections.first == "s2")
    }

    @Test func findingsCarryChineseLabelPaths() throws {
        let b = ReportBuilder(.v2021)
        b.set("t3.r3_7.np", 0)
        let f = try #require(findings("T3-2", b.report).first)
        #expect(f.cellLabels.first == "三 › 三、本年度办理结果 › （七）总计 › 申请人情况 › 自然人")
    }
}
