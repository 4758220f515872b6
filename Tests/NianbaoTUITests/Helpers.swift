import NianbaoCore
import NianbaoTestSupport
import Testing
@testable import NianbaoTUI

/// Sends keys through the key map and the reducer, collecting effects.
func send(_ state: EditorState, _ keys: [Key]) -> (EditorState, [Effect]) {
    var s = state
    var effects: [Effect] = []
    for key in keys {
        let (next, e) = Editor.reduce(s, KeyMap.action(for: key, in: s))
        s = next
        effects += e
    }
    return (s, effects)
}

/// Keys for typing a string character by character.
func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }

/// A blank 2021 draft in edit mode at 80×24.
func blankState(columns: Int = 80, rows: Int = 24, mode: EditorMode = .edit) -> EditorState {
    EditorState(report: Report(agency: "驻马店市水利局", year: 2021, form: .v2021), mode: mode,
                fileName: "draft.json", columns: columns, rows: rows)
}

/// Index of a cell by dotted id in the 2021 form.
func cellIndex(_ id: String) -> Int { FormDefinition.v2021.index(of: CellRef(id)!)! }

/// Moves the cursor of the current table to a cell.
func at(_ state: EditorState, _ id: String) -> EditorState {
    var s = state
    let ref = CellRef(id)!
    s.section = ref.table.section
    s.selectionAnchor = nil
    s.tableCursors[ref.table] = TableModel.of(ref.table, form: s.report.form).position(of: cellIndex(id))
    return s
}

/// A fully filled, consistent 2021 report with Chinese text.
func filledReport() -> Report {
    var r = Report(agency: "驻马店市水利局", year: 2021, form: .v2021)
    r.texts = [
        .s1: "2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。\n（一）主动公开。全年主动公开政府信息1,234条。",
        .s5: "存在的主要问题是公开内容还不够全面。下一步将加强培训。",
        .s6: "本年度未收取信息处理费。",
    ]
    for (i, c) in r.definition.cells.enumerated() where !c.isComputed { r.cells[i] = .count(0) }
    r["t2.fee.fee_amount"] = .amount(Amount("12.5")!)
    r["t3.r1.np"] = .count(12)
    r["t3.r1.lp_com"] = .count(3)
    r["t3.r3_1.np"] = .count(10)
    r["t3.r3_1.lp_com"] = .count(3)
    r["t3.r4.np"] = .count(2)
    r["t4.rv.keep"] = .count(1)
    r.fillComputed()
    return r
}

/// Checks a frame against its stored snapshot.
func assertSnapshot(_ frame: Frame, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let failure = Snapshot.check(frame.snapshotText, named: name) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}
