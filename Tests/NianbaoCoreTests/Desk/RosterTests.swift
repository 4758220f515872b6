import Testing
@testable import NianbaoCore

/// Rosters: the CSV/TSV reader, unit name keys, matching, and the status board.
@Suite struct RosterTests {
    @Test func readsRFC4180() throws {
        let text = "\u{FEFF}单位名称,联系人\r\n\"某县人民政府办公室\",\"张三, 李四\"\r\n\"说\"\"明\"\"\",\"两\n行\"\n\n某县水利局,\n"
        let records = try DelimitedText.parse(text, dialect: .guess(text))
        #expect(records.map(\.fields) == [["单位名称", "联系人"], ["某县人民政府办公室", "张三, 李四"], ["说\"明\"", "两\n行"], ["某县水利局", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test func readsTSV() throws {
        let text = "单位名称\t层级\n城关街道办事处\t街道\n"
        #expect(DelimitedText.Dialect.guess(text) == .tsv)
        #expect(try DelimitedText.parse(text, dialect: .tsv).map(\.fields) == [["单位名称", "层级"], ["城关街道办事处", "街道"]])
    }

    @Test(arguments: [("a,b\"c\n", 1), ("a,\"b\"c\n", 1), ("x\n\"open,\n\n", 2)])
    func malformedCSVSaysWhere(text: String, line: Int) {
        #expect(throws: DelimitedText.ParseError.self) { try DelimitedText.parse(text, dialect: .csv) }
        do { _ = try DelimitedText.parse(text, dialect: .csv) } catch { #expect(error.line == line) }
    }

    @Test(arguments: [
        ("驻马店市人民政府办公室", "驻马店市政府办"),
        ("某市卫生健康委员会", "某市卫生健康委"),
        ("城关街道办事处", "城关街道"),
        ("河包镇人民政府", "河包镇"),
        ("某县 发展和改革委员会", "某县发展和改革委"),
        ("高新区管理委员会", "高新区管委会"),
        ("“新区”财政局", "新区财政局"),
        ("某县人民政府办公室（县政务公开办）", "某县政府办"),
        ("某县发展和改革委员会", "某县发改委"),
        ("某市卫生健康委员会", "某市卫健委"),
        ("凤县人力资源和社会保障局", "凤县人社局"),
        ("驻马店市 水利局", "驻马店市水利局"),
    ])
    func sameUnitNames(a: String, b: String) {
        // One normaliser for the roster, last year's pairing and the copying check.
        #expect(AgencyName.isSame(a, b))
        #expect(AgencyName.same(a, b), "\(AgencyName.key(a)) vs \(AgencyName.key(b))")
    }

    @Test(arguments: [("某县水利局", "某市水利局"), ("某县发展和改革委员会", "某县改革委"), ("城关镇", "城关街道"), ("某县人民政府", "某县政府办"),
                      ("某县卫生健康委员会", "某县卫生健康局"), ("省人民政府办公厅", "省政府办")])
    func differentUnitNames(a: String, b: String) {
        #expect(!AgencyName.same(a, b))
    }

    static let rosterText = """
        单位名称,层级,上级,截止日期,联系人
        某县人民政府办公室,部门,某县人民政府,,王五
        某县卫生健康委员会,部门,某县人民政府,2026-01-31,
        城关街道办事处,街道,某县人民政府,2026-02-20,
        河包镇人民政府,乡镇,某县人民政府,,
        水利局,部门,某县人民政府,01-31,
        某县交通运输局,部门,某县人民政府,,
        某市交通运输局,部门,某市人民政府,,
        某县财政局,部门,某县人民政府,,

        """

    @Test func parsesARoster() throws {
        let roster = try Roster.parse(Self.rosterText, source: "名单.csv")
        #expect(roster.units.count == 8)
        #expect(roster.units[0].contact == "王五")
        #expect(roster.units[0].dueDate(reportYear: 2025) == CalendarDate(year: 2026, month: 1, day: 31))
        #expect(roster.units[2].dueDate(reportYear: 2025) == CalendarDate(year: 2026, month: 2, day: 20))
        #expect(roster.units[3].dueDate(reportYear: 2025) == nil, "a township's date is set locally")
        #expect(roster.units[4].dueDate(reportYear: 2025) == CalendarDate(year: 2026, month: 1, day: 31))
    }

    @Test func refusesBadRosters() {
        #expect(throws: Roster.Problem.self) { try Roster.parse("名称不对\n某局\n".replacingAll("名称不对", with: "联系人"), source: "x") }
        #expect(throws: Roster.Problem.self) { try Roster.parse("单位名称\n某县人民政府办公室\n某县政府办\n", source: "x") }
        #expect(throws: Roster.Problem.self) { try Roster.parse("单位名称,截止日期\n某局,明年\n", source: "x") }
        #expect(throws: Roster.Problem.self) { try Roster.parse("单位名称\n", source: "x") }
    }

    @Test func matchesRealLookingNamesAndNeverGuesses() throws {
        let matcher = RosterMatcher(roster: try Roster.parse(Self.rosterText, source: "名单.csv"))
        #expect(matcher.match("某县政府办") == .unit(0, exact: true))
        #expect(matcher.match("某县卫生健康委") == .unit(1, exact: true))
        #expect(matcher.match("城关街道") == .unit(2, exact: true))
        #expect(matcher.match("河包镇") == .unit(3, exact: true))
        #expect(matcher.match("某县水利局") == .unit(4, exact: false), "the roster leaves out the county's name")
        #expect(matcher.match("交通运输局") == .ambiguous([5, 6]), "两个交通运输局：不猜")
        #expect(matcher.match("某县发改委") == .none)
        #expect(matcher.match("") == .none)
    }

    @Test func boardCountsAndLists() throws {
        let roster = try Roster.parse(Self.rosterText, source: "名单.csv")
        func filed(_ agency: String, errors: Int = 0, blanks: Int = 0, warnings: Int = 0, zero: Bool = false,
                   signed: CalendarDate? = nil, year: Int = 2025, decision: FiledReport.Decision? = nil) -> FiledReport {
            FiledReport(path: "\(agency).json", agency: agency, year: year, form: .v2021, errors: errors, blanks: blanks,
                        warnings: warnings, allZero: zero, signedOn: signed, decision: decision)
        }
        let reports = [
            filed("某县政府办", signed: CalendarDate(year: 2026, month: 1, day: 20), decision: .accepted),
            filed("某县卫生健康委", warnings: 2, signed: CalendarDate(year: 2026, month: 2, day: 3)),
            filed("城关街道", blanks: 3, decision: .returned),
            filed("河包镇", zero: true, signed: CalendarDate(year: 2026, month: 1, day: 5)),
            filed("交通运输局"),
            filed("某县财政局", signed: CalendarDate(year: 2026, month: 1, day: 31)),
            filed("某县财政局", year: 2024),
            filed("某县统计局"),
        ]
        let board = StatusBoard(roster: roster, year: 2025, reports: reports)
        #expect(board.unitCount == 8)
        #expect(board.filedCount == 5)
        #expect(board.missing.map(\.unit.name) == ["水利局", "某县交通运输局", "某市交通运输局"])
        #expect(board.rows[0].state == .clean && board.rows[0].timeliness == .onTime)
        #expect(board.rows[1].state == .warningsOnly && board.rows[1].timeliness == .late)
        #expect(board.rows[2].state == .blocked && board.rows[2].timeliness == .unknown)
        #expect(board.rows[3].state == .nothingToReport && board.rows[3].timeliness == .unknown, "河包镇: no due date")
        #expect(board.rows[7].timeliness == .onTime, "the due day itself is on time")
        #expect(board.late.map(\.unit.name) == ["某县卫生健康委员会"])
        #expect(board.onTimeCount == 2)
        #expect(board.onTimeRateText == "25.0%")
        #expect(board.count(.returned) == 1 && board.count(.accepted) == 1)
        #expect(board.unmatched.map(\.report.agency) == ["交通运输局", "某县统计局"])
        #expect(board.unmatched[0].candidates == ["某县交通运输局", "某市交通运输局"])
        #expect(board.otherYears.count == 1)
    }

    @Test func lateIsFromTheSignOffElseTheStatedDateElseUnknown() throws {
        var report = SampleReports.filled(form: .v2021, year: 2025, agency: "某县财政局")
        report.texts[.s6] = "无其他需要报告的事项。\n\n某县财政局\n２０２６年２月３日\n"
        let stated = try #require(StatedDate.of(report))
        #expect(stated.date == CalendarDate(year: 2026, month: 2, day: 3) && stated.source == .text)
        report.signOff = SignOff(agency: "某县财政局", date: CalendarDate(year: 2026, month: 1, day: 15))
        #expect(StatedDate.of(report)?.date == CalendarDate(year: 2026, month: 1, day: 15))
        #expect(StatedDate.of(report)?.source == .signOff)
        report.signOff = SignOff(agency: "某县财政局", date: nil)
        #expect(StatedDate.of(report)?.source == .text, "a sign-off without a date falls back to the text")
        report.texts[.s6] = "本年度于2026年1月5日召开会议。"
        #expect(StatedDate.of(report) == nil, "a date inside a sentence is not the report's date")
        report.texts[.s6] = "某县财政局\n2026年2月30日"
        #expect(StatedDate.of(report) == nil)
        // On the board: late, on time, unknown.
        let roster = try Roster.parse("单位名称,截止日期\n某县财政局,2026-01-31\n", source: "名单.csv")
        func row(_ date: CalendarDate?) -> StatusBoard.Row {
            let filed = FiledReport(path: "a.json", agency: "某县财政局", year: 2025, form: .v2021, errors: 0, blanks: 0,
                                    warnings: 0, allZero: false, signedOn: date)
            return StatusBoard(roster: roster, year: 2025, reports: [filed]).rows[0]
        }
        report.texts[.s6] = "某县财政局\n2026年2月3日"
        report.signOff = nil
        #expect(row(StatedDate.of(report)?.date).timeliness == .late)
        report.texts[.s6] = "某县财政局\n2026年1月31日"
        #expect(row(StatedDate.of(report)?.date).timeliness == .onTime)
        report.texts[.s6] = "无"
        #expect(row(StatedDate.of(report)?.date).timeliness == .unknown)
    }

    @Test func readsDates() {
        #expect(CalendarDate(lenient: "2026-01-31") == CalendarDate(year: 2026, month: 1, day: 31))
        #expect(CalendarDate(lenient: "2026年2月3日") == CalendarDate(year: 2026, month: 2, day: 3))
        #expect(CalendarDate(lenient: "２０２６/2/3") == CalendarDate(year: 2026, month: 2, day: 3))
        #expect(CalendarDate(lenient: "2026-02-30") == nil)
        #expect(CalendarDate(lenient: "明年") == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil && CalendarDate(year: 2025, month: 2, day: 29) == nil)
    }
}
