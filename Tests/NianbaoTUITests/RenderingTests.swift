import NianbaoCore
import Testing
@testable import NianbaoTUI

@Suite struct RenderingTests {
    @Test func everyTinySizeRendersAndTheMessageFits() {
        for c in 1...30 {
            for r in 1...10 {
                let s = Editor.reduce(at(blankState(), "t3.r1.np"), .resize(columns: c, rows: r)).0
                let frame = Renderer.render(s)
                #expect(frame.grid.columns == c && frame.grid.rows == r)
                let all = (0..<r).map { frame.grid.text(row: $0) }.joined()
                #expect(c < 5 || all.contains("40x12"), "\(c)x\(r)")
                #expect(all.contains { $0 != " " }, "\(c)x\(r)")
            }
        }
        for (c, r) in [(40, 12), (41, 12), (50, 15), (200, 60)] {
            let frame = Renderer.render(Editor.reduce(blankState(), .resize(columns: c, rows: r)).0)
            #expect(frame.grid.rows == r)
        }
    }

    @Test func controlCharactersAreShownVisibly() {
        var r = Report(agency: "恶意\u{1B}[2J机关", year: 2021, form: .v2021)
        r.texts[.s1] = "换行前\r后\u{7}铃\u{202E}反"
        let s = EditorState(report: r, fileName: "x\u{1B}.json")
        let frame = Renderer.render(s)
        let header = frame.grid.text(row: 0)
        #expect(header.contains("恶意^[[2J机关"))
        #expect(!frame.grid.cells.contains { $0.character.unicodeScalars.contains { $0.value == 0x1B || $0.value == 7 } })
        #expect(frame.grid.styles(row: 0).contains("!"))
        let body = frame.grid.text(row: s.layout.workTop)
        #expect(body.contains("^M") && body.contains("^G") && body.contains("<U+202E>"))
        #expect(TerminalSafe.sanitize("a\u{1B}b") == "a^[b")
    }

    @Test func tableThreeFreezesLabelsAndScrolls() {
        var s = at(EditorState(report: filledReport(), fileName: "f.json"), "t3.r3_6_2.np")
        s = Editor.reduce(s, .redraw).0
        var frame = Renderer.render(s)
        let statusText = frame.grid.text(row: s.layout.statusRow)
        #expect(statusText.contains("2.申请人逾期未按收费通知要求缴纳费用"))
        (s, _) = send(s, [.end])
        frame = Renderer.render(s)
        let header = (0..<3).map { frame.grid.text(row: s.layout.workTop + $0) }.joined()
        // Issue 10: at 80 columns all seven columns fit (narrower, labels cut with …); no scrolling.
        for label in ["自然人", "总计", "其他", "商业"] { #expect(header.contains(label), "\(label)") }
        #expect(!header.contains("<") && !header.contains(">"))
        #expect(frame.grid.text(row: frame.cursor!.row).contains("…"))
        #expect(frame.grid.text(row: s.layout.statusRow).contains("总计"), "the full column label is on the status line")
    }

    @Test func tableFourShowsGroupHeadings() {
        var s = blankState()
        s.section = .s4
        let frame = Renderer.render(s)
        let text = (0..<frame.grid.rows).map { frame.grid.text(row: $0) }.joined(separator: "\n")
        for label in ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            #expect(text.contains(label), "\(label)")
        }
    }
}

@Suite struct SnapshotTests {
    static func brokenTotalView(columns: Int, rows: Int) -> EditorState {
        var r = filledReport()
        r["t3.r1.total"] = .count(99)
        var s = EditorState(report: r, mode: .view, fileName: "审阅.json", columns: columns, rows: rows)
        s = at(s, "t3.r1.total")
        return Editor.reduce(s, .redraw).0
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func screens(size: (Int, Int)) {
        let (c, r) = size
        let base = EditorState(report: filledReport(), fileName: "驻马店市水利局2021.json", columns: c, rows: r)
        let t2 = Editor.reduce(at(base, "t2.norm.abolished"), .redraw).0
        assertSnapshot(Renderer.render(t2), named: "table2-\(c)x\(r)")
        var t3 = Editor.reduce(at(base, "t3.r3_2.lp_res"), .redraw).0
        (t3, _) = send(t3, typing("4"))
        assertSnapshot(Renderer.render(t3), named: "table3-editing-\(c)x\(r)")
        let t4 = Editor.reduce(at(base, "t4.lr.pend"), .redraw).0
        assertSnapshot(Renderer.render(t4), named: "table4-\(c)x\(r)")
        var text = base
        (text, _) = send(text, [.down, .end])
        assertSnapshot(Renderer.render(text), named: "text1-\(c)x\(r)")
        assertSnapshot(Renderer.render(Self.brokenTotalView(columns: c, rows: r)), named: "view-broken-total-\(c)x\(r)")
    }

    @Test func brokenTotalIsReportedInView() {
        let s = Self.brokenTotalView(columns: 80, rows: 24)
        #expect(s.report["t3.r1.total"] == .count(99))
        #expect(s.findings.contains { $0.ruleID == "T3-3" })
    }
}

@Suite struct HeaderTests {
    @Test func markersStayVisibleWithALongAgencyName() {
        var s = EditorState(report: Report(agency: "某某省某某市某某区某某街道办事处社区综合服务中心（政务公开办公室）", year: 2021, form: .v2021),
                            mode: .edit, fileName: "一个很长很长的文件名-2021年度报告-定稿.json", columns: 80, rows: 24)
        s.dirty = true
        let header = Renderer.render(s).grid.text(row: 0)
        #expect(header.contains("[已修改]"), "\(header)")
        #expect(header.contains("…"))
        let view = EditorState(report: s.report, mode: .view, fileName: s.fileName, columns: 60, rows: 24)
        #expect(Renderer.render(view).grid.text(row: 0).contains("[只读]"))
    }
}
