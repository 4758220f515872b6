import Foundation
import Testing
@testable import NianbaoCore

/// Schema version 2: preface, sign-off, origin and review, written only when used.
@Suite struct SchemaVersion2Tests {
    static func fullReport() -> Report {
        var report = SampleReports.filled(form: .v2021, year: 2023, agency: "某市教育局")
        report.preface = "根据《中华人民共和国政府信息公开条例》规定，编制本报告。\n本报告所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。"
        report.signOff = SignOff(agency: "某市教育局", date: CalendarDate(year: 2024, month: 1, day: 20))
        report.origin = ReportOrigin(copiedTextFrom: "sha256:" + String(repeating: "ab", count: 32),
                                     summed: SumProvenance(units: ["甲局", "乙局"], blanks: ["t3.r1.np": [1], "t4.ld.total": [0, 1]]))
        report.review = ReviewRecord(
            notes: [
                ReviewNote(target: .finding(rule: "T3-1", cells: ["t3.r1.np", "t3.r4.np"], part: nil), status: .explained,
                           text: "上年结转数据经核实无误", author: "王审核", date: CalendarDate("2024-02-01"), basis: "sha256:00",
                           replies: [ReviewReply(author: "李填报", date: CalendarDate("2024-02-02"), text: "已补充说明")]),
                ReviewNote(target: .cells(["t2.lic.decisions"]), text: "请核对", author: "王审核"),
                ReviewNote(target: .row(table: .t3, row: "r1"), text: "行备注", author: "王审核"),
                ReviewNote(target: .text(.section(.s5)), text: "问题写得太笼统", author: "王审核"),
                ReviewNote(target: .text(.preface), status: nil, text: "前言", author: "王审核"),
                ReviewNote(target: .report, text: "总体", author: "王审核"),
            ],
            decision: ReviewDecision(status: .returned, reviewer: "王审核", date: CalendarDate("2024-02-03"), reasons: "数据不一致"))
        return report
    }

    @Test func reportWithoutAdditionsIsStillWrittenAsVersion1() throws {
        let report = SampleReports.filled(form: .v2019, year: 2020)
        let text = String(decoding: ReportFile.encode(report), as: UTF8.self)
        #expect(text.contains("\"schema_version\": 1,"))
        #expect(!text.contains("preface") && !text.contains("review"))
        #expect(ReportFile.writtenVersion(of: report) == 1)
    }

    @Test func everyAdditionRoundTripsByteForByte() throws {
        let report = Self.fullReport()
        let bytes = ReportFile.encode(report)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"schema_version\": 2,"))
        let decoded = try ReportFile.decode(bytes, path: "v2.json")
        #expect(decoded == report)
        #expect(ReportFile.encode(decoded) == bytes)
    }

    @Test func eachAdditionAloneMakesVersion2() throws {
        var a = SampleReports.filled(form: .v2021, year: 2022)
        a.preface = "前言"
        var b = SampleReports.filled(form: .v2021, year: 2022)
        b.signOff = SignOff(agency: "某局")
        var c = SampleReports.filled(form: .v2021, year: 2022)
        c.origin.copiedTextFrom = "sha256:1"
        var d = SampleReports.filled(form: .v2021, year: 2022)
        d.review.decision = ReviewDecision(status: .accepted, reviewer: "张")
        for report in [a, b, c, d] {
            #expect(ReportFile.writtenVersion(of: report) == 2)
            let decoded = try ReportFile.decode(ReportFile.encode(report), path: "x.json")
            #expect(decoded == report)
        }
    }

    @Test func reviewNotesDoNotChangeTheDigest() throws {
        let plain = SampleReports.filled(form: .v2019, year: 2020)
        var reviewed = plain
        reviewed.review = Self.fullReport().review
        #expect(ReportFile.writtenVersion(of: reviewed) == 2)
        #expect(ReportFile.digest(reviewed) == ReportFile.digest(plain))
        // The digest of a version 1 report is the one earlier builds printed: JCS of the version 1 layout.
        let v1Bytes = ReportFile.encode(plain)
        let reloaded = try ReportFile.decode(v1Bytes, path: "a.json")
        #expect(ReportFile.digest(reloaded) == ReportFile.digest(plain))
        // Content additions do change it.
        var withPreface = reviewed
        withPreface.preface = "前言"
        #expect(ReportFile.digest(withPreface) != ReportFile.digest(plain))
        var otherNote = withPreface
        otherNote.review.notes.removeAll()
        #expect(ReportFile.digest(otherNote) == ReportFile.digest(withPreface))
    }

    @Test func newerVersionIsRefused() throws {
        var text = String(decoding: ReportFile.encode(Self.fullReport()), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"schema_version\": 2,", with: "\"schema_version\": 3,")
        #expect(throws: ReportFileError.self) { try ReportFile.decode(Array(text.utf8), path: "v3.json") }
        do {
            _ = try ReportFile.decode(Array(text.utf8), path: "v3.json")
        } catch {
            #expect(error.description.contains("比本程序支持的 2 新"))
        }
    }

    @Test func version1FileWithVersion2MemberIsRefused() throws {
        var text = String(decoding: ReportFile.encode(SampleReports.filled(form: .v2019, year: 2020)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"scope\":", with: "\"preface\": \"x\",\n  \"scope\":")
        do {
            _ = try ReportFile.decode(Array(text.utf8), path: "a.json")
            Issue.record("accepted a version 1 file with a preface")
        } catch {
            #expect(error.description.contains("未知的成员 “preface”"))
        }
    }

    @Test func version2FileMissingAMemberIsRefused() throws {
        let text = String(decoding: ReportFile.encode(Self.fullReport()), as: UTF8.self)
        guard let start = text.range(of: "  \"preface\": ") else { Issue.record("no preface"); return }
        let lineEnd = text[start.upperBound...].firstIndex(of: "\n")!
        let cut = String(text[..<start.lowerBound]) + String(text[text.index(after: lineEnd)...])
        do {
            _ = try ReportFile.decode(Array(cut.utf8), path: "a.json")
            Issue.record("accepted a version 2 file without its preface")
        } catch {
            #expect(error.description.contains("缺少成员 “preface”"))
        }
    }

    @Test(arguments: [
        ("\"date\": \"2024-01-20\"", "\"date\": \"2024-02-30\"", "不是有效日期"),
        ("\"date\": \"2024-01-20\"", "\"date\": 20240120", "应为字符串"),
        ("\"t3.r1.np\"", "\"t3.r99.np\"", "不是 2021 版表格中的单元格编号"),
        ("\"status\": \"explained\"", "\"status\": \"ok\"", "意见状态 “ok” 无效"),
        ("\"status\": \"returned\"", "\"status\": \"maybe\"", "审核结论 “maybe” 无效"),
        ("\"kind\": \"report\"", "\"kind\": \"page\"", "target.kind 应为"),
        ("\"part\": \"s5\"", "\"part\": \"s2\"", "不是正文部分"),
    ])
    func badMembersAreRefusedWithTheirPlace(original: String, replacement: String, message: String) throws {
        let text = String(decoding: ReportFile.encode(Self.fullReport()), as: UTF8.self)
        #expect(text.contains(original))
        let broken = text.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try ReportFile.decode(Array(broken.utf8), path: "bad.json")
            Issue.record("accepted \(replacement)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.line != nil)
        }
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2100-02-29") == nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("2024-1-20") == nil)
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: 5)?.description == "2024-01-05")
        #expect(CalendarDate(year: 2024, month: 1, day: 5)?.chinese == "2024年1月5日")
        #expect(CalendarDate("2024-01-31")! < CalendarDate("2024-02-01")!)
    }
}

/// The committed version 2 example (`Tests/NianbaoCoreTests/Fixtures/v2-reviewed-2023.json`, also
/// validated against docs/report.schema.json by an independent validator) is what the encoder writes.
@Suite struct SchemaVersion2FixtureTests {
    @Test func committedExampleIsCurrent() throws {
        let url = try #require(SharedTestData.repoRoot)
            .appendingPathComponent("Tests/NianbaoCoreTests/Fixtures/v2-reviewed-2023.json")
        let bytes = ReportFile.encode(SchemaVersion2Tests.fullReport())
        if ProcessInfo.processInfo.environment["NIANBAO_RECORD_SNAPSHOTS"] == "1",
           (try? Data(contentsOf: url)) != Data(bytes) {
            try Data(bytes).write(to: url)
            Issue.record("re-recorded \(url.lastPathComponent)")
            return
        }
        let committed = try Data(contentsOf: url)
        #expect(committed == Data(bytes))
        #expect(try ReportFile.decode(Array(committed), path: url.path) == SchemaVersion2Tests.fullReport())
    }
}
