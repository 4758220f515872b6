import NianbaoCore
import Testing
@testable import NianbaoTUI

/// Issue 10: values never change behind the clerk's back.
@Suite struct ClerkTypingTests {
    @Test func tabIsNextCellAndWrapsToTheNextRow() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("12") + [.tab] + typing("3") + [.tab] + typing("4") + [.enter])
        #expect(s.report["t3.r1.np"] == .count(12))
        #expect(s.report["t3.r1.lp_com"] == .count(3))
        #expect(s.report["t3.r1.lp_res"] == .count(4))
        #expect(s.focus == .work)
        // At the last input cell of a row (其他; 总计 is computed) Tab goes to the next row's first.
        s = at(s, "t3.r1.lp_oth")
        (s, _) = send(s, [.tab])
        #expect(s.cursorCell == cellIndex("t3.r2.np"))
        (s, _) = send(s, [.backTab])
        #expect(s.cursorCell == cellIndex("t3.r1.lp_oth"))
        (s, _) = send(s, [.backTab])
        #expect(s.cursorCell == cellIndex("t3.r1.lp_law"))
    }

    @Test func f6SwitchesPanesAndTheKeyBarSaysSo() {
        var s = at(blankState(), "t3.r1.np")
        let bar = Renderer.render(s).grid
        let text = (0..<2).map { bar.text(row: s.layout.keyBarRow + $0) }.joined()
        #expect(text.contains("F6") && text.contains("切换窗格") && text.contains("Tab 下一格"))
        (s, _) = send(s, [.function(6)])
        #expect(s.focus == .findings)
        (s, _) = send(s, [.function(6)])
        #expect(s.focus == .work)
        // In the findings pane Tab goes back too.
        (s, _) = send(s, [.function(6), .tab])
        #expect(s.focus == .work)
    }

    @Test(arguments: ["1.5", "-5", "1 2", "1a", "3-"])
    func aRefusedCharacterRefusesTheEntry(typed: String) {
        let s0 = at(blankState(), "t3.r1.np")
        var s = s0
        (s, _) = send(s, typing(typed) + [.enter])
        #expect(s.report["t3.r1.np"] == .empty, "\(typed) must never be saved")
        #expect(s.cellEdit?.buffer == typed)
        #expect(s.cellEdit?.refusal != nil)
        #expect(s.cursorCell == cellIndex("t3.r1.np"), "the entry stays open on its cell")
        // Moving away, Tab, saving and quitting do not drop or commit it either.
        var effects: [Effect]
        (s, effects) = send(s, [.down, .tab, .ctrl("s"), .ctrl("x")])
        #expect(effects.isEmpty)
        #expect(s.report["t3.r1.np"] == .empty)
        #expect(s.cursorCell == cellIndex("t3.r1.np"))
        // The message stays while other keys are pressed, until the entry is fixed or cancelled.
        let frame = Renderer.render(s)
        #expect(frame.grid.text(row: s.layout.messageRow).contains("未填入"))
        #expect(frame.grid.styles(row: s.layout.messageRow).hasPrefix("RR"))
        let cancelled = send(s, [.escape]).0
        #expect(cancelled.cellEdit == nil && cancelled.report["t3.r1.np"] == .empty)
        #expect(!Renderer.render(cancelled).grid.text(row: s.layout.messageRow).contains("未填入"))
    }

    @Test func fixingARefusedEntryWithBackspaceSavesTheRest() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("1 2"))
        #expect(s.cellEdit?.refusal != nil)
        (s, _) = send(s, [.backspace, .backspace])
        #expect(s.cellEdit?.refusal == nil)
        (s, _) = send(s, typing("2") + [.enter])
        #expect(s.report["t3.r1.np"] == .count(12))
    }

    @Test func escThenDigitInOneReadCancelsAndStartsANewEntry() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("99"))
        // ncurses reports ESC followed at once by 5 as Alt-5 (jump to section 五) on a laggy link.
        (s, _) = send(s, [.alt("5")])
        #expect(s.section == .s3, "no jump")
        #expect(s.report["t3.r1.np"] == .empty, "the cancelled value is not committed")
        #expect(s.cellEdit?.buffer == "5")
        (s, _) = send(s, [.enter])
        #expect(s.report["t3.r1.np"] == .count(5))
        // An Alt letter while typing cancels too and never commits.
        var t = at(blankState(), "t3.r1.np")
        (t, _) = send(t, typing("7") + [.alt("n")])
        #expect(t.report["t3.r1.np"] == .empty)
        #expect(t.cellEdit == nil)
    }

    @Test func enterOnTheLastRowSaysSo() {
        var s = at(blankState(), "t3.r4.np")
        (s, _) = send(s, typing("1") + [.enter])
        #expect(s.report["t3.r4.np"] == .count(1))
        #expect(s.message?.text.contains("最后一行") == true)
        #expect(s.cursorCell == cellIndex("t3.r4.np"))
    }

    @Test func enteringATableStartsAtItsFirstInputCell() {
        var s = blankState()
        (s, _) = send(s, [.ctrl("n")])  // a problem jump somewhere in table 二 or later
        (s, _) = send(s, [.alt("3")])
        #expect(s.cursorCell == cellIndex("t3.r1.np"))
        s = at(s, "t3.r3_6_2.lp_law")
        (s, _) = send(s, [.function(4), .function(3)])
        #expect(s.cursorCell == cellIndex("t3.r1.np"))
        (s, _) = send(s, [.alt("2")])
        let first = s.cursorCell.map { s.report.definition.cells[$0] }
        #expect(first?.isComputed == false)
        #expect(first?.ref.row == TableModel.of(.t2, form: .v2021).dataRows[0].row.id)
    }

    @Test func openingStaleTotalsListsEveryRecomputedTotal() {
        var r = filledReport()
        r["t3.r1.total"] = .count(99)
        r["t4.rv.total"] = .count(7)
        let s = EditorState(report: r, fileName: "f.json")
        guard case .notice(let title, let lines, _) = s.dialog else { Issue.record("no notice"); return }
        #expect(title.contains("2 个合计"))
        #expect(lines.contains { $0.contains("一、本年新收") && $0.contains("99 → 15") })
        #expect(lines.contains { $0.contains("行政复议") && $0.contains("7 → 1") })
        #expect(s.dirty)
        let frame = Renderer.render(s)
        let screen = (0..<frame.grid.rows).map { frame.grid.text(row: $0) }.joined(separator: "\n")
        #expect(screen.contains("99 → 15"))
        // Any key closes the list; the message stays; undo brings back the printed values.
        var t = send(s, [.escape]).0
        #expect(t.dialog == nil)
        #expect(t.message?.text.contains("重新计算 2 个合计") == true)
        (t, _) = send(t, [.ctrl("u")])
        #expect(t.report["t3.r1.total"] == .count(99))
        #expect(!t.dirty, "undo returns to the file as saved")
        (t, _) = send(t, [.ctrl("r")])
        #expect(t.report["t3.r1.total"] == .count(15))
        #expect(t.dirty)
    }

    @Test func modifiedClearsWhenUndoReturnsToTheSavedState() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("5") + [.enter])
        #expect(s.dirty)
        (s, _) = send(s, [.ctrl("u")])
        #expect(!s.dirty)
        #expect(!Renderer.render(s).grid.text(row: 0).contains("[已修改]"))
        (s, _) = send(s, [.ctrl("r")])
        #expect(s.dirty)
        // Save, edit, undo: back at the saved state.
        (s, _) = Editor.reduce(s, .saveFinished(.success(SaveOutcome(displayName: "d.json"))))
        #expect(!s.dirty)
        (s, _) = send(s, [.up] + typing("6") + [.enter])
        #expect(s.dirty)
        (s, _) = send(s, [.ctrl("u")])
        #expect(!s.dirty)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.dirty, "before the save point is modified again")
        // Text typing after a save is a new step even without a pause.
        var t = blankState()
        (t, _) = send(t, typing("甲乙"))
        (t, _) = Editor.reduce(t, .saveFinished(.success(SaveOutcome(displayName: "d.json"))))
        (t, _) = send(t, typing("丙"))
        #expect(t.dirty)
        (t, _) = send(t, [.ctrl("u")])
        #expect(t.report.text(.s1) == "甲乙")
        #expect(!t.dirty)
    }

    @Test func aWindowBelowTheMinimumTakesNoKeystrokes() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = Editor.reduce(s, .resize(columns: 20, rows: 5))
        var effects: [Effect]
        (s, effects) = send(s, typing("42") + [.enter, .delete, .ctrl("s"), .ctrl("x"), .function(4), .paste("1\t2")])
        #expect(effects.isEmpty)
        #expect(s.cellEdit == nil && !s.dirty && s.dialog == nil && s.section == .s3)
        (s, _) = Editor.reduce(s, .resize(columns: 80, rows: 24))
        (s, _) = send(s, typing("4") + [.enter])
        #expect(s.report["t3.r1.np"] == .count(4))
    }

    @Test func textViewAfterUndoingALargePasteIsNotScrolledPastTheEnd() {
        var s = blankState()
        (s, _) = send(s, typing("开头"))
        let big = (1...200).map { "第\($0)段。" }.joined(separator: "\n")
        (s, _) = send(s, [.paste(big)])
        #expect((s.textTop[.s1] ?? 0) > 100)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report.text(.s1) == "开头")
        #expect(s.textTop[.s1] == 0)
        let frame = Renderer.render(s)
        #expect(frame.grid.text(row: s.layout.workTop).contains("开头"))
    }

    @Test func helpPagesWithoutSkippingLinesAndMarksCutLines() {
        var s = Editor.reduce(blankState(columns: 40, rows: 14), .toggleHelp).0
        var seen: [String] = []
        var tops: [Int] = []
        for _ in 0..<40 {
            guard case .help(let top) = s.dialog else { break }
            tops.append(top)
            let frame = Renderer.render(s)
            for r in s.layout.titleRow..<s.layout.messageRow { seen.append(frame.grid.text(row: r)) }
            s = send(s, [.pageDown]).0
            if case .help(let next) = s.dialog, next == top { break }
        }
        let page = s.layout.dialogPageHeight
        for (a, b) in zip(tops, tops.dropFirst()) { #expect(b - a <= page, "a page skipped lines: \(a) → \(b)") }
        #expect(tops.last == HelpText.lines.count - page)
        #expect(seen.contains { $0.hasSuffix("…") || $0.trimmingTrailingSpaces.hasSuffix("…") })
        for line in HelpText.lines where !line.isEmpty {
            let start = String(line.trimmingAllSpaceText.prefix(6))
            #expect(seen.contains { $0.contains(start) }, "help line never shown: \(line)")
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
