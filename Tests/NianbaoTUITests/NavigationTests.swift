import NianbaoCore
import Testing
@testable import NianbaoTUI

@Suite struct NavigationTests {
    @Test func nextAndPreviousProblem() {
        var s = EditorState(report: filledReport(), fileName: "f.json")
        #expect(s.findings.isEmpty)
        // Break one balance: 上年结转 adds one to 自然人 without an outcome.
        s = at(s, "t3.r2.np")
        (s, _) = send(s, typing("1") + [.enter])
        #expect(!s.findings.isEmpty)
        s.section = .s1
        (s, _) = send(s, [.ctrl("n")])
        #expect(s.section == .s3)
        let first = s.cursorCell
        #expect(first != nil)
        #expect(s.findings.contains { $0.involves(cell: first!) })
        (s, _) = send(s, [.function(8)])
        let second = s.cursorCell
        #expect(s.findings.contains { $0.involves(cell: second!) })
        (s, _) = send(s, [.ctrl("p")])
        #expect(s.cursorCell == first)
        (s, _) = send(s, [.alt("n")])
        #expect(s.cursorCell == second)
        // Previous from before every problem wraps to the last one.
        s.section = .s1
        (s, _) = send(s, [.function(20)])
        #expect(s.section == .s3)
    }

    @Test func enterOnFindingJumpsToItsCell() {
        var s = blankState()
        #expect(!s.findings.isEmpty)
        (s, _) = send(s, [.tab])
        #expect(s.focus == .findings)
        let list = s.orderedFindings
        let target = list.firstIndex { !$0.cells.isEmpty && $0.cellRefs[0].table == .t4 }!
        s.findingIndex = target
        (s, _) = send(s, [.enter])
        #expect(s.focus == .work)
        #expect(s.section == .s4)
        #expect(s.cursorCell == list[target].cells[0])
    }

    @Test func findingsOfTheCursorCellAreShownAndMarkedWithoutReordering() {
        var s = at(blankState(), "t4.ld.fix")
        s = Editor.reduce(s, .redraw).0
        let order = s.orderedFindings.map(\.message)
        let frame = Renderer.render(s)
        let rows = (s.layout.statusRow..<s.layout.messageRow).map { frame.grid.text(row: $0) }
        #expect(rows.contains { $0.hasPrefix(">") })
        // Moving the cursor does not reorder the list (issue 10).
        s = at(s, "t3.r1.np")
        #expect(s.orderedFindings.map(\.message) == order)
    }

    @Test func quitWithUnsavedChangesAsks() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("3") + [.enter])
        var effects: [Effect]
        (s, effects) = send(s, [.ctrl("x")])
        #expect(s.dialog == .confirmQuit)
        #expect(effects.isEmpty)
        let (cancelled, e1) = send(s, [.escape])
        #expect(cancelled.dialog == nil && e1.isEmpty)
        let (discard, e2) = send(s, [.character("n")])
        #expect(e2 == [.removeRecovery, .quit])
        _ = discard
        let (saving, e3) = send(s, [.character("y")])
        #expect(e3 == [.save(saving.report, force: false)])
        let (done, e4) = Editor.reduce(saving, .saveFinished(.success(SaveOutcome(displayName: "f.json"))))
        #expect(!done.dirty)
        #expect(e4 == [.removeRecovery, .quit])
    }

    @Test func saveConflictAsksBeforeOverwriting() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("3") + [.ctrl("s")])
        var e: [Effect]
        (s, e) = Editor.reduce(s, .saveFinished(.failure(.changedOnDisk)))
        #expect(s.dialog == .confirmOverwrite)
        (s, e) = send(s, [.character("y")])
        #expect(e == [.save(s.report, force: true)])
        (s, _) = Editor.reduce(s, .saveFinished(.failure(.failed("磁盘已满"))))
        #expect(s.message?.text.contains("磁盘已满") == true)
        #expect(s.dirty)
    }

    @Test func hangupWritesRecoveryThenQuits() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("3") + [.enter])
        let (_, e) = Editor.reduce(s, .hangup)
        #expect(e == [.writeRecovery(s.report), .quit])
        let (_, idle) = Editor.reduce(s, .idle)
        #expect(idle == [.writeRecovery(s.report)])
    }

    @Test func sectionKeys() {
        var s = blankState()
        (s, _) = send(s, [.function(4), .function(4)])
        #expect(s.section == .s3)
        (s, _) = send(s, [.alt("6")])
        #expect(s.section == .s6)
        (s, _) = send(s, [.function(3)])
        #expect(s.section == .s5)
    }
}
