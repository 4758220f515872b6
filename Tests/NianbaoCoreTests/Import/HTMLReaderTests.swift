import Testing
@testable import NianbaoCore

/// The tolerant HTML reader: entities, skipped content, implied end tags, the real grid.
@Suite struct ImportHTMLReaderTests {
    @Test func entitiesAndSkippedContent() {
        let html = """
        <html><head><title>A &amp; B</title><style>p { x: "<p>no</p>" }</style></head><body>
        <!-- <p>comment</p> --><script>document.write("<p>no</p>")</script>
        <P CLASS=x>&#x4E00;&#19968;&nbsp;&lt;&gt;&quot;&#39;&mdash;&unknown; a   b
        c</P><p>x<br>y</p><p></p>
        </body></html>
        """
        let doc = HTMLReader.document(Array(html.utf8))
        let texts = doc.lines.map(\.text)
        #expect(texts == ["A & B", "一一\u{A0}<>\"'—&unknown; a b c", "x", "y", ""])
        #expect(doc.lines[1].location.line == 3)
    }

    @Test func gridWithRowspanAndColspan() {
        let html = """
        <table>
        <tr><td rowspan=2 colspan=2>A<td>B
        <tr><td>C
        <tr><td>D<td colspan="2">E</td></tr>
        </table>
        """
        let doc = HTMLReader.document(Array(html.utf8))
        let rows = doc.lines.filter(\.isTable)
        #expect(rows.count == 3)
        #expect(rows.map { $0.cells.map(\.raw) } == [["A", "B"], ["C"], ["D", "E"]])
        // C sits in column 3 because A covers columns 1–2 of rows 1–2.
        #expect(rows[1].cells[0].location.tableRow == 2 && rows[1].cells[0].location.tableColumn == 3)
        #expect(rows[2].cells[1].location.tableColumn == 2)
        #expect(rows[0].cells[0].location.htmlTable == 1)
    }

    @Test func looksLikeHTML() {
        #expect(HTMLReader.looksLikeHTML(Array("<html><body><p>x</p></body></html>".utf8)))
        #expect(!HTMLReader.looksLikeHTML(Array("规章 |\n0 |\n a < b".utf8)))
    }
}

/// PDF text whose table 四 is printed one case kind per line, and problem locations in text.
@Suite struct ImportLineTextTests {
    @Test func tableFourOneLinePerKind() throws {
        var text = ReportExporter.plainText(SampleReports.report(seed: 3, form: .v2021))
        let start = text.range(of: "四、政府信息公开行政复议、行政诉讼情况\n")!.upperBound
        let end = text.range(of: "五、存在的主要问题及改进情况")!.lowerBound
        text.replaceSubrange(start..<end, with: """

        类别 结果维持 结果纠正 其他结果 尚未审结 总计
        行政复议 1 2 3 4 10
        行政诉讼 未经复议直接起诉 0 0 0 1 1
        行政诉讼 复议后起诉 5 0 0 0 5


        """)
        let result = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
        let r = result.report
        #expect(["keep", "fix", "other", "pend", "total"].map { r["t4.rv.\($0)"].count } == [1, 2, 3, 4, 10])
        #expect(["keep", "fix", "other", "pend", "total"].map { r["t4.ld.\($0)"].count } == [0, 0, 0, 1, 1])
        #expect(["keep", "fix", "other", "pend", "total"].map { r["t4.lr.\($0)"].count } == [5, 0, 0, 0, 5])
    }

    @Test func problemLocationsPointAtTheInputLine() throws {
        let text = try Fixtures.text("flattened-placeholders-2020.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let result = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
        let problem = try #require(result.problems.first { $0.cell == CellRef("t2.lic.prev_items") })
        #expect(lines[problem.location.line - 1] == "— |")
        #expect(lines[problem.location.line - 2] == "行政许可 |")
        #expect(problem.description.hasPrefix("第 \(problem.location.line) 行第 1 列"))
    }

    @Test func missingValuesInLineTextAreNotPlacedByGuess() throws {
        var text = try Fixtures.text("pdf-text-broken-labels-2020.txt")
        text = text.replacingOccurrences(of: "行政处罚 31 0 126", with: "行政处罚 31 126")
        let result = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
        #expect(["prev_items", "change", "decisions"].map { result.report["t2.pun.\($0)"] } == [.empty, .empty, .empty])
        #expect(result.problems.filter { $0.kind == .missingValues }.count == 3)
        #expect(result.problems.first { $0.kind == .missingValues }?.message.contains("无法确定哪一格空白") == true)
    }
}

/// Plain text with more separators or lines than any report is refused before it is split.
@Suite struct TextImportLimitTests {
    @Test func fifteenMegabytesOfPipesAreRefusedAtTheLimit() {
        let bytes = [UInt8](repeating: UInt8(ascii: "|"), count: 15 * 1024 * 1024)
        do {
            _ = try ReportImporter.import(bytes: bytes)
            Issue.record("accepted 15 MB of pipes")
        } catch {
            guard case .overLimit(let limit) = error else { Issue.record("\(error)"); return }
            #expect(limit.limit == ImportLimits.maxCells)
            #expect(error.description.contains("表格分隔符“|”超过 200000"))
        }
    }

    @Test func tooManyLinesAreRefused() {
        let bytes = Array(String(repeating: "第\n", count: ImportLimits.maxLines + 10).utf8)
        do {
            _ = try ReportImporter.import(bytes: bytes)
            Issue.record("accepted \(bytes.count) empty lines")
        } catch {
            guard case .overLimit(let limit) = error else { Issue.record("\(error)"); return }
            #expect(limit.limit == ImportLimits.maxLines)
        }
    }

    @Test(arguments: ["本机关认真贯彻落实条例，政府信息公开工作有序开展，",
                      "一、总体情况 二、主动公开政府信息情况 规章0 8729 一、本年新收政府信息公开申请数量1210000013 ",
                      "1234567890"])
    func fifteenMegabytesOnOneLineAreRefusedAtTheLimit(piece: String) {
        let text = "某某局2025年政府信息公开工作年度报告\n" + String(repeating: piece, count: 15 * 1024 * 1024 / piece.utf8.count)
        do {
            _ = try ReportImporter.import(text: text)
            Issue.record("accepted 15 MB on one line")
        } catch {
            guard case .overLimit(let limit) = error else { Issue.record("\(error)"); return }
            #expect(limit.limit == ImportLimits.maxLineBytes)
            #expect(limit.location?.line == 2, "the line is named")
            #expect(error.description.contains("一行文本的字节数超过 524288"))
        }
    }

    /// The limit reached first, in byte order, as one pass over every byte finds it (the check
    /// now jumps from line feed to line feed and pipe to pipe).
    @Test func theFirstLimitReachedInByteOrderIsTheOneReported() {
        func reference(_ bytes: [UInt8]) -> (String, Int)? {
            var pipes = 0, lines = 1, lineStart = 0
            for (i, b) in bytes.enumerated() {
                if b == UInt8(ascii: "|") {
                    pipes += 1
                    if pipes > ImportLimits.maxCells { return ("表格分隔符“|”", lines) }
                } else if b == 0x0A {
                    lines += 1
                    lineStart = i + 1
                    if lines > ImportLimits.maxLines { return ("文本行", lines) }
                } else if i - lineStart >= ImportLimits.maxLineBytes {
                    return ("一行文本的字节数", lines)
                }
            }
            return nil
        }
        let pipe = UInt8(ascii: "|"), x = UInt8(ascii: "x"), lf: UInt8 = 0x0A
        let cases: [[UInt8]] = [
            // A long line whose pipes pass the limit only after its long part.
            Array(repeating: x, count: ImportLimits.maxLineBytes + 5) + Array(repeating: pipe, count: ImportLimits.maxCells + 1),
            // Pipes past the limit before the line gets long.
            Array(repeating: pipe, count: ImportLimits.maxCells + 1) + Array(repeating: x, count: ImportLimits.maxLineBytes),
            // A line of pipes longer than the line limit: pipes are not counted as its bytes.
            [x, lf] + Array(repeating: pipe, count: ImportLimits.maxLineBytes + 3) + [x],
            // Pipes spread over many lines, the one past the limit on line 3.
            Array(repeating: pipe, count: 100_000) + [lf, x, lf] + Array(repeating: pipe, count: 100_001) + [lf, x],
            // Too many lines, one long line after.
            Array(repeating: lf, count: ImportLimits.maxLines) + Array(repeating: x, count: ImportLimits.maxLineBytes + 1),
            // Nothing over.
            Array(repeating: pipe, count: 1000) + [lf] + Array(repeating: x, count: ImportLimits.maxLineBytes),
        ]
        for (k, bytes) in cases.enumerated() {
            let found = bytes.withUnsafeBufferPointer { ImportLimits.textLimitReached($0) }
            let want = reference(bytes)
            #expect(found?.0 == want?.0 && found?.2 == want?.1, "case \(k): \(String(describing: found)) vs \(String(describing: want))")
        }
    }

    @Test func aWholeReportOnOneLineIsFarBelowTheLineLimit() throws {
        // Crawled page text: the whole body on one line, as long as five filled reports.
        let body = ReportExporter.flattenedText(SampleReports.filled(form: .v2021))
        let line = String(repeating: body.split(separator: "\n").joined(separator: " ") + " ", count: 5)
        #expect(line.utf8.count < ImportLimits.maxLineBytes / 4)
        #expect(throws: Never.self) { try ImportLimits.checkText(Array(line.utf8)) }
    }

    @Test func aRealReportIsFarBelowTheLimits() throws {
        let text = ReportExporter.flattenedText(SampleReports.filled(form: .v2021)) + ReportExporter.markdown(SampleReports.filled(form: .v2021))
        #expect(throws: Never.self) { try ImportLimits.checkText(Array(text.utf8)) }
    }
}
