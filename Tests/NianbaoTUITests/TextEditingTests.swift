import NianbaoCore
import Testing
@testable import NianbaoTUI

@Suite struct TextEditingTests {
    @Test func typingAndUndoBatching() {
        var s = blankState()
        (s, _) = send(s, typing("总体情况") + [.enter] + typing("第二段"))
        #expect(s.report.text(.s1) == "总体情况\n第二段")
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report.text(.s1) == "总体情况\n")
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report.text(.s1) == "总体情况")
        (s, _) = send(s, [.ctrl("r"), .ctrl("r")])
        #expect(s.report.text(.s1) == "总体情况\n第二段")
    }

    @Test func bracketedPasteOfLongChineseTextIsOneUndoStep() {
        var s = blankState()
        let paragraph = String(repeating: "我局认真贯彻落实政府信息公开条例，推进决策、执行、管理、服务、结果公开。\r\n", count: 40)
        (s, _) = send(s, typing("前言") + [.paste(paragraph)])
        #expect(s.report.text(.s1).hasPrefix("前言我局"))
        #expect(!s.report.text(.s1).contains("\r"))
        #expect(s.caret(in: .s1) == s.report.text(.s1).count)
        (s, _) = send(s, [.ctrl("u")])
        #expect(s.report.text(.s1) == "前言")
    }

    @Test func caretMovesByGrapheme() {
        var s = blankState()
        let text = "e\u{301}🇨🇳中"
        (s, _) = send(s, [.paste(text)])
        #expect(s.caret(in: .s1) == 3)
        (s, _) = send(s, [.left, .backspace])
        #expect(s.report.text(.s1) == "e\u{301}中")
        (s, _) = send(s, [.home, .delete])
        #expect(s.report.text(.s1) == "中")
    }

    @Test func wrappingNeverSplitsAWideCharacter() {
        let chars = Array("abc中文字符测试一二三四五六七八九十")
        for width in 2...20 {
            for line in TextLayout.lines(chars, width: width) {
                let w = chars[line.start..<line.end].reduce(0) { $0 + DisplayWidth.of($1) }
                #expect(w <= width)
            }
        }
        // Rendered rows never hold half a character.
        var s = blankState(columns: 41, rows: 14)
        (s, _) = send(s, [.paste(String(repeating: "中", count: 100))])
        let frame = Renderer.render(s)
        for r in s.layout.workTop..<(s.layout.workTop + s.layout.workHeight) {
            let row = frame.grid.text(row: r)
            #expect(row.allSatisfy { $0 == "中" || $0 == " " })
        }
    }

    @Test func upDownHomeEndPageKeys() {
        var s = blankState(columns: 40, rows: 30)
        (s, _) = send(s, [.paste(String(repeating: "一二三四五六七八九十", count: 20))])
        let end = s.caret(in: .s1)
        (s, _) = send(s, [.up])
        #expect(s.caret(in: .s1) < end)
        (s, _) = send(s, [.home])
        let lines = TextLayout.lines(Array(s.report.text(.s1)), width: s.layout.wrapWidth)
        #expect(lines.contains { $0.start == s.caret(in: .s1) })
        (s, _) = send(s, [.pageUp, .pageUp, .pageUp])
        #expect(s.caret(in: .s1) == 0)
        (s, _) = send(s, [.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .end])
        #expect(s.caret(in: .s1) == end)
    }

    @Test func resizeKeepsTheCaret() {
        var s = blankState()
        (s, _) = send(s, [.paste(String(repeating: "政府信息公开", count: 30))] + [.left, .left, .left])
        let caret = s.caret(in: .s1)
        for (c, r) in [(20, 5), (41, 13), (120, 40), (80, 24)] {
            (s, _) = send(s, [.resize(columns: c, rows: r)])
            #expect(s.caret(in: .s1) == caret)
            let frame = Renderer.render(s)
            if !s.layout.tooSmall {
                let cur = frame.cursor!
                #expect(cur.row >= s.layout.workTop && cur.row < s.layout.workTop + s.layout.workHeight)
            }
        }
    }

    @Test func hardwareCursorSitsAtCaretColumn() {
        var s = blankState()
        (s, _) = send(s, typing("部门：财政局"))
        let frame = Renderer.render(s)
        #expect(frame.cursor!.column == 1 + 12)
        #expect(frame.cursor!.row == s.layout.workTop)
    }
}
