import Testing
@testable import NianbaoCore

/// Issue 14: nothing from a file reaches the terminal raw through an export, and Markdown
/// cannot be given structure by the report's text.
@Suite struct ExportHostileTextTests {
    /// ESC sequences a hostile draft could carry: pane title, clipboard (OSC 52), mouse
    /// tracking, alternate screen, full reset, a C1 CSI, DEL, a bidi override.
    static let hostile = "标题\u{1B}]0;pwned\u{07}剪贴板\u{1B}]52;c;ZXZpbA==\u{07}鼠标\u{1B}[?1000h屏幕\u{1B}[?1049h"
        + "复位\u{1B}c C1\u{9B}31m 删除\u{7F} 反向\u{202E}txt.exe"

    static func report() -> Report {
        var r = Report(agency: "恶意\u{1B}[2J机关\n# 伪造标题", year: 2021, form: .v2021)
        r.texts[.s1] = hostile
        r.texts[.s5] = "第一行\r# 标题一\r\n- 列表\u{2028}1) 编号\u{2029}2. 编号\n    代码缩进\n---\n  # 缩进标题\n\t制表符\n+ 加号\n=== \n正常的一段。"
        r.texts[.s6] = "行内的 1. 不是列表；a-b 与 #话题 照常。"
        return r
    }

    /// Every scalar a terminal would act on, other than the line feed.
    static func unsafeScalars(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && TerminalSafe.isUnsafe($0) }
    }

    @Test(arguments: ["text", "markdown", "html"])
    func noControlCharacterSurvives(format: String) {
        let report = Self.report()
        let out: String = switch format {
        case "text": ReportExporter.plainText(report)
        case "markdown": ReportExporter.markdown(report)
        default: ReportExporter.html(report)
        }
        #expect(Self.unsafeScalars(out).isEmpty, "\(Self.unsafeScalars(out).map { String($0.value, radix: 16) })")
        // Shown visibly, as view and check do.
        #expect(out.contains(format == "markdown" ? "^\\[\\]0;pwned^G" : "^[]0;pwned^G"))
        #expect(out.contains("<U+009B>") || out.contains("&lt;U+009B&gt;"))
        #expect(out.contains("<U+202E>") || out.contains("&lt;U+202E&gt;"))
    }

    @Test func textExportTreatsEveryLineEndAsOne() {
        let out = ReportExporter.plainText(Self.report())
        #expect(out.contains("第一行\n# 标题一\n- 列表\n1) 编号\n2. 编号\n"))
        #expect(!out.contains("^M"), "a CR is a line end, not a stray control")
        // The agency stays on the title line.
        #expect(out.split(separator: "\n").first == "恶意^[[2J机关^J# 伪造标题2021年政府信息公开工作年度报告")
    }

    @Test func markdownLinesCannotStartStructure() {
        let md = ReportExporter.markdown(Self.report())
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The title is one heading line; the only headings are the title and the section headings.
        #expect(lines.first == "# 恶意^\\[\\[2J机关^J# 伪造标题2021年政府信息公开工作年度报告")
        let headings = lines.filter { $0.hasPrefix("#") }
        #expect(headings.count == 1 + Report(agency: "x", year: 2021, form: .v2021).definition.sections.count, "\(headings)")
        #expect(headings.dropFirst().allSatisfy { $0.hasPrefix("## ") })
        // Line-start markers from the text are escaped, on every line.
        for expected in ["\\# 标题一", "\\- 列表", "1\\) 编号", "2\\. 编号", "&#32;&#32;&#32;&#32;代码缩进", "\\---",
                         "&#32;&#32;\\# 缩进标题", "^I制表符", "\\+ 加号", "\\=== "] {
            #expect(lines.contains(expected), "missing \(expected.debugDescription) in \(lines)")
        }
        #expect(lines.contains("行内的 1. 不是列表；a-b 与 #话题 照常。"))
        // No line of a paragraph is a list item, a heading, a rule or an indented code block.
        let body = lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix("|") && !$0.hasPrefix("**") }
        for line in body {
            #expect(!line.hasPrefix("    ") && !line.hasPrefix("\t"), "\(line)")
            #expect(!(line.first.map { "-+*>=".contains($0) } ?? false), "\(line)")
            #expect(line.firstMatch(of: /^\d{1,9}[.)](\s|$)/) == nil, "\(line)")
        }
    }

    @Test func htmlKeepsParagraphsAndEscapesMarkup() {
        var report = Self.report()
        report.texts[.s6] = "<script>alert(1)</script>\r第二段"
        let html = ReportExporter.html(report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>第二段</p>"))
        #expect(html.contains("<title>恶意^[[2J机关^J# 伪造标题2021年政府信息公开工作年度报告</title>"))
    }

    /// Schema 2: the preface and the sign-off are exported, and sanitised like the rest.
    @Test(arguments: ["text", "markdown", "html"])
    func prefaceAndSignOffAreExportedSafely(format: String) throws {
        var report = Report(agency: "某局", year: 2023, form: .v2021)
        report.preface = "本报告依据条例编制。\u{1B}c\r# 不是标题"
        report.signOff = SignOff(agency: "某某市\u{1B}]0;pwned\u{07}水利局\n# 假", date: CalendarDate(year: 2024, month: 1, day: 20))
        let out: String = switch format {
        case "text": ReportExporter.plainText(report)
        case "markdown": ReportExporter.markdown(report)
        default: ReportExporter.html(report)
        }
        #expect(Self.unsafeScalars(out).isEmpty)
        #expect(out.contains(format == "markdown" ? "本报告依据条例编制。^\\[c" : "本报告依据条例编制。^[c"))
        #expect(out.contains("2024年1月20日"))
        #expect(out.contains("水利局^J# 假"))
        let preface = try #require(out.range(of: "本报告依据条例编制"))
        let first = try #require(out.range(of: "一、总体情况"))
        #expect(preface.lowerBound < first.lowerBound, "the preface comes before 一")
        #expect(try #require(out.range(of: "2024年1月20日")).lowerBound > first.lowerBound, "the sign-off comes last")
        if format == "markdown" {
            #expect(out.contains("\n\\# 不是标题\n"))
        }
    }
}
