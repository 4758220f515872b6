import Testing
@testable import NianbaoCore

/// `nianbao diff` in its four forms: the figures each carries are the report's own, across forms
/// too, and text from the files cannot give the output structure or markup.
@Suite struct YearOverYearOutputTests {
    /// Two consecutive years with every ratio defined and different.
    static func pair() -> (last: Report, this: Report) {
        let last = SampleReports.filled(form: .v2021, year: 2023)
        var this = SampleReports.filled(form: .v2021, year: 2024)
        this["t3.r1.np"] = .count((this["t3.r1.np"].count ?? 0) + 7)
        this["t3.r3_1.np"] = .count((this["t3.r3_1.np"].count ?? 0) + 7)
        this.fillComputed()
        return (last, this)
    }

    static func share(_ report: Report, _ part: [String], _ base: [String]) -> Double {
        let p = part.compactMap { report[$0].count }.reduce(0, +)
        let b = base.compactMap { report[$0].count }.reduce(0, +)
        return Double(p) / Double(b)
    }

    static func double(_ value: JSONValue?) -> Double? { value?.numberValue.flatMap { Double($0.description) } }

    @Test func jsonCarriesEachRatioAndChangeAsComputedFromTheCells() throws {
        let (last, this) = Self.pair()
        let diff = YearOverYear(previous: last, report: this)
        let json = try #require(try JSONParser().parse(diff.json()).objectValue)
        let ratios = try #require(json["ratios"]?.arrayValue)
        let substantive = try #require(ratios.first { $0.objectValue?["name"]?.stringValue == "实质公开率" }?.objectValue)
        let expected = Self.share(this, ["t3.r3_1.total", "t3.r3_2.total"], ["t3.r3_7.total"])
        let printed = try #require(Self.double(substantive["this"]))
        #expect(abs(printed - expected) < 0.00006, "\(printed) vs \(expected)")
        let lastExpected = Self.share(last, ["t3.r3_1.total", "t3.r3_2.total"], ["t3.r3_7.total"])
        let lastPrinted = try #require(Self.double(substantive["previous"]))
        #expect(abs(lastPrinted - lastExpected) < 0.00006)

        let cells = try #require(json["cells"]?.arrayValue?.compactMap { $0.objectValue })
        #expect(cells.count == this.definition.cells.count)
        let np = try #require(cells.first { $0["id"]?.stringValue == "t3.r1.np" })
        #expect(np["previous"]?.stringValue == last["t3.r1.np"].description)
        #expect(np["this"]?.stringValue == this["t3.r1.np"].description)
        #expect(np["change"]?.stringValue == String((this["t3.r1.np"].count ?? 0) - (last["t3.r1.np"].count ?? 0)))
        let unchanged = try #require(cells.first { $0["id"]?.stringValue == "t4.rv.total" })
        #expect(unchanged["change"]?.stringValue == "0")
    }

    @Test func textAndMarkdownListOnlyTheChangedCells() {
        let (last, this) = Self.pair()
        let diff = YearOverYear(previous: last, report: this)
        let changed = diff.changedCells
        #expect(!changed.isEmpty && changed.count < diff.cells.count)
        #expect(changed.allSatisfy { $0.last != $0.this })
        let text = diff.text()
        #expect(text.contains("有变化的单元格（\(changed.count) / \(diff.cells.count)）"))
        let markdown = diff.markdown()
        let cellRows = markdown.split(separator: "\n").drop { !$0.hasPrefix("## 单元格") }.dropFirst(3)
            .prefix { $0.hasPrefix("|") }
        #expect(cellRows.count == changed.count)
    }

    @Test func aDiffAcrossTheTwoFormsComparesTheCellsBothHave() {
        let last = SampleReports.filled(form: .v2019, year: 2020)
        let this = SampleReports.filled(form: .v2021, year: 2021)
        let diff = YearOverYear(previous: last, report: this)
        #expect(!diff.cells.isEmpty)
        #expect(diff.cells.count < this.definition.cells.count, "cells of one form only are left out")
        for cell in diff.cells {
            let ref = CellRef(cell.id)
            #expect(ref.flatMap { last.definition.cell($0) } != nil && ref.flatMap { this.definition.cell($0) } != nil)
        }
        #expect(diff.ratios.first { $0.name == "结转率" }?.this != nil)
    }

    @Test func textFromTheFilesCannotGiveTheOutputStructure() throws {
        var (last, this) = Self.pair()
        let hostile = "本年度工作有序推进。\n# 标题注入\n- 列表注入 <script>alert(1)</script> | 表格 |"
        last.texts[.s1] = hostile + "\n其余内容为去年的。"
        this.texts[.s1] = hostile + "\n今年另写了一段。"
        this.agency = "某某局\n# 注入 <b>"
        let diff = YearOverYear(previous: last, report: this)
        let section = try #require(diff.sections.first { $0.part == .section(.s1) })
        #expect(!section.passages.isEmpty)

        let markdown = diff.markdown()
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.hasPrefix("# 注入") && !line.hasPrefix("# 标题注入") && !line.hasPrefix("- 列表注入"), "\(line)")
        }
        #expect(!markdown.contains("<script>") && !markdown.contains("<b>"))
        #expect(markdown.hasPrefix("# 某某局 ⏎ \\# 注入") || markdown.hasPrefix("# 某某局 ⏎ # 注入 &lt;b&gt;"))

        let text = diff.text()
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("# ") || $0.hasPrefix("- 列表") })

        let html = diff.html()
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;"))
        // The marked passages are exactly the identical text.
        for passage in section.passages {
            #expect(html.contains("<mark class=\"same\">" + ReportExporter.escapeHTML(passage.quote) + "</mark>"))
        }
        // JSON keeps the text exact.
        let json = try #require(try JSONParser().parse(diff.json()).objectValue)
        #expect(json["agency"]?.stringValue == this.agency)
    }
}
