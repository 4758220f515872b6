import NianbaoCore
import Testing
@testable import NianbaoTUI

/// Issue 10: agency, year, form, scope, preface and sign-off edited inside the editor.
@Suite struct ReportInfoTests {
    func clear(_ s: EditorState, field: Int) -> EditorState {
        guard case .info(let f) = s.dialog else { return s }
        return send(s, Array(repeating: Key.backspace, count: f.values[field].count)).0
    }

    @Test func editAgencyPrefaceAndSignOffAsOneUndoStep() {
        var s = blankState()
        (s, _) = send(s, [.alt("i")])
        guard case .info = s.dialog else { Issue.record("no page"); return }
        s = clear(s, field: 0)
        (s, _) = send(s, typing("驻马店市水利局办公室"))
        (s, _) = send(s, [.down, .down, .down, .down])  // 前言
        (s, _) = send(s, typing("根据条例，") + [.enter] + typing("特发布本报告。"))
        (s, _) = send(s, [.down] + typing("驻马店市水利局") + [.down] + typing("2022-01-25"))
        let frame = Renderer.render(s)
        let screen = (0..<frame.grid.rows).map { frame.grid.text(row: $0) }.joined(separator: "\n")
        #expect(screen.contains("前言") && screen.contains("特发布本报告。") && screen.contains("2022-01-25"))
        #expect(frame.cursor != nil)
        (s, _) = send(s, [.ctrl("s")])
        #expect(s.dialog == nil)
        #expect(s.report.agency == "驻马店市水利局办公室")
        #expect(s.report.preface == "根据条例，\n特发布本报告。")
        #expect(s.report.signOff == SignOff(agency: "驻马店市水利局", date: CalendarDate(year: 2022, month: 1, day: 25)))
        #expect(s.dirty)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report.agency == "驻马店市水利局" && s.report.preface.isEmpty && s.report.signOff == nil)
        #expect(!s.dirty)
    }

    @Test func badYearAndDateAreRefusedOnTheirField() {
        var s = send(blankState(), [.function(11), .down]).0
        s = clear(s, field: 1)
        (s, _) = send(s, typing("二〇二一") + [.ctrl("s")])
        guard case .info(let f) = s.dialog else { Issue.record("closed"); return }
        #expect(f.selected == 1)
        #expect(s.message?.isError == true)
        s = clear(s, field: 1)
        (s, _) = send(s, typing("2022") + [.down, .down, .down, .down, .down] + typing("2022-13-01") + [.ctrl("s")])
        guard case .info(let g) = s.dialog else { Issue.record("closed"); return }
        #expect(g.selected == 6)
        #expect(s.report.year == 2021)
        (s, _) = send(s, [.escape])
        #expect(s.dialog == nil && s.report.year == 2021)
    }

    @Test func formChangeConvertsExplicitly() {
        var s = at(blankState(), "t2.norm.valid")
        (s, _) = send(s, typing("5") + [.enter])
        s = at(s, "t3.r1.np")
        (s, _) = send(s, typing("3") + [.enter])
        (s, _) = send(s, [.alt("i"), .down, .down, .right, .ctrl("s")])
        guard case .confirmConversion(_, let dropped) = s.dialog else { Issue.record("no question"); return }
        #expect(dropped.contains { $0.contains("现行有效件数") && $0.contains("5") })
        #expect(s.report.form == .v2021, "nothing changes before the answer")
        (s, _) = send(s, [.character("n")])
        guard case .info = s.dialog else { Issue.record("not back on the page"); return }
        (s, _) = send(s, [.ctrl("s"), .character("y")])
        #expect(s.report.form == .v2019)
        #expect(s.report["t3.r1.np"] == .count(3), "shared cells are kept")
        #expect(s.message?.text.contains("已转换") == true)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report.form == .v2021 && s.report["t2.norm.valid"] == .count(5))
    }

    @Test func viewModeShowsTheDetailsReadOnly() {
        var r = filledReport()
        r.preface = "前言的文字。"
        r.signOff = SignOff(agency: "驻马店市水利局", date: CalendarDate(year: 2022, month: 1, day: 20))
        var s = EditorState(report: r, mode: .view, fileName: "v.json")
        (s, _) = send(s, [.alt("i")] + typing("x"))
        let screen = (0..<24).map { Renderer.render(s).grid.text(row: $0) }.joined()
        #expect(screen.contains("前言的文字。") && screen.contains("2022-01-20") && screen.contains("只读"))
        (s, _) = send(s, [.escape])
        #expect(s.report == r)
    }
}

@Suite struct ReportInfoSnapshotTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func page(size: (Int, Int)) {
        var r = filledReport()
        r.preface = "为做好政府信息公开工作，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，特向社会公布2021年度本机关政府信息公开工作年度报告。"
        r.signOff = SignOff(agency: "驻马店市水利局", date: CalendarDate(year: 2022, month: 1, day: 20))
        let s = send(EditorState(report: r, fileName: "驻马店市水利局2021.json", columns: size.0, rows: size.1),
                     [.alt("i"), .down, .down, .down, .down]).0
        assertSnapshot(Renderer.render(s), named: "report-info-\(size.0)x\(size.1)")
    }
}
