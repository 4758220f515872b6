import NianbaoCore
import Testing
@testable import NianbaoTUI

/// A filled report whose section 一 says 未收到申请 while 三 has applications (X-14, a finding with a span).
func reportWithSpanFinding() -> Report {
    var r = filledReport()
    r.texts[.s1] = "2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n本年度未收到政府信息公开申请。\n（一）主动公开。全年主动公开政府信息1,234条。"
    return r
}

/// The state with a span finding, the findings pane focused on it.
func spanState(columns: Int = 80, rows: Int = 24, mode: EditorMode = .edit) -> (EditorState, Finding) {
    var s = EditorState(report: reportWithSpanFinding(), mode: mode, fileName: "f.json", columns: columns, rows: rows)
    s.today = CalendarDate(year: 2022, month: 1, day: 15)
    let f = s.findings.first { $0.span != nil }!
    return (s, f)
}

/// Moves the findings pane selection onto a finding.
func selecting(_ state: EditorState, _ f: Finding) -> EditorState {
    var s = state
    s.focus = .findings
    s.findingIndex = s.orderedFindings.firstIndex(of: f)!
    return s
}

@Suite struct TextSpanTests {
    @Test func aSpanFindingIsRaisedOnTheSentence() {
        let (s, f) = spanState()
        #expect(f.span?.part == .section(.s1))
        let chars = Graphemes.split(s.report.text(.s1))
        let r = TextSpans.locate(f.span!, in: chars)!
        #expect(String(chars[r]).contains("未收到"))
    }

    @Test func enterOnTheFindingPutsTheCaretAtTheSpan() {
        var (s, f) = spanState()
        s.section = .s3
        s = selecting(s, f)
        s = send(s, [.enter]).0
        #expect(s.section == .s1 && s.focus == .work)
        #expect(s.caret(in: .s1) == f.span!.range.lowerBound)
    }

    @Test func afterAnEditTheQuoteIsFoundAgain() {
        var (s, f) = spanState()
        s.section = .s1
        s.textCarets[.s1] = 0
        s = send(s, typing("新增")).0
        // The old offsets now point two characters early; the quote is searched for.
        let chars = Graphemes.split(s.report.text(.s1))
        let r = TextSpans.locate(f.span!, in: chars)!
        #expect(r.lowerBound == f.span!.range.lowerBound + 2)
        // A span whose quote is gone is not highlighted anywhere.
        #expect(TextSpans.locate(TextSpan(part: .section(.s1), range: 0..<3, quote: "不存在的句子"), in: chars) == nil)
    }

    @Test func theSpanIsHighlightedAndTheQuoteListed() {
        var (s, _) = spanState()
        s.section = .s1
        let frame = Renderer.render(s)
        let body = (s.layout.workTop..<(s.layout.workTop + s.layout.workHeight)).map { frame.grid.styles(row: $0) }.joined()
        #expect(body.contains("P"))
        let all = (0..<s.layout.rows).map { frame.grid.text(row: $0) }.joined()
        #expect(all.contains("未收到"))
    }

    @Test func aPrefaceSpanOpensTheDetailsPage() {
        var (s, _) = spanState()
        let jumped = s.jump(toSpan: TextSpan(part: .preface, range: 0..<2, quote: "前言"))
        #expect(jumped)
        guard case .info(let form) = s.dialog else { Issue.record("no details page"); return }
        #expect(form.selected == InfoForm.preface)
    }

    @Test func snapshots() {
        for (c, r) in [(80, 24), (120, 40)] {
            var (s, _) = spanState(columns: c, rows: r)
            s.section = .s1
            assertSnapshot(Renderer.render(s), named: "span-highlight-\(c)x\(r)")
        }
    }
}

@Suite struct ReviewNotesEditorTests {
    @Test func aReviewerDismissesAWarningWithAReason() {
        var (s, f) = spanState(mode: .view)
        s = selecting(s, f)
        s = send(s, [.alt("m")]).0
        guard case .note(let d) = s.dialog else { Issue.record("no dialog"); return }
        #expect(d.askingName)
        s = send(s, typing("张三") + [.enter, .character("3")] + typing("正文另有说明") + [.enter]).0
        #expect(s.dialog == nil)
        let note = s.report.review.notes.last!
        #expect(note.status == .dismissed && note.author == "张三" && note.text == "正文另有说明")
        #expect(note.date == CalendarDate(year: 2022, month: 1, day: 15))
        #expect(s.dirty)
        // The pane shows it as dismissed and does not count it as open.
        let frame = Renderer.render(s)
        let all = (0..<s.layout.rows).map { frame.grid.text(row: $0) }.joined()
        #expect(all.contains("[误报]") && all.contains("已标误报") && all.contains("张三"))
        // Ctrl-S saves the report with only the review block changed.
        let (_, effects) = send(s, [.ctrl("s")])
        guard case .save(let saved, _) = effects.first else { Issue.record("no save"); return }
        var original = reportWithSpanFinding()
        original.review = saved.review
        #expect(saved == original)
        #expect(ReportFile.digest(saved) == ReportFile.digest(reportWithSpanFinding()))
    }

    @Test func anErrorCannotBeDismissed() {
        var s = EditorState(report: Report(agency: "某局", year: 2021, form: .v2021), mode: .view, fileName: "f.json")
        s.reviewer = "张三"
        let f = s.orderedFindings.first { $0.severity.blocksSubmission }!
        s = selecting(s, f)
        s = send(s, [.alt("m"), .character("3")] + typing("不是问题") + [.enter]).0
        #expect(s.report.review.notes.isEmpty)
        #expect(s.message?.isError == true)
        guard case .note = s.dialog else { Issue.record("dialog closed"); return }
        s = send(s, [.escape]).0
        #expect(s.dialog == nil && !s.dirty)
    }

    @Test func noteEditsAreUndoneAndRedone() {
        var s = at(EditorState(report: filledReport(), mode: .view, fileName: "f.json"), "t3.r1.np")
        s.reviewer = "张三"
        s = send(s, [.alt("m")] + typing("数字偏大") + [.enter]).0
        #expect(s.report.review.notes.count == 1)
        #expect(s.report.review.notes[0].target == .cells(["t3.r1.np"]))
        s = send(s, [.ctrl("u")]).0
        #expect(s.report.review.notes.isEmpty && !s.dirty)
        s = send(s, [.ctrl("r")]).0
        #expect(s.report.review.notes.count == 1 && s.dirty)
        // Quitting with an unsaved note asks.
        s = send(s, [.ctrl("x")]).0
        #expect(s.dialog == .confirmQuit)
    }

    @Test func aCommentOnTextAndADecision() {
        var s = EditorState(report: filledReport(), mode: .view, fileName: "f.json")
        s.reviewer = "张三"
        s.section = .s5
        s = send(s, [.alt("m")] + typing("改进措施太笼统") + [.enter]).0
        #expect(s.report.review.notes.last?.target == .text(.section(.s5)))
        s = send(s, [.alt("v"), .character("1")] + typing("表三与正文不符") + [.enter]).0
        #expect(s.report.review.decision?.status == .returned)
        #expect(s.report.review.decision?.reasons == "表三与正文不符")
        // Returning needs reasons: an empty one is refused and the dialog stays.
        s = send(s, [.alt("v"), .character("1"), .enter]).0
        guard case .note = s.dialog else { Issue.record("dialog closed"); return }
        // Backspace on the empty text goes back to the choice.
        s = send(s, [.backspace]).0
        guard case .note(let d) = s.dialog else { Issue.record("dialog closed"); return }
        #expect(d.status == nil)
    }

    @Test func inEditTheClerkRepliesAndCannotDecide() {
        var r = filledReport()
        try! r.review.comment(on: .cells(["t3.r1.np"]), text: "数字偏大", author: "张三", date: nil, in: r)
        var s = at(EditorState(report: r, fileName: "f.json"), "t3.r1.np")
        s.reviewer = "李四"
        s = send(s, [.alt("m")] + typing("已核对") + [.enter]).0
        #expect(s.report.review.notes[0].replies.map(\.text) == ["已核对"])
        s = send(s, [.alt("v")]).0
        #expect(s.dialog == nil && s.report.review.decision == nil)
        // A cell with no notes has nothing to reply to.
        s = send(at(s, "t3.r2.np"), [.alt("m")]).0
        #expect(s.dialog == nil)
    }

    @Test func notesAreShownBesideCellsAndStaleAfterAChange() {
        var r = filledReport()
        try! r.review.comment(on: .cells(["t3.r1.np"]), text: "数字偏大", author: "张三",
                              date: CalendarDate(year: 2022, month: 1, day: 15), in: r)
        var s = at(EditorState(report: r, fileName: "f.json"), "t3.r1.np")
        var frame = Renderer.render(s)
        var all = (0..<s.layout.rows).map { frame.grid.text(row: $0) }.joined(separator: "\n")
        #expect(all.contains("*") && all.contains("意见1 张三 2022-01-15：数字偏大"))
        #expect(!all.contains("已过期"))
        s = send(s, [.character("9"), .enter]).0
        frame = Renderer.render(at(s, "t3.r1.np"))
        all = (0..<s.layout.rows).map { frame.grid.text(row: $0) }.joined(separator: "\n")
        #expect(all.contains("已过期"))
    }

    @Test func snapshotsOfNotes() {
        for (c, rows) in [(80, 24), (120, 40)] {
            var (s, f) = spanState(columns: c, rows: rows, mode: .view)
            s.reviewer = "张三"
            s = selecting(s, f)
            s = send(s, [.alt("m"), .character("2")] + typing("申请均为咨询，已在正文说明") + [.enter]).0
            var r = s.report
            try! r.review.comment(on: .cells(["t3.r1.np"]), text: "请与登记簿核对", author: "张三", date: s.today, in: r)
            try! r.review.reply(to: 0, text: "已改正文", author: "李四", date: s.today)
            s.report = r
            assertSnapshot(Renderer.render(s), named: "notes-findings-\(c)x\(rows)")
            s = at(s, "t3.r1.np")
            s.focus = .work
            assertSnapshot(Renderer.render(s), named: "notes-cells-\(c)x\(rows)")
        }
    }
}
