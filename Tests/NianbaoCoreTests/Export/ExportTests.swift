import Foundation
import Testing
@testable import NianbaoCore

/// Golden files for the seed in all three formats, plus layout checks on generated reports.
/// Re-record with `NIANBAO_RECORD_SNAPSHOTS=1 swift test --filter Export`.
@Suite struct ExportTests {
    static func seed() throws -> Report {
        try ReportImporter.import(bytes: try Fixtures.bytes("zhumadian-water-2020.txt"), options: Fixtures.seedOptions).report
    }

    static func checkGolden(_ name: String, _ actual: String) throws {
        let path = "golden/" + name
        if ProcessInfo.processInfo.environment["NIANBAO_RECORD_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: Fixtures.sourcePath(path))
            return
        }
        let expected = try Fixtures.text(path)
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(e, a)).firstIndex { $0.0 != $0.1 } ?? min(e.count, a.count)
            Issue.record("\(name) differs from the golden file at line \(line + 1) (re-record with NIANBAO_RECORD_SNAPSHOTS=1)")
        }
    }

    @Test func seedGoldenHTML() throws { try Self.checkGolden("seed.html", ReportExporter.html(try Self.seed())) }
    @Test func seedGoldenMarkdown() throws { try Self.checkGolden("seed.md", ReportExporter.markdown(try Self.seed())) }
    @Test func seedGoldenPlainText() throws { try Self.checkGolden("seed.txt", ReportExporter.plainText(try Self.seed())) }

    @Test(arguments: FormVersion.allCases)
    func htmlHasTheOfficialLayout(form: FormVersion) throws {
        var report = SampleReports.report(seed: 7, form: form)
        report.agency = "A<&>\"'局"
        let html = ReportExporter.html(report)
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("break-inside: avoid"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<h1>A&lt;&amp;&gt;&quot;&#39;局\(report.year)年政府信息公开工作年度报告</h1>"))
        for section in report.definition.sections { #expect(html.contains("<h2>\(section.title)</h2>")) }
        // Table 二: caption rows and the 信息内容 header.
        #expect(html.contains("<th class=\"cap\" colspan=\"4\">第二十条第（一）项</th>"))
        #expect(html.contains("<th class=\"hd\">信息内容</th>"))
        // Table 三: corner note 3×3, 申请人情况 over 7 columns, row groups as rowspans.
        #expect(html.contains("<th class=\"corner\" rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>"))
        #expect(html.contains("<th class=\"hd\" colspan=\"7\">申请人情况</th>"))
        #expect(html.contains("<th class=\"hd\" rowspan=\"2\">自然人</th><th class=\"hd\" colspan=\"5\">法人或其他组织</th><th class=\"hd\" rowspan=\"2\">总计</th>"))
        #expect(html.contains("<th class=\"lb\" scope=\"row\" rowspan=\"\(form == .v2019 ? 20 : 22)\">三、本年度办理结果</th>"))
        #expect(html.contains("<th class=\"lb\" scope=\"row\" rowspan=\"8\">（三）不予公开</th>"))
        // Table 四: 行政复议 (5) | 行政诉讼 (10) › 未经复议直接起诉 (5) / 复议后起诉 (5); one data row of 15 cells.
        #expect(html.contains("<th class=\"hd\" colspan=\"5\">行政复议</th><th class=\"hd\" colspan=\"10\">行政诉讼</th>"))
        #expect(html.contains("<th class=\"hd\" colspan=\"5\">未经复议直接起诉</th><th class=\"hd\" colspan=\"5\">复议后起诉</th>"))
        let t4 = try #require(html.range(of: "<table class=\"t4\">").map { html[$0.lowerBound...] })
        let dataRow = try #require(t4.components(separatedBy: "<tbody>\n").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(dataRow.components(separatedBy: "<td").count - 1 == 15)
        if form == .v2021 {
            #expect(html.contains("<th class=\"hd\" colspan=\"3\">本年处理决定数量</th>"))
            #expect(html.contains("（六）其他处理</th>"))
        }
    }

    @Test func emptyCellsBlankAndAmountsExact() throws {
        var report = Report(agency: "测试局", year: 2020, form: .v2019)
        report["t2.proc.proc_amount"] = .amount(Amount("1234567.0001")!)
        let html = ReportExporter.html(report)
        #expect(html.contains("<td class=\"v\">1234567.0001</td>"))
        #expect(html.contains("<td class=\"v\"></td>"))
        #expect(ReportExporter.markdown(report).contains("| 1234567.0001 |"))
        #expect(ReportExporter.plainText(report).contains(" 1234567.0001 |"))
    }

    @Test func markdownFlattensHeaderPaths() throws {
        let md = ReportExporter.markdown(try Self.seed())
        #expect(md.hasPrefix("# 驻马店市水利局2020年政府信息公开工作年度报告\n"))
        #expect(md.contains("| 申请人情况/法人或其他组织/商业企业 |"))
        #expect(md.contains("| 行政诉讼/复议后起诉/总计 |"))
        #expect(md.contains("| 三、本年度办理结果/（三）不予公开/1.属于国家秘密 | 0 |"))
        #expect(md.contains("**第二十条第（九）项**"))
        let escaped = ReportExporter.markdown(Report(agency: "a|b*<c>", year: 2021, form: .v2021))
        #expect(escaped.contains("# a\\|b\\*&lt;c&gt;2021年"))
    }

    /// Every line of each drawn table has the same display width, so Chinese lines up.
    static func checkAlignment(_ text: String) -> [String] {
        var failures: [String] = []
        var block: [Substring] = []
        func flush() {
            let widths = Set(block.map { DisplayWidth.of($0) })
            if widths.count > 1 { failures.append("widths \(widths.sorted()) in table starting \(block.first ?? "")") }
            block.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") || line.hasPrefix("+") { block.append(line) } else if !block.isEmpty { flush() }
        }
        if !block.isEmpty { flush() }
        return failures
    }

    @Test func plainTextColumnsAlignByDisplayWidth() throws {
        let seedText = ReportExporter.plainText(try Self.seed())
        #expect(Self.checkAlignment(seedText).isEmpty, "\(Self.checkAlignment(seedText))")
        #expect(seedText.components(separatedBy: "\n\n+").count - 1 == 3)  // three tables
        for form in FormVersion.allCases {
            for seed in 0..<UInt64(40) {
                let text = ReportExporter.plainText(SampleReports.report(seed: seed, form: form))
                let failures = Self.checkAlignment(text)
                #expect(failures.isEmpty, "\(form) seed \(seed): \(failures)")
            }
        }
        // Column boundaries line up too: in table 三 the value columns have their `|` at the same display columns.
        let t3 = seedText.components(separatedBy: "三、收到和处理政府信息公开申请情况\n\n")[1].components(separatedBy: "\n\n")[0]
        func bars(_ line: Substring) -> [Int] {
            var positions: [Int] = []
            var x = 0
            for c in line {
                if c == "|" { positions.append(x) }
                x += DisplayWidth.of(c)
            }
            return positions
        }
        let bodyLines = t3.split(separator: "\n").filter { $0.contains("本年新收") || $0.contains("（七）总计") || $0.contains("四、结转下年度") }
        #expect(bodyLines.count == 3)
        #expect(Set(bodyLines.map { Array(bars($0).suffix(8)) }).count == 1)  // the 7 value columns
    }
}
