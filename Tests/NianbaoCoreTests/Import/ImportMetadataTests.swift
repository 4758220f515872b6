import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// Title, year and agency: read where the report states them; anything less than certain is a
/// question (the import fails on it unless `partial` or the value is given), with its source.
@Suite struct ImportMetadataTests {
    /// A complete report's body (from 一 on, pipe tables, every cell filled), without its title.
    static func body() -> (report: Report, text: String) {
        let report = SampleReports.filled(form: .v2021, year: 2023, agency: "驻马店市交通运输局")
        let text = PublishedShapes.render(report, as: .pipeLeading, seed: 3)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (report, lines.dropFirst().joined(separator: "\n"))
    }

    static func imported(_ text: String, _ options: ImportOptions = ImportOptions(partial: true)) throws -> ImportResult {
        try ReportImporter.import(text: text, options: options)
    }

    @Test func crawlerHeader() throws {
        let (report, body) = Self.body()
        let text = "标题: \(report.agency)\(report.year)年政府信息公开工作年度报告\n发布时间: 2024-01-20\n====== 正文 ======\n" + body
        let result = try Self.imported(text, ImportOptions())
        #expect(result.agency == report.agency && result.year == report.year)
        #expect(result.agencySource == .crawlerHeader(line: 1) && result.yearSource == .crawlerHeader(line: 1))
        #expect(result.questions.isEmpty)
    }

    /// A breadcrumb line above the title is not the title; one ending in the title gives it.
    @Test(arguments: [
        ("首页 > 政务公开 > 政府信息公开年报\n", "\n"),
        ("首页 ＞ 信息公开 ＞ 政府信息公开年报\n", "\n"),
        ("当前位置：首页 » 政府信息公开 » 年度报告\n", "\n"),
        ("您的位置：首页 > 政务公开 > ", "\n"),
        ("网站首页 › 信息公开 › 政府信息公开年报 › ", "\n"),
    ])
    func breadcrumbIsNotTheTitle(before: String, after: String) throws {
        let (report, body) = Self.body()
        let title = "\(report.agency)\(report.year)年政府信息公开工作年度报告"
        let result = try Self.imported(before + title + after + body, ImportOptions())
        #expect(result.agency == report.agency && result.year == report.year)
        #expect(result.questions.isEmpty, "\(result.questions)")
    }

    @Test func titleOnTwoLinesWithSpaces() throws {
        let (report, body) = Self.body()
        let spaced = report.agency.map(String.init).joined(separator: " ")
        let text = "\(spaced)\n\(report.year) 年 政府信息公开工作年度报告\n" + body
        let result = try Self.imported(text)
        #expect(result.agency == report.agency && result.year == report.year)
        #expect(result.questions.isEmpty)
    }

    @Test func noTitleAgencyFromThePrefaceSentence() throws {
        let (report, body) = Self.body()
        let text = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2021〕30号文件要求，现公布\(report.agency)\(report.year)年政府信息公开工作年度报告。\n" + body
        let result = try Self.imported(text, ImportOptions())
        #expect(result.agency == report.agency && result.year == report.year)
        #expect(result.agencySource == .preface(line: 1))
    }

    /// No title and no preface naming the report: the sign-off names the agency, asked as a question.
    @Test func noTitleAgencyFromTheSignOff() throws {
        let (report, body) = Self.body()
        let text = "本报告统计期限为\(report.year)年1月1日至\(report.year)年12月31日。\n" + body + "\n\(report.agency)\n\(report.year + 1)年1月20日\n"
        let result = try Self.imported(text)
        #expect(result.year == report.year && result.yearSource == .preface(line: 1))
        #expect(result.agency == report.agency)
        guard case .signOff = result.agencySource else { Issue.record("source \(result.agencySource)"); return }
        let question = try #require(result.questions.first { $0.field == .agency })
        #expect(question.guess == report.agency && question.reason.contains("落款"))
        #expect(question.description.contains("--agency"))
        // Without --partial the import stops on the question; --agency answers it.
        #expect(throws: ImportError.self) { try Self.imported(text, ImportOptions()) }
        do {
            _ = try Self.imported(text, ImportOptions())
        } catch let error as ImportError {
            guard case .unconfirmedMetadata(let partial) = error else { Issue.record("\(error)"); return }
            #expect(partial.questions.count == 1)
        }
        let given = try Self.imported(text, ImportOptions(agency: report.agency))
        #expect(given.questions.isEmpty && given.agencySource == .option)
    }

    @Test func shortNameInTheTitleIsAsked() throws {
        let (report, body) = Self.body()
        let text = "前进街道\(report.year)年政府信息公开工作年度报告\n" + body
        let result = try Self.imported(text)
        #expect(result.agency == "前进街道")
        #expect(result.questions.contains { $0.field == .agency && $0.reason.contains("简称") })
    }

    @Test func yearOnlyInTheBodyIsAsked() throws {
        let (report, body) = Self.body()
        let text = "\(report.agency)政府信息公开工作年度报告\n\(report.year)年，本机关继续推进政务公开。\n" + body
        let result = try Self.imported(text)
        #expect(result.agency == report.agency && result.agencySource == .title(line: 1))
        #expect(result.year == report.year && result.yearSource == .body(line: 2))
        #expect(result.questions.contains { $0.field == .year && $0.reason.contains("正文") })
    }
}
