import Testing
@testable import NianbaoCore

/// The narrative rules on real-shaped prose: each one silent on a consistent report and firing on
/// the disagreement it is for, with the sentence quoted in its span.
@Suite struct NarrativeRulesTests {
    func b2021(_ s1: String, year: Int = 2024) -> ReportBuilder {
        let b = ReportBuilder(.v2021, year: year)
        b.text(.s1, s1)
        return b
    }

    // MARK: X-1

    @Test func x_1_seedProseIsSilent() throws {
        let seed = SampleReports.seed
        #expect(findings("X-1", seed).isEmpty)
        #expect(seed.narrative(.s1).statements.contains { $0.target == .concluded && $0.value == 2 })
        let narrative: Set<String> = ["X-1", "X-2", "X-13", "X-14", "X-15", "X-16", "X-17", "X-18", "X-19"]
        #expect(Validator.validate(seed).filter { narrative.contains($0.ruleID) }.isEmpty)
    }

    @Test func x_1_receivedDiffersFromTable() throws {
        let b = b2021("2024年，共受理政府信息公开申请95件，其中自然人申请89件。")
        b.set("t3.r1.np", 91).fillComputed()
        let total = try #require(b["t3.r1.total"].count)
        let f = try #require(findings("X-1", b.report).first)
        #expect(f.severity == .warning)
        #expect(cellIDs(f) == ["t3.r1.total"])
        #expect(f.expected == String(total) && f.actual == "95")
        let span = try #require(f.span)
        #expect(span.part == .section(.s1))
        #expect(span.quote == "2024年，共受理政府信息公开申请95件，其中自然人申请89件。")
        #expect(span.range == 0..<span.quote.count)
        #expect(f.message.contains("共受理政府信息公开申请95件"))
    }

    @Test func x_1_parenthesisMergedRowsAndSums() throws {
        let b = b2021("答复政府信息公开申请98件（含上年度转结申请8件，另有5件申请转结下年度继续办理）。予以公开42件（含部分公开），无法提供49件。")
        let analysis = b.report.narrative(.s1)
        let read = analysis.statements.map { "\($0.target.rawValue)=\($0.value)" }
        #expect(read == ["concluded=98", "carriedIn=8", "carriedOut=5", "grantedOrPartly=42", "unavailable=49"])
    }

    @Test func x_1_trapsAreSilent() {
        // Other year, split of one figure, channels, other business, approximate figures, other scope.
        let b = b2021("2023年，本机关收到申请40件。全年收到申请19件，其中11件办结，8件主动撤销。通过网络渠道申请30件、信函申请40件。"
                      + "政府公开信箱办结312件。办理人大代表建议12件。收到申请30余件。全区共收到申请500件。")
        let read = b.report.narrative(.s1).statements.map { "\($0.target.rawValue)=\($0.value)" }
        #expect(read == ["received=19"])
    }

    // MARK: X-2

    @Test func x_2_exhaustiveListMustAddUp() throws {
        let b = b2021("主动公开政府信息100条，其中工作动态60条、通知公告30条、其他信息5条。")
        let f = try #require(findings("X-2", b.report).first)
        #expect(f.expected == "100" && f.actual == "95")
        #expect(f.message.contains("60 + 30 + 5 = 95 条"))
        b.text(.s1, "主动公开政府信息100条，其中工作动态60条、通知公告30条、其他信息10条。")
        #expect(findings("X-2", b.report).isEmpty)
    }

    @Test func x_2_partialListOnlyWhenAbove() {
        let b = b2021("主动公开政府信息100条，其中工作动态60条、通知公告30条。")
        #expect(findings("X-2", b.report).isEmpty)
        b.text(.s1, "主动公开政府信息100条，其中工作动态60条、通知公告50条。")
        #expect(findings("X-2", b.report).count == 1)
    }

    @Test func x_2_percentagesAtPrintedPrecision() throws {
        let b = b2021("答复政府信息公开申请98件。所有答复件中，予以公开42件，占42.86%；不予公开1件，占1.02%；无法提供49件，占50%。")
        #expect(findings("X-2", b.report).isEmpty)
        b.text(.s1, "答复政府信息公开申请98件。所有答复件中，予以公开42件，占40%。")
        let f = try #require(findings("X-2", b.report).first)
        #expect(f.expected == "43%" && f.actual == "40%")
    }

    // MARK: Contradictions

    @Test func x_13_allConcludedWithCarryOver() throws {
        let b = b2021("共收到政府信息公开申请5件，均已按时办结。")
        b.set("t3.r4.np", 0).set("t3.r4.lp_com", 0).set("t3.r4.lp_res", 0).set("t3.r4.lp_ngo", 0).set("t3.r4.lp_law", 0)
            .set("t3.r4.lp_oth", 0).fillComputed()
        #expect(findings("X-13", b.report).isEmpty)
        let c = b2021("共收到政府信息公开申请5件，均已按时办结。")
        let f = try #require(findings("X-13", c.report).first)
        #expect(cellIDs(f) == ["t3.r4.total"])
        #expect(f.span?.quote == "共收到政府信息公开申请5件，均已按时办结。")
    }

    @Test func x_14_noApplicationsWithApplications() throws {
        let b = b2021("本年度未收到政府信息公开申请。")
        let f = try #require(findings("X-14", b.report).first)
        #expect(cellIDs(f) == ["t3.r1.total"])
        b.text(.s1, "本年度未收到因政府信息公开引起的行政复议申请。")
        #expect(findings("X-14", b.report).isEmpty)
    }

    @Test func x_15_noCasesWithCases() throws {
        let b = b2021("本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
        let f = try #require(findings("X-15", b.report).first)
        #expect(f.actual?.contains("行政复议 4 件") == true)
        b.text(.s1, "涉及复议0件，诉讼0件，无被纠错和败诉。")
        #expect(findings("X-15", b.report).isEmpty)
    }

    @Test func x_16_noFeeAgainstAFee() throws {
        let b = ReportBuilder(.v2021)
        b.text(.s6, "本年度未收取信息处理费。有1件申请收取信息处理费380元。")
        #expect(findings("X-16", b.report).count == 1)
        b.text(.s6, "本年度未收取信息处理费。")  // （六）2 > 0 in the sample and no word on 收费通知
        let f = try #require(findings("X-16", b.report).first)
        #expect(cellIDs(f) == ["t3.r3_6_2.total"])
        b.text(.s6, "本年度发出收费通知3件，申请人均未缴费，未收取信息处理费。")
        #expect(findings("X-16", b.report).isEmpty && findings("T3-8", b.report).isEmpty)
    }

    @Test func x_17_allUpheldWithPending() throws {
        let b = b2021("本年度发生行政复议4件，均获维持。")
        let f = try #require(findings("X-17", b.report).first)
        #expect(Set(cellIDs(f)) == ["t4.rv.fix", "t4.rv.pend"])
    }

    // MARK: Fees, years, dates

    @Test(arguments: ["本年度未收取信息公开处理费。", "未收取政府信息公开信息处理费。", "本机关未收取任何费用。", "未收取处理费。"])
    func x_5_realFeeWordingsAreAccepted(text: String) {
        let b = ReportBuilder(.v2021)
        b.text(.s6, text)
        #expect(findings("X-5", b.report).isEmpty)
    }

    @Test func x_3_periodAndTitleYear() throws {
        let b = ReportBuilder(.v2021, year: 2025)
        b.report.preface = "现发布《某局2025年政府信息公开工作年度报告》。报告中所列数据统计期限自2025年1月1日起，至2025年12月31日止。"
        #expect(findings("X-3", b.report).isEmpty)
        b.report.preface = "现发布《某局2024年政府信息公开工作年度报告》。报告中所列数据统计期限自2024年1月1日起，至2024年12月31日止。"
        let found = findings("X-3", b.report)
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.span?.part == .preface && $0.actual == "2024" })
    }

    @Test func x_11_signOffDate() throws {
        let b = ReportBuilder(.v2021, year: 2025)
        b.report.signOff = SignOff(agency: "驻马店市水利局", date: CalendarDate(year: 2026, month: 1, day: 20))
        #expect(findings("X-11", b.report).isEmpty)
        b.report.signOff?.date = CalendarDate(year: 2026, month: 2, day: 10)
        #expect(findings("X-11", b.report).first?.message.contains("2026年1月31日") == true)
        b.report.scope = .government
        #expect(findings("X-11", b.report).isEmpty)
        b.report.signOff?.date = CalendarDate(year: 2025, month: 12, day: 31)
        #expect(findings("X-11", b.report).first?.message.contains("统计期限尚未结束") == true)
    }

    @Test func x_18_summaryYearButNotPlans() {
        let b = b2021("（二）依申请公开情况。2023年，本机关共收到申请5件。", year: 2024)
        #expect(findings("X-18", b.report).map(\.actual) == ["2023"])
        b.text(.s1, "2025年，我局将进一步加强培训。网站于2009年完成注册。与2023年相比，申请有所增加。")
        #expect(findings("X-18", b.report).isEmpty)
    }

    @Test func x_19_garbles() {
        let b = b2021("根据国办公开办函〔202130号规定，统计期限自20241月1日起。依据〔2021〕30号。")
        #expect(findings("X-19", b.report).map(\.actual) == ["〔202130号", "20241月"])
    }

    // MARK: Remaining §4 rules

    @Test func t3_7_moreCarriedOutThanReceived() {
        let b = ReportBuilder(.v2021)
        #expect(findings("T3-7", b.report).isEmpty)
        b.set("t3.r4.np", 5000).fillComputed()
        #expect(findings("T3-7", b.report).count == 1)
    }

    @Test func t3_8_noNoticeWithUnpaidApplications() {
        let b = ReportBuilder(.v2021)
        b.text(.s6, "本年度未发出收费通知。")
        #expect(findings("T3-8", b.report).count == 1)
        b.text(.s6, "无。")
        #expect(findings("T3-8", b.report).count == 1)
    }

    @Test func t2a_8_procurementInYuan() {
        let b = ReportBuilder(.v2019)
        #expect(findings("T2a-8", b.report).isEmpty)
        b.set("t2.proc.proc_items", 1).set("t2.proc.proc_amount", amount: "8040")
        #expect(findings("T2a-8", b.report).count == 1)
    }

    @Test func t2a_6_cumulativeTotal() {
        let previous = SampleReports.filled(form: .v2019, year: 2019)
        let b = ReportBuilder(.v2019, year: 2020)
        #expect(findings("T2a-6", b.report, previous: previous).isEmpty)
        b.set("t2.reg.total_published", 14)
        #expect(findings("T2a-6", b.report, previous: previous).first?.expected == "15")
    }

    @Test func t2b_6_decisionsAboveTable() {
        let b = b2021("公开行政处罚决定信息12件。")
        #expect(findings("T2b-6", b.report).first?.expected == "≤ 4")
        b.text(.s1, "公开行政处罚决定信息3件。")
        #expect(findings("T2b-6", b.report).isEmpty)
    }

    @Test func x_10_blankTotalSaysWhatItWouldBe() throws {
        let b = ReportBuilder(.v2021)
        b.clear("t4.rv.total")
        let f = try #require(findings("X-10", b.report).first)
        #expect(f.message == "四 › 行政复议：合计（总计）为空白；合计由各项相加自动得出，应为 总计 4，不必手填。")
    }
}
