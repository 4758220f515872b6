#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import NianbaoCore
import Testing
@testable import nianbao

/// `check` at scale: the operand pre-scan agrees with ArgumentParser, and streamed JSON is the whole document.
@Suite struct CheckBatchTests {
    @Test(arguments: [
        ["a.json"], ["a.json", "b.json", "dir"], ["--format", "json", "a.json"], ["a.json", "--format=tsv", "--summary"],
        ["--previous", "p.json", "a.json", "b.json"], ["--min-severity", "warning", "d1", "--errors-only", "d2"],
        ["--files-from", "-"], ["--previous-dir", "last", "this", "--no-progress"], ["--", "-odd.json", "--format"],
        ["--children", "units", "gov.json", "--include-regulations"],
    ])
    func prescanAgreesWithArgumentParser(arguments: [String]) throws {
        let direct = try #require(try Nianbao.parseAsRoot(["check"] + arguments) as? Check)
        let split = try OperandPrescan.split(arguments, grammar: Check.grammar)
        let viaPrescan = try #require(try Nianbao.parseAsRoot(["check"] + split.options) as? Check)
        #expect(split.operands == direct.files)
        #expect(viaPrescan.files.isEmpty)
        #expect(viaPrescan.format == direct.format && viaPrescan.summary == direct.summary)
        #expect(viaPrescan.previous == direct.previous && viaPrescan.previousDir == direct.previousDir)
        #expect(viaPrescan.filesFrom == direct.filesFrom && viaPrescan.children == direct.children)
        #expect(viaPrescan.shownSeverity == direct.shownSeverity && viaPrescan.noProgress == direct.noProgress)
        #expect(viaPrescan.includeRegulations == direct.includeRegulations)
    }

    @Test func everyCheckOptionIsInThePrescanGrammar() throws {
        // A valued option missing from the grammar would swallow its value as an operand; a flag would be refused.
        for option in Check.grammar.valued {
            let value = Check.grammar.choices[option]?.first ?? "x"
            #expect(throws: Never.self) { _ = try Nianbao.parseAsRoot(["check", option, value]) }
            #expect(Check.grammar.problem(option: option, value: value) == nil)
        }
        #expect(Check.grammar.problem(option: "--format", value: "xml")?.contains("text、tsv、json") == true)
        for flag in Check.grammar.flags {
            #expect(throws: Never.self) { _ = try Nianbao.parseAsRoot(["check", flag]) }
        }
        let help = Check.helpMessage()
        for word in help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }) where word.hasPrefix("--") {
            let name = String(word.prefix { $0 != "<" && $0 != "=" && $0 != ")" && $0 != "]" })
            guard name != "--help", name.count > 2 else { continue }
            #expect(Check.grammar.valued.contains(name) || Check.grammar.flags.contains(name), "\(name) is not in Check.grammar")
        }
    }

    @Test func prescanMisusesAreInChinese() {
        #expect(throws: OperandPrescan.Misuse.self) { try OperandPrescan.split(["--bogus", "a.json"], grammar: Check.grammar) }
        #expect(throws: OperandPrescan.Misuse.self) { try OperandPrescan.split(["a.json", "--previous"], grammar: Check.grammar) }
        #expect(throws: OperandPrescan.Misuse.self) { try OperandPrescan.split(["--summary=yes"], grammar: Check.grammar) }
        do { _ = try OperandPrescan.split(["--bogus"], grammar: Check.grammar) } catch {
            #expect(error.message.contains("未知选项"))
        }
        #expect((try? OperandPrescan.split(["-h"], grammar: Check.grammar))?.options == ["-h"])
    }

    /// However long the file list, ArgumentParser sees only the options (its positional handling is
    /// quadratic); the time itself is measured by `nianbao-bench check` (argv with 10,000 files).
    @Test func argumentParserNeverSeesTheFileList() throws {
        let files = (0..<200_000).map { "r\($0).json" }
        let arguments = ["--format", "json"] + files.prefix(100_000) + ["--summary"] + files.dropFirst(100_000) + ["--", "-x.json"]
        let split = try OperandPrescan.split(arguments, grammar: Check.grammar)
        #expect(split.options == ["--format", "json", "--summary"])
        #expect(split.operands == files + ["-x.json"])
        for grammar in [Status.grammar, Sum.grammar] {
            #expect(try OperandPrescan.split(files, grammar: grammar).options.isEmpty)
        }
    }

    static func results() -> [CheckResult] {
        var results: [CheckResult] = []
        var annotated = false
        for i in 0..<5 {
            var report = SampleReports.report(seed: UInt64(i), form: i % 2 == 0 ? .v2021 : .v2019)
            report.agency = "测试\(i)局\u{1B}[31m"
            let findings = Validator.validate(report)
            if !annotated, let warning = findings.first(where: { $0.severity == .warning || $0.severity == .info }),
               let error = findings.first(where: { $0.severity == .error }) {
                try? report.review.setVerdict(.dismissed, on: warning, reason: "理由\"引号\"", author: "张三", date: nil, in: report)
                try? report.review.setVerdict(.explained, on: error, reason: "说明", author: "李四", date: CalendarDate(year: 2026, month: 1, day: 2), in: report)
                try? report.review.decide(.returned, reviewer: "张三", date: nil, reasons: "退回", findings: findings, in: report)
                annotated = true
            }
            results.append(CheckResult(path: "r\(i).json", report: report, error: nil, findings: Validator.validate(report),
                                       notes: i == 1 ? ["注意一下"] : []))
        }
        results.insert(CheckResult(path: "bad.json", report: nil, error: ReportFileError(path: "bad.json", line: 3, column: 4, message: "坏了"), findings: []), at: 2)
        // Prose that disagrees with the tables: findings that point at a sentence.
        var prose = SampleReports.filled(form: .v2021, year: 2023)
        prose.texts[.s1] = "2023年，本机关共收到政府信息公开申请9999件，均已办结。"
        results.append(CheckResult(path: "prose.json", report: prose, error: nil, findings: Validator.validate(prose), notes: []))
        return results
    }

    @Test func proseFindingsCarryTheirSpanInJSON() throws {
        let prose = try #require(Self.results().last)
        let spanned = try #require(prose.findings.first { $0.span != nil }, "no finding points at the prose")
        let json = String(decoding: PrettyCanonicalWriter.bytes(JSONReport.finding(spanned)), as: UTF8.self)
        #expect(json.contains("\"span\": {"), "\(json)")
        #expect(json.contains("\"part\": \"s1\""))
        #expect(json.contains("\"quote\": "))
        let span = try #require(spanned.span)
        #expect(span.range.lowerBound >= 0 && span.range.upperBound <= Array(prose.report!.text(.s1)).count)
    }

    @Test func fixtureHasReviewNotes() {
        #expect(Self.results().contains { ($0.report?.review.notes.count ?? 0) == 2 && $0.report?.review.decision != nil })
    }

    /// Reports where 乙 and 丙 took over 甲's section 一 (new name and figures), 丁 is its own, and 甲's
    /// other year is the same agency.
    static func copiedResults() -> [CheckResult] {
        let own = "本年度，甲县水利局围绕河道管理、防汛抗旱、农村饮水安全等重点领域，通过门户网站发布信息312条，"
            + "组织开展政务公开专题培训4次，参训人员120人次；对水资源管理政策进行解读9篇，回应社会关切15次，"
            + "在政务服务大厅设置公开查阅点，集中公开办事指南和政策文件，全年未发生泄密事件。"
        let other = "本年度，丁县审计局聚焦财政资金审计、经济责任审计和政府投资项目审计，按要求公开审计结果公告6份，"
            + "同时建立审计整改情况公开机制，督促被审计单位公开整改结果，接受社会监督，审计公开工作稳步推进。"
        func result(_ agency: String, _ s1: String, year: Int = 2025) -> CheckResult {
            var report = SampleReports.filled(form: .v2021, year: year, agency: agency)
            report.texts[.s1] = s1
            return CheckResult(path: "\(agency)\(year).json", report: report, error: nil, findings: Validator.validate(report))
        }
        return [
            result("甲县水利局", own),
            result("丁县审计局", other),
            result("乙县林业局", own.replacingOccurrences(of: "甲县水利局", with: "乙县林业局").replacingOccurrences(of: "312", with: "287")),
            CheckResult(path: "bad.json", report: nil, error: ReportFileError(path: "bad.json", message: "坏了"), findings: []),
            result("丙县统计局", own.replacingOccurrences(of: "甲县水利局", with: "丙县统计局").replacingOccurrences(of: "4次", with: "6次")),
            result("甲县水利局", own, year: 2024),
        ]
    }

    @Test func copiedSectionsAreReportedOncePerClusterAfterTheFiles() throws {
        let results = Self.copiedResults()
        let options = CheckOutputOptions(format: .text, clusters: true)
        let sink = OutputCapture()
        let writer = CheckWriter(options: options, progress: nil, output: OutputBuffer(sink: sink.append, isTerminal: false))
        for r in results { writer.write(FileOutcome(r, options: options)) }
        writer.finish()
        let text = String(decoding: sink.bytes, as: UTF8.self)
        let block = try #require(text.range(of: "与其他单位雷同"), "\(text.suffix(600))")
        let tail = String(text[block.lowerBound...])
        #expect(tail.components(separatedBy: "第 1 组").count == 2 && !tail.contains("第 2 组"), "\(tail)")
        #expect(tail.contains("一、总体情况，4 份"), "甲 (both years), 乙 and 丙: \(tail)")
        #expect(tail.contains("乙县林业局2025.json：乙县林业局") && tail.contains("丙县统计局2025.json：丙县统计局"))
        #expect(!tail.contains("丁县审计局"), "丁's text is its own")
        #expect(text.range(of: "✓ 丙县统计局2025.json")!.lowerBound < block.lowerBound, "after the per-file results")
        // Without clusters nothing is said; one agency alone (two years) is not a cluster.
        let alone = [results[0], results[5]]
        #expect(SimilarText.clusters(alone.map { SimilarityClusters.Signature($0.report!) }, paths: ["a", "b"]).clusters.isEmpty)
    }

    @Test func copiedSectionsInJSON() throws {
        let results = Self.copiedResults()
        let options = CheckOutputOptions(format: .json, clusters: true)
        let sink = OutputCapture()
        let writer = CheckWriter(options: options, progress: nil, output: OutputBuffer(sink: sink.append, isTerminal: false))
        for r in results { writer.write(FileOutcome(r, options: options)) }
        writer.finish()
        #expect(sink.bytes == PrettyCanonicalWriter.bytes(JSONReport.document(results, options: options)))
        let document = try JSONParser().parse(sink.bytes)
        guard case .object(let top) = document, case .array(let clusters)? = top["similar_text"] else {
            Issue.record("no similar_text member")
            return
        }
        #expect(clusters.count == 1)
        guard case .object(let cluster) = clusters[0], case .array(let members)? = cluster["members"] else { return }
        #expect(cluster["part"] == .string("s1"))
        #expect(members.count == 4)
        #expect(members.first == .object(JSONObject([("path", .string("甲县水利局2025.json")), ("agency", .string("甲县水利局"))])))
    }

    @Test func copiedSectionsInTSVFollowTheFindingRows() throws {
        let results = Self.copiedResults()
        let options = CheckOutputOptions(format: .tsv, clusters: true)
        let sink = OutputCapture()
        let writer = CheckWriter(options: options, progress: nil, output: OutputBuffer(sink: sink.append, isTerminal: false))
        for r in results { writer.write(FileOutcome(r, options: options)) }
        writer.finish()
        let lines = String(decoding: sink.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let columns = TSVReport.findingHeader.split(separator: "\t").count
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == columns })
        let clusterRows = lines.filter { $0.contains("\tsimilar_text\t") }
        #expect(clusterRows.count == 4, "one row per member: 甲 (both years), 乙, 丙")
        let firstClusterRow = try #require(lines.firstIndex { $0.contains("\tsimilar_text\t") })
        #expect(lines[firstClusterRow...].allSatisfy { $0.contains("\tsimilar_text\t") }, "after every per-file row")
        let row = try #require(clusterRows.first { $0.hasPrefix("乙县林业局2025.json\t") })
        let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields[1] == "乙县林业局" && fields[4] == "warning" && fields[5] == "s1")
        #expect(fields[7].contains("第 1 组，一、总体情况与 3 份报告近乎相同") && fields[7].contains("丙县统计局（丙县统计局2025.json）"))
        #expect(!fields[7].contains("乙县林业局（"), "a member is not listed among the others")
        #expect(!clusterRows.contains { $0.contains("丁县审计局") })
    }

    /// The output of a batch written through a writer with this collector, and what it said on stderr.
    static func written(_ results: [CheckResult], _ options: CheckOutputOptions,
                        collector: SimilarityClusters.Collector) -> (bytes: [UInt8], remarks: String, exit: Int32) {
        let sink = OutputCapture()
        let remarks = OutputCapture()
        let writer = CheckWriter(options: options, progress: nil, output: OutputBuffer(sink: sink.append, isTerminal: false),
                                 collector: collector, remark: { remarks.append(Array($0.utf8)) })
        for r in results { writer.write(FileOutcome(r, options: options)) }
        writer.finish()
        return (sink.bytes, String(decoding: remarks.bytes, as: UTF8.self), writer.worstExitCode)
    }

    /// Spilled after two files, the clusters come out byte for byte as from memory, in every format.
    @Test(arguments: [Check.OutputFormat.text, .tsv, .json])
    func spilledClustersAreWrittenAsFromMemory(format: Check.OutputFormat) throws {
        var results = Self.copiedResults()
        results += Self.copiedResults().map { r in
            var r = r
            r.report?.agency += "二"
            return CheckResult(path: "二/" + r.path, report: r.report, error: r.error, findings: r.findings)
        }
        let options = CheckOutputOptions(format: format, clusters: true)
        let memory = Self.written(results, options, collector: SimilarityClusters.Collector())
        var template = Array("/tmp/nianbao-check-spill-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        defer { rmdir(dir) }
        let spilled = Self.written(results, options, collector: SimilarityClusters.Collector(spillAfter: 2, directory: dir))
        let text = String(decoding: memory.bytes, as: UTF8.self)
        #expect(text.contains("二/乙县林业局2025.json"), "the copies of the copies are in the cluster")
        #expect(spilled.bytes == memory.bytes)
        #expect(spilled.remarks.isEmpty && memory.remarks.isEmpty)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir)) == [], "no temporary file left")
        if format == .json {
            #expect(memory.bytes == PrettyCanonicalWriter.bytes(JSONReport.document(results, options: options)))
        }
    }

    /// When the temporary folder cannot be used the check still runs, says why on stderr, and exits as it would.
    @Test(arguments: [Check.OutputFormat.text, .tsv, .json])
    func aSkippedCopyingCheckIsSaidAndChangesNothingElse(format: Check.OutputFormat) throws {
        let results = Self.copiedResults()
        let skipped = Self.written(results, CheckOutputOptions(format: format, clusters: true),
                                   collector: SimilarityClusters.Collector(spillAfter: 2, directory: "/nonexistent/tmp"))
        let without = Self.written(results, CheckOutputOptions(format: format, clusters: false), collector: SimilarityClusters.Collector())
        #expect(skipped.bytes == without.bytes, "the rest of the output is as without the check")
        #expect(skipped.exit == without.exit && skipped.exit == 2)
        #expect(skipped.remarks.contains("未做“与其他单位雷同”的检查") && skipped.remarks.contains("/nonexistent/tmp"), "\(skipped.remarks)")
    }

    @Test func theProgressLineGivesTheTotalOnlyOnceTheWalkIsDone() {
        var counts = SeverityCounts()
        counts.error = 3
        #expect(ProgressLine.text(done: 120, total: nil, rate: 40, found: counts) == "已检查 120 个文件，每秒 40 个；发现错误 3、未填 0、警告 0")
        #expect(ProgressLine.text(done: 120, total: 500, rate: 40, found: counts).hasPrefix("已检查 120/500 个文件"))
    }

    /// Cluster headings use one form's titles: the text sections are titled alike in both.
    @Test func textSectionTitlesAreTheSameInBothForms() {
        for part in [TextPart.section(.s1), .section(.s5), .section(.s6)] {
            #expect(part.label(in: .v2019) == part.label(in: .v2021))
        }
    }

    @Test(arguments: [false, true])
    func streamedJSONIsTheWholeDocument(summary: Bool) throws {
        for options in [CheckOutputOptions(format: .json, summary: summary),
                        CheckOutputOptions(format: .json, summary: summary, clusters: true),
                        CheckOutputOptions(format: .json, summary: summary, minSeverity: .incomplete, previousPath: "p.json")] {
            for results in [Self.results(), []] {
                let expected = PrettyCanonicalWriter.bytes(JSONReport.document(results, options: options))
                var written: [UInt8] = []
                let sink = OutputCapture()
                let writer = CheckWriter(options: options, progress: nil, output: OutputBuffer(sink: sink.append, isTerminal: false))
                for r in results { writer.write(FileOutcome(r, options: options)) }
                writer.finish()
                written = sink.bytes
                #expect(written == expected, "\(String(decoding: written.prefix(400), as: UTF8.self))")
                #expect(writer.worstExitCode == (results.isEmpty ? 0 : 2))
                // And it parses.
                #expect(throws: Never.self) { _ = try JSONParser().parse(written) }
            }
        }
    }

    @Test func filtersAndSummaries() throws {
        let results = Self.results()
        let r = results[0]
        let all = TextReport.render(r)
        let errorsOnly = TextReport.render(r, minSeverity: .error)
        let counts = SeverityCounts(r.reviewed)
        #expect(counts.error > 0 && counts.warning + counts.info + counts.incomplete > 0, "the fixture should have mixed findings")
        #expect(errorsOnly.split(separator: "\n").filter { $0.contains("[警告]") || $0.contains("[未填]") }.isEmpty)
        #expect(errorsOnly.contains("未列出"))
        #expect(all.split(separator: "\n").filter { $0.contains("[错误") }.count == counts.error)
        #expect(all.contains("[错误·已说明]") && all.contains("·误报]") && all.contains("审核：退回"), "verdicts are shown")
        #expect(counts.dismissed == 1)
        #expect(!all.contains("\u{1B}"), "agency names never reach the terminal raw")
        let line = TextReport.summaryLine(r, counts: counts)
        #expect(line.split(separator: "\n").count == 1 && line.contains("错误 \(counts.error)") && line.contains("sha256:"))
        let row = TSVReport.summaryRow(r, counts: counts)
        #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == TSVReport.summaryHeader.split(separator: "\t").count)
        let rows = TSVReport.findingRows(r, minSeverity: .warning)
        #expect(rows.split(separator: "\n").count == counts.error + counts.incomplete + counts.warning)
    }
}

/// Collects what an `OutputBuffer` writes.
final class OutputCapture: @unchecked Sendable {
    var bytes: [UInt8] = []
    func append(_ data: [UInt8]) { bytes += data }
}
