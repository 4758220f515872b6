import NianbaoCore
import Testing
@testable import NianbaoTUI

/// Issue 10: fill, selection, block paste, copy out, search and go-to.
@Suite struct SpreadsheetEntryTests {
    func t3InputCells(_ r: Report) -> [CellDefinition] {
        r.definition.cells.filter { $0.ref.table == .t3 && !$0.isComputed }
    }

    @Test func fillZeroRowColumnSelectionAndTable() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("5") + [.enter, .up])
        (s, _) = send(s, [.ctrl("o")])
        #expect(s.dialog == .fillZero)
        (s, _) = send(s, [.character("r")])
        #expect(s.report["t3.r1.np"] == .count(5), "filled cells are kept")
        #expect(s.report["t3.r1.lp_oth"] == .count(0))
        #expect(s.report["t3.r1.total"] == .count(5))
        #expect(s.report["t3.r2.np"] == .empty)
        (s, _) = send(s, [.ctrl("o"), .character("c")])
        #expect(s.report["t3.r4.np"] == .count(0))
        #expect(s.report["t3.r4.lp_com"] == .empty)
        // A selection of two rows by three columns.
        s = at(s, "t3.r3_1.lp_com")
        (s, _) = send(s, [.shiftDown, .shiftRight, .shiftRight])
        #expect(s.selection == CellBlock(rows: 2...3, columns: 1...3))
        (s, _) = send(s, [.ctrl("o"), .character("s")])
        #expect(s.report["t3.r3_2.lp_ngo"] == .count(0))
        #expect(s.report["t3.r3_2.lp_law"] == .empty)
        // The whole table, one undo step.
        let before = s.report
        (s, _) = send(s, [.ctrl("o"), .character("t")])
        #expect(t3InputCells(s.report).allSatisfy { !s.report.cells[$0.index].isEmpty })
        #expect(s.message?.text.contains("全表") == true)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report == before)
    }

    @Test func fillDownAndRight() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("7") + [.tab] + typing("8") + [.enter])
        s = at(s, "t3.r1.np")
        (s, _) = send(s, [.shiftDown, .shiftDown, .shiftRight, .ctrl("d")])
        #expect(s.report["t3.r2.np"] == .count(7))
        #expect(s.report["t3.r2.lp_com"] == .count(8))
        #expect(s.report["t3.r3_1.lp_com"] == .count(8))
        s = at(s, "t3.r4.lp_com")
        (s, _) = send(s, [.ctrl("t")])  // no selection: copy the cell on the left
        #expect(s.report["t3.r4.lp_com"] == s.report["t3.r4.np"])
        // Fill right over a row copies its first column into the rest, skipping 总计.
        s = at(s, "t3.r3_2.np")
        (s, _) = send(s, typing("3") + [.enter])
        s = at(s, "t3.r3_2.np")
        (s, _) = send(s, [.end])
        s.selectionAnchor = TableCursor(row: 3, column: 0)
        (s, _) = send(s, [.ctrl("t")])
        #expect(s.report["t3.r3_2.lp_oth"] == .count(3))
        #expect(s.report["t3.r3_2.total"] == .count(18))
        #expect(s.message?.text.contains("跳过 1 个合计格") == true)
    }

    @Test func excelBlockPasteWithQuotedCellsIsOneUndoStep() {
        var s = at(blankState(), "t3.r3_1.np")
        let tsv = "\"（一）予以公开\"\t10\t3\t0\t0\t0\t0\t13\r\n\"（二）部分公开\n（区分处理的）\"\t1\t0\t-\t—\t0\t无\t1\r\n"
        (s, _) = send(s, [.paste(tsv)])
        #expect(s.report["t3.r3_1.np"] == .count(10))
        #expect(s.report["t3.r3_1.lp_com"] == .count(3))
        #expect(s.report["t3.r3_2.np"] == .count(1))
        #expect(s.report["t3.r3_2.lp_res"] == .empty, "placeholders paste as empty, never 0")
        #expect(s.report["t3.r3_2.lp_oth"] == .empty)
        #expect(s.message?.text == "粘贴 8×2：写入 12 格，跳过 2 个合计格，0 个无法识别（可按 Ctrl-U 一次撤销）")
        #expect(s.undoStack.count == 1)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report == blankState().report)
    }

    /// A row pasted past the end of a table 三 row is clipped there, never written into the next
    /// row (found typing in tmux: `4⇥0⇥1` at 其他 put the 1 into 二、上年结转 › 自然人).
    @Test func aPastedRowIsClippedAtTheEndOfTheRow() {
        var s = at(blankState(), "t3.r1.lp_oth")
        (s, _) = send(s, [.paste("4\t0\t1")])
        #expect(s.report["t3.r1.lp_oth"] == .count(4))
        #expect(s.report["t3.r2.np"] == .empty)
        #expect(s.message?.text == "粘贴 3×1：写入 1 格，跳过 1 个合计格，0 个无法识别，1 个超出表格（可按 Ctrl-U 一次撤销）")
    }

    @Test func webRowsAndUnitsAndOneValueIntoASelection() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, [.paste("一、本年新收政府信息公开申请数量 1,234件 5 0 0 0 0 1,239\n二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2")])
        #expect(s.report["t3.r1.np"] == .count(1234))
        #expect(s.report["t3.r2.np"] == .count(2))
        #expect(s.message?.text.hasPrefix("粘贴 8×2：写入 12 格") == true)
        // 元 into a 万元 cell is converted; into a count cell it is refused.
        s = at(s, "t2.fee.fee_amount")
        (s, _) = send(s, [.paste("12,500元\n")])
        #expect(s.report["t2.fee.fee_amount"] == .amount(Amount("1.25")!))
        // One value pasted into a selection fills it.
        s = at(s, "t3.r3_3_1.np")
        (s, _) = send(s, [.shiftDown, .shiftDown, .shiftRight, .paste("0")])
        #expect(s.report["t3.r3_3_3.lp_com"] == .count(0))
        #expect(s.report["t3.r3_3_4.np"] == .empty)
        // Text that is not a number is reported, not guessed.
        s = at(s, "t3.r4.np")
        (s, _) = send(s, [.paste("3\t五\t2")])
        #expect(s.report["t3.r4.lp_com"] == .empty)
        #expect(s.report["t3.r4.lp_res"] == .count(2))
        #expect(s.message?.text.contains("1 个无法识别") == true)
    }

    @Test func tableFourPrintedAsOneRowOfFifteen() {
        var s = blankState()
        (s, _) = send(s, [.alt("4")])
        (s, _) = send(s, [.paste("3\t1\t0\t0\t4\t2\t0\t0\t1\t3\t0\t0\t1\t0\t1")])
        #expect(s.report["t4.rv.keep"] == .count(3))
        #expect(s.report["t4.rv.total"] == .count(4))
        #expect(s.report["t4.ld.keep"] == .count(2))
        #expect(s.report["t4.ld.pend"] == .count(1))
        #expect(s.report["t4.lr.other"] == .count(1))
        #expect(s.report["t4.lr.total"] == .count(1))
        #expect(s.message?.text.contains("写入 12 格，跳过 3 个合计格") == true)
    }

    @Test func copyOutAsTSV() {
        var s = at(EditorState(report: filledReport(), fileName: "f.json"), "t3.r1.np")
        var effects: [Effect]
        (s, _) = send(s, [.shiftDown, .shiftRight])
        (s, effects) = send(s, [.ctrl("w")])
        #expect(effects == [.copy("12\t3\n0\t0\n")])
        (s, _) = send(s, [.escape])
        (s, effects) = send(s, [.ctrl("w")])
        guard case .copy(let all) = effects.first else { Issue.record("no copy"); return }
        #expect(all.split(separator: "\n").count == TableModel.of(.t3, form: .v2021).dataRows.count)
        #expect(all.hasPrefix("12\t3\t0\t0\t0\t0\t15\n"))
        #expect(ClipboardText.osc52("12\t3") == "\u{1B}]52;c;MTIJMw==\u{07}")
        #expect(ClipboardText.base64(Array("ab".utf8)) == "YWI=")
    }

    @Test func largeValuesAreNeverCut() {
        var r = filledReport()
        r["t3.r1.np"] = .count(999_999_999_999)
        let s = at(EditorState(report: r, mode: .view, fileName: "big.json"), "t3.r1.np")
        let frame = Renderer.render(Editor.reduce(s, .redraw).0)
        let row = (0..<frame.grid.rows).map { frame.grid.text(row: $0) }.first { $0.hasPrefix("一、") } ?? ""
        #expect(row.contains("999,999,999,999"), "\(row)")
        #expect(frame.grid.text(row: s.layout.statusRow).contains("999,999,999,999"))
    }

    @Test func table2KeepsItsBlockHeaderWhileScrolling() {
        var s = blankState()
        (s, _) = send(s, [.alt("2")])
        (s, _) = send(s, [.pageDown, .pageDown, .pageDown])
        let frame = Renderer.render(s)
        let top = frame.grid.text(row: s.layout.workTop)
        #expect(top.contains("信息内容") || top.contains("第二十条") || top.contains("件数") || top.contains("数量"),
                "a block header is on the first line: \(top)")
    }

    @Test func searchAndGoToByLabel() {
        var s = blankState()
        (s, _) = send(s, [.alt("3")] + [.character("/")] + typing("予以公开 总计") + [.enter])
        #expect(s.cursorCell == cellIndex("t3.r3_1.total"))
        (s, _) = send(s, [.ctrl("f")] + typing("法律服务机构") + [.enter])
        #expect(s.report.definition.cells[s.cursorCell!].ref.column == "lp_law")
        let first = s.cursorCell
        (s, _) = send(s, [.character("n")])
        #expect(s.cursorCell != first)
        #expect(s.report.definition.cells[s.cursorCell!].ref.column == "lp_law")
        (s, _) = send(s, [.character("N")])
        #expect(s.cursorCell == first)
        // Text sections are searched too.
        var t = EditorState(report: filledReport(), fileName: "f.json")
        t = at(t, "t3.r1.np")
        (t, _) = send(t, [.ctrl("f")] + typing("下一步") + [.enter])
        #expect(t.section == .s5)
        #expect(t.caret(in: .s5) == Array(t.report.text(.s5)).firstIndex(of: "下")!)
        (t, _) = send(t, [.ctrl("f")] + typing("不存在的词") + [.enter])
        #expect(t.message?.isError == true)
        // A rule id or message words find the problem.
        var u = blankState()
        (u, _) = send(u, [.ctrl("f")] + typing("X-10") + [.enter])
        #expect(u.currentTable != nil)
        #expect(u.message?.text.contains("X-10") == true)
    }

    @Test func nextErrorSkipsBlanksAndWarnings() {
        var r = filledReport()
        r["t3.r2.np"] = .count(1)  // breaks T3-1 for 自然人
        r["t4.rv.fix"] = .empty    // a blank
        var s = EditorState(report: r, fileName: "f.json")
        (s, _) = send(s, [.escape])  // the list of recomputed totals
        #expect(s.findings.contains { $0.severity == .incomplete })
        (s, _) = send(s, [.function(7)])
        let f = s.findings.first { s.cursorCell.map($0.involves(cell:)) ?? false }
        #expect(f?.severity == .error)
        (s, _) = send(s, [.function(7)])
        #expect(s.section == .s3)
        (s, _) = send(s, [.alt("E")])
        #expect(s.section == .s3)
    }

    @Test func crossingTotalsNameTheLikelyTypo() {
        // A reviewer's file: one cell typed wrong, its row total and column total as printed.
        var r = filledReport()
        r["t3.r3_1.lp_res"] = .count(36)
        let s = at(EditorState(report: r, mode: .view, fileName: "审阅.json"), "t3.r3_1.lp_res")
        #expect(s.findings.contains { $0.ruleID == "T3-2" && $0.message.contains("差 36") })
        #expect(s.findings.contains { $0.ruleID == "T3-3" && $0.message.contains("差 36") })
        #expect(s.likelyTypoCells == [cellIndex("t3.r3_1.lp_res")])
        let frame = Renderer.render(Editor.reduce(s, .redraw).0)
        let status = (s.layout.statusRow..<(s.layout.statusRow + 3)).map { frame.grid.text(row: $0) }.joined()
        #expect(status.contains("可能填错"))
        let row = (0..<frame.grid.rows).first { frame.grid.text(row: $0).contains("（一）予以公开") }!
        #expect(frame.grid.text(row: row).contains("?36") || frame.cursor != nil)
        // Expanding the finding shows every cell and the typo.
        let (e, _) = send(s, [.function(6), .character(" ")])
        guard case .notice(_, let lines, _) = e.dialog else { Issue.record("not expanded"); return }
        #expect(lines.contains { $0.contains("可能填错的格") })
    }

    @Test func findingsAreShownWholeAt80x24() {
        var r = filledReport()
        r["t3.r2.np"] = .count(1)
        var s = EditorState(report: r, fileName: "f.json")
        (s, _) = send(s, [.escape])  // the list of recomputed totals
        s.section = .s1
        s = Editor.reduce(s, .redraw).0
        let frame = Renderer.render(s)
        let pane = (s.layout.findingsTop..<s.layout.messageRow).map { frame.grid.text(row: $0).trimmingTrailingSpaces }
            .joined()
        let message = s.orderedFindings[0].message
        let squeezed = pane.filter { $0 != " " }
        #expect(squeezed.contains(message.filter { $0 != " " }), "\(pane)")
    }
}

@Suite struct TextMotionTests {
    func state(_ text: String, caret: Int) -> EditorState {
        var s = blankState()
        s.report.texts[.s1] = text
        s.textCarets[.s1] = caret
        return s
    }

    @Test func lineAndDocumentMotion() {
        let s = state("第一段文字。\n第二段，有逗号。\n第三段", caret: 9)
        #expect(send(s, [.ctrl("a")]).0.caret(in: .s1) == 7)
        #expect(send(s, [.ctrl("e")]).0.caret(in: .s1) == 15)
        #expect(send(s, [.ctrlHome]).0.caret(in: .s1) == 0)
        #expect(send(s, [.ctrlEnd]).0.caret(in: .s1) == 19)
        #expect(send(s, [.ctrlRight]).0.caret(in: .s1) == 10)  // 第二段|，
        #expect(send(s, [.alt("b")]).0.caret(in: .s1) == 7)
    }

    @Test func killToLineEndAndJoinLines() {
        var s = state("开头的文字要删掉\n下一段", caret: 4)
        (s, _) = send(s, [.ctrl("k")])
        #expect(s.report.text(.s1) == "开头的文\n下一段")
        (s, _) = send(s, [.ctrl("k")])
        #expect(s.report.text(.s1) == "开头的文下一段")
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report.text(.s1) == "开头的文\n下一段")
        var p = state("本机关全年主动公开政府\n信息 123 条。Open\n data", caret: 2)
        (p, _) = send(p, [.alt("j")])
        #expect(p.report.text(.s1) == "本机关全年主动公开政府信息 123 条。Open\n data")
        (p, _) = send(p, [.alt("j")])
        #expect(p.report.text(.s1) == "本机关全年主动公开政府信息 123 条。Open data")
    }

    @Test func closingPunctuationNeverStartsALine() {
        // Width 10 fits five CJK characters: the comma would start line two.
        let chars = Array("一二三四五，六七八九十。")
        let lines = TextLayout.lines(chars, width: 10)
        for line in lines where line.start < chars.count {
            #expect(!TextLayout.isClosing(chars[line.start]), "line starts with \(chars[line.start])")
        }
        #expect(lines[0].end == 4)
        let wrapped = TextWrap.lines("甲乙丙丁戊》，己庚", width: 10)
        #expect(wrapped.allSatisfy { !($0.first.map(TextLayout.isClosing) ?? false) }, "\(wrapped)")
    }
}

/// Snapshots of the screens issue 10 added, at both sizes.
@Suite struct Issue10SnapshotTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func screens(size: (Int, Int)) {
        let (c, r) = size
        // A reviewer's file with one typo: wrapped findings, the crossing cell marked, seven columns of 三.
        var typo = filledReport()
        typo["t3.r3_1.lp_res"] = .count(36)
        let view = EditorState(report: typo, mode: .view, fileName: "审阅-驻马店市水利局.json", columns: c, rows: r)
        let cell = Editor.reduce(at(view, "t3.r3_1.lp_res"), .redraw).0
        assertSnapshot(Renderer.render(cell), named: "typo-crossing-\(c)x\(r)")
        let pane = send(cell, [.function(6), .down]).0
        assertSnapshot(Renderer.render(pane), named: "findings-focus-\(c)x\(r)")
        // A refused entry, still open.
        let base = EditorState(report: filledReport(), fileName: "驻马店市水利局2021.json", columns: c, rows: r)
        let refused = send(Editor.reduce(at(base, "t3.r2.np"), .redraw).0, typing("1.5") + [.enter]).0
        assertSnapshot(Renderer.render(refused), named: "refused-entry-\(c)x\(r)")
        // A selection and the paste summary.
        var pasted = Editor.reduce(at(base, "t3.r3_1.np"), .redraw).0
        (pasted, _) = send(pasted, [.paste("10\t3\t0\t0\t0\t0\t13\n1\t0\t-\t0\t0\t0\t1")])
        assertSnapshot(Renderer.render(pasted), named: "paste-summary-\(c)x\(r)")
        let selected = send(pasted, [.shiftDown, .shiftRight, .shiftRight]).0
        assertSnapshot(Renderer.render(selected), named: "selection-\(c)x\(r)")
        // Table 二 scrolled down: the header of the block at the top stays.
        let t2 = send(Editor.reduce(at(base, "t2.fee.fee_amount"), .redraw).0, [.up]).0
        assertSnapshot(Renderer.render(t2), named: "table2-scrolled-\(c)x\(r)")
    }
}
