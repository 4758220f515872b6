import NianbaoCore
import Testing
@testable import NianbaoTUI

@Suite struct CellEditingTests {
    @Test func typingDigitsFillsTotals() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("12") + [.right] + typing("3") + [.enter])
        #expect(s.report["t3.r1.np"] == .count(12))
        #expect(s.report["t3.r1.lp_com"] == .count(3))
        // The total needs every part; fill the rest of the row.
        for id in ["lp_res", "lp_ngo", "lp_law", "lp_oth"] {
            s = at(s, "t3.r1.\(id)")
            (s, _) = send(s, typing("0") + [.enter])
        }
        #expect(s.report["t3.r1.total"] == .count(15))
        #expect(s.dirty)
    }

    @Test func refusesLetterMinusAndDecimalInCountCell() {
        let s0 = at(blankState(), "t3.r1.np")
        let (a, _) = send(s0, typing("a"))
        // Issue 10: the refused character stays in the entry, marked, with the reason.
        #expect(a.cellEdit?.buffer == "a")
        #expect(a.cellEdit?.refusal?.message.contains("不能填入此格") == true)
        let (b, _) = send(s0, typing("-"))
        #expect(b.cellEdit?.refusal?.message.contains("不能填负数") == true)
        let (c, _) = send(s0, typing("1."))
        #expect(c.cellEdit?.refusal?.message.contains("不能有小数") == true)
        let (d, _) = send(c, typing("5") + [.enter])
        #expect(d.cellEdit?.buffer == "1.5", "never 15")
        #expect(d.report["t3.r1.np"] == .empty)
        #expect(d.message?.isError == true)
    }

    @Test func acceptsFullWidthDigitsAndThousandsSeparators() {
        let s0 = at(blankState(), "t3.r1.np")
        let (a, _) = send(s0, typing("１２３") + [.enter])
        #expect(a.report["t3.r1.np"] == .count(123))
        let (b, _) = send(s0, typing("1,234") + [.enter])
        #expect(b.report["t3.r1.np"] == .count(1234))
        let (c, _) = send(s0, typing("1，234") + [.tab])
        #expect(c.report["t3.r1.np"] == .count(1234))
    }

    @Test func amountCellTakesDecimalsUpToFourPlaces() {
        let s0 = at(blankState(), "t2.fee.fee_amount")
        let (a, _) = send(s0, typing("3194.75201"))
        #expect(a.cellEdit?.refusal?.message.contains("4 位小数") == true)
        let (refused, _) = send(a, [.enter])
        #expect(refused.report["t2.fee.fee_amount"] == .empty)
        let (b, _) = send(a, [.backspace, .backspace, .enter])
        #expect(b.report["t2.fee.fee_amount"] == .amount(Amount("3194.752")!))
        let (c, _) = send(s0, typing("-"))
        #expect(c.cellEdit?.refusal?.message.contains("不能填负数") == true)
        let (d, _) = send(s0, typing("1,2") + [.enter])
        #expect(d.report["t2.fee.fee_amount"] == .empty, "a misplaced thousands separator is refused, not read as 12")
    }

    @Test func escCancelsTyping() {
        let s0 = at(blankState(), "t3.r1.np")
        let (s, _) = send(s0, typing("42") + [.escape])
        #expect(s.cellEdit == nil)
        #expect(s.report["t3.r1.np"] == .empty)
        #expect(!s.dirty)
    }

    @Test func deleteClearsCellAndUndoRestoresIt() {
        var s = at(blankState(), "t3.r1.np")
        (s, _) = send(s, typing("7") + [.enter, .up, .delete])
        #expect(s.report["t3.r1.np"] == .empty)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report["t3.r1.np"] == .count(7))
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report["t3.r1.np"] == .empty)
        (s, _) = send(s, [.ctrl("r"), .ctrl("r")])
        #expect(s.report["t3.r1.np"] == .empty)
        (s, _) = send(s, [.alt("u")])
        #expect(s.report["t3.r1.np"] == .count(7))
    }

    @Test func computedCellsAreReadOnly() {
        let s0 = at(blankState(), "t3.r1.total")
        let (s, _) = send(s0, typing("5"))
        #expect(s.cellEdit == nil)
        #expect(s.message?.text.contains("自动计算") == true)
    }

    @Test func viewModeRefusesEdits() {
        var s = at(blankState(mode: .view), "t3.r1.np")
        (s, _) = send(s, typing("5") + [.delete])
        #expect(s.report["t3.r1.np"] == .empty)
        #expect(s.message?.text.contains("只读") == true)
        s.section = .s1
        (s, _) = send(s, typing("文") + [.paste("粘贴")])
        #expect(s.report.text(.s1).isEmpty)
        let (q, effects) = send(s, [.ctrl("x")])
        #expect(q.dialog == nil)
        #expect(effects == [.quit])
    }

    @Test func signedCountAcceptsLeadingMinusOnly2019() {
        var r = Report(agency: "某局", year: 2019, form: .v2019)
        r.cells = r.cells.map { _ in .empty }
        var s = EditorState(report: r, fileName: "x.json")
        let ref = CellRef("t2.lic.change")!
        s.section = .s2
        s.tableCursors[.t2] = TableModel.of(.t2, form: .v2019).position(of: FormDefinition.v2019.index(of: ref)!)
        (s, _) = send(s, typing("－8") + [.enter])
        #expect(s.report[ref] == .count(-8))
    }
}
