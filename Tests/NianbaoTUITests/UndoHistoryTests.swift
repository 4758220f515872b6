import NianbaoCore
import Testing
@testable import NianbaoTUI

/// The persistent undo stack behaves as the array it replaced: newest last, at most `limit`.
@Suite struct UndoHistoryTests {
    static func entry(_ version: Int) -> UndoEntry {
        UndoEntry(report: Report(agency: "甲", year: 2021, form: .v2021), version: version, section: .s1, tableCursor: nil, caret: version)
    }

    @Test func keepsTheNewestUpToTheLimit() {
        var h = UndoHistory(limit: 500)
        var array: [UndoEntry] = []
        for v in 0..<1_234 {
            h.append(Self.entry(v))
            array.append(Self.entry(v))
            if array.count > 500 { array.removeFirst(array.count - 500) }
            #expect(h.count == array.count)
        }
        #expect(h.entries == array)
        // Pops come newest first and stop at the limit, whatever is still linked below.
        for expected in array.reversed() { #expect(h.popLast() == expected) }
        #expect(h.popLast() == nil && h.isEmpty && h.last == nil)
        h.append(Self.entry(7))
        #expect(h.entries == [Self.entry(7)])
    }

    @Test func copiesAreIndependent() {
        var a = UndoHistory(limit: 3)
        for v in 0..<3 { a.append(Self.entry(v)) }
        var b = a
        b.append(Self.entry(9))
        _ = a.popLast()
        #expect(a.entries.map(\.version) == [0, 1])
        #expect(b.entries.map(\.version) == [1, 2, 9])
        b.removeAll()
        #expect(b.isEmpty && a.count == 2)
    }

    /// In the editor: 600 separate edits, then undo until nothing is left: 500 steps come back.
    @Test func theEditorUndoesAtMostTheLimit() {
        var s = blankState()
        for i in 0..<600 { s = send(s, [.paste("\(i)")]).0 }
        #expect(s.undoStack.count == EditorState.undoLimit)
        var undone = 0
        while !s.undoStack.isEmpty {
            s = send(s, [.ctrl("u")]).0
            undone += 1
        }
        #expect(undone == EditorState.undoLimit)
        #expect(s.report.text(.s1) == (0..<100).map(String.init).joined())
        s = send(s, [.ctrl("u")]).0
        #expect(s.message?.text == "没有可撤销的操作。")
    }
}
