import Foundation
import Testing
@testable import NianbaoCore

/// PDF text as real PDFs give it: seven generated reports exported as HTML, printed to PDF by
/// LibreOffice (A4, the official table layout) and read back by `pdftotext -layout`
/// (`Fixtures/pdf-layout`, each beside the report it was made from). Table cells wrap: a row
/// label is cut and continued below its values (`5.属于三类内部事务信` / values / `息`), the
/// group labels (`三、本年度办理结果`, `（三）不予公开`) run down the left column one piece per
/// line and share lines with the rows, and the header repeats on each page.
@Suite struct PDFLayoutImportTests {
    /// r000024's figures run to twelve digits: LibreOffice lets table 三 run off the page, and
    /// the ends of its 总计 column are lost.
    /// Table 三's heading and column header as one line of PDF text, for the pages below.
    static let tableThreeHeading = """
    三、收到和处理政府信息公开申请情况
                              自然人   商业企业   科研机构   社会公益组织   法律服务机构   其他   总计

    """

    static let names = ["r000000", "r000003", "r000004", "r000009", "r000010", "r000011", "r000024"]

    struct Tally {
        var expected = 0, right = 0, wrong = 0, unread = 0, unreported = 0
        var examples: [String] = []
    }

    static func tally(_ name: String) throws -> Tally {
        let expected = try ReportDecoder.decode(try Fixtures.bytes("pdf-layout/\(name).json"), path: name)
        let result = try ReportImporter.import(.pdfText(try Fixtures.bytes("pdf-layout/\(name).txt")),
                                               options: ImportOptions(year: expected.year, agency: expected.agency, partial: true))
        var t = Tally()
        #expect(result.report.form == expected.form, "\(name)")
        for cell in expected.definition.cells where !expected.cells[cell.index].isEmpty {
            t.expected += 1
            let read = result.report.cells[cell.index]
            if read == expected.cells[cell.index] {
                t.right += 1
            } else if read.isEmpty {
                t.unread += 1
                // Every cell left blank is reported: by its own problem, or its row's.
                let row = expected.definition.tables.first { $0.id == cell.ref.table }?.row(cell.ref.row)
                let label = row.map { "“\($0.label)”" }
                let reported = result.problems.contains { p in p.cell == cell.ref || (label.map { p.message.contains($0) } ?? false) }
                if !reported { t.unreported += 1; t.examples.append("\(name) \(cell.ref) unreported") }
            } else {
                t.wrong += 1
                t.examples.append("\(name) \(cell.ref): \(expected.cells[cell.index]) → \(read)")
            }
        }
        return t
    }

    /// Precision is a hard line; recall is measured and may not fall below what this reader reads
    /// today: 85 % of these seven (the misses are rows whose blank cells vanished, which are not
    /// guessed, and r000024's cut-off totals); 95 % over 60 such PDFs, where it was 47 % before
    /// wrapped labels were read.
    @Test func wrappedTableCellsAreReadAndNothingIsGuessed() throws {
        var total = Tally()
        for name in Self.names {
            let t = try Self.tally(name)
            total.expected += t.expected
            total.right += t.right
            total.wrong += t.wrong
            total.unread += t.unread
            total.unreported += t.unreported
            total.examples += t.examples
        }
        print("pdftotext -layout of LibreOffice PDFs: \(total.right) of \(total.expected) cells right, \(total.wrong) wrong, \(total.unread) unread (\(total.unreported) unreported)")
        #expect(total.wrong == 0, "\(total.examples.prefix(8))")
        #expect(total.unreported == 0, "\(total.examples.prefix(8))")
        #expect(Double(total.right) >= 0.8 * Double(total.expected), "recall \(total.right)/\(total.expected)")
    }

    /// Sections 一, 五 and 六 come back in their paragraphs: LibreOffice sets the text at wide
    /// line spacing, so `pdftotext -layout` prints a blank line after every line and two or more
    /// between paragraphs. Compared without white space (`pdftotext` puts spaces around figures).
    @Test func paragraphsPrintedAtWideLineSpacingAreJoined() throws {
        var same = 0, total = 0
        var differing: [String] = []
        for name in Self.names {
            let expected = try ReportDecoder.decode(try Fixtures.bytes("pdf-layout/\(name).json"), path: name)
            let result = try ReportImporter.import(.pdfText(try Fixtures.bytes("pdf-layout/\(name).txt")),
                                                   options: ImportOptions(year: expected.year, agency: expected.agency, partial: true))
            for section in [SectionID.s1, .s5, .s6] {
                func paragraphs(_ text: String) -> [String] {
                    text.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
                }
                total += 1
                if paragraphs(expected.texts[section] ?? "") == paragraphs(result.report.texts[section] ?? "") {
                    same += 1
                } else {
                    differing.append("\(name) \(section)")
                }
            }
        }
        print("paragraphs as printed: \(same) of \(total) sections; differ: \(differing)")
        // 12 of 21 when each printed line was a paragraph; the rest end a paragraph at full width or wrap short of it.
        #expect(same >= 18, "\(differing)")
    }

    /// The three readings one at a time, on a page of 2021 table 三 as LibreOffice prints it.
    @Test func eachWrapIsReadOnItsOwn() throws {
        let page = """
        三、收到和处理政府信息公开申请情况

                                                    申请人情况
                                  自然人   商业企业   科研机构   社会公益组织   法律服务机构   其他   总计

        一、本年新收政府信息公
                              5      0      0     1     0      0     6
           开申请数量

        二、上年结转政府信息公开申请数量  0     0     0    0     0     0    0

        三、本 （一）予以公开          2      0      0       0       0      0      2

        年度办
              （二）部分公开
        理结果
              （区分处理的，
                            1    0      0      0       0        0      1
              只计这一情形，

              不计其他情形）
        """
        let result = try ReportImporter.import(text: page, options: ImportOptions(year: 2023, agency: "某某市水利局", partial: true))
        let d = result.report.definition
        func value(_ row: String, _ column: String) -> CellValue? {
            d.index(of: CellRef(table: .t3, row: row, column: column)).map { result.report.cells[$0] }
        }
        // Cut short before its values, the rest below them.
        #expect(value("r1", "np") == .count(5) && value("r1", "total") == .count(6))
        // Behind a piece of its group's label on the same line.
        #expect(value("r3_1", "np") == .count(2) && value("r3_1", "total") == .count(2))
        // The label's other lines, and the group's, between it and its values.
        #expect(value("r3_2", "np") == .count(1) && value("r3_2", "total") == .count(1))
    }

    /// A total cut off at the page's edge (the first digits of its parts' sum) is not read from
    /// PDF text; the same line as other text is read as printed, a wrong total being the report's own.
    @Test func aTotalCutOffAtThePageEdgeIsNotRead() throws {
        let page = PDFLayoutImportTests.tableThreeHeading + """
        一、本年新收政府信息公开申请数量     0     30     0     29     16     88     1
        二、上年结转政府信息公开申请数量     0     0     0    0     0     0    0
        """
        let options = ImportOptions(year: 2023, agency: "某某市水利局", partial: true)
        let fromPDF = try ReportImporter.import(.pdfText(Array(page.utf8)), options: options)
        let asText = try ReportImporter.import(text: page, options: options)
        let d = fromPDF.report.definition
        let total = try #require(d.index(of: CellRef(table: .t3, row: "r1", column: "total")))
        let np = try #require(d.index(of: CellRef(table: .t3, row: "r1", column: "lp_oth")))
        #expect(fromPDF.report.cells[total].isEmpty)
        #expect(fromPDF.report.cells[np] == .count(88), "the other cells of the row are read")
        #expect(fromPDF.problems.contains { $0.kind == .totalCutOff && $0.message.contains("各项之和 163") })
        #expect(asText.report.cells[total] == .count(1))
        #expect(!asText.problems.contains { $0.kind == .totalCutOff })
    }

    /// A cut label is read only when no other row of the table starts the same way, and only
    /// when its values follow at once; a group's piece is taken only when it is that row's group.
    @Test func lookalikesAreNotTaken() throws {
        let keys = FormLabelKeys.of(.v2021).rows[.t3]!
        let r1 = try #require(keys["r1"]), r3_3_1 = try #require(keys["r3_3_1"]), r3_4_1 = try #require(keys["r3_4_1"])
        #expect(r1.isTruncated("一、本年新收政府信息公"))
        #expect(!r1.isTruncated("一、本年"), "too short to name one row")
        #expect(!r3_3_1.isTruncated("1.属于"), "too short")
        #expect(r3_3_1.isTruncated("1.属于国家"))
        #expect(!r3_4_1.isTruncated("1.属于国家"), "another row's start")
        #expect(r3_3_1.afterGroupFragment("(三1.属于国家") == "1.属于国家")
        #expect(r3_3_1.afterGroupFragment("(四)1.属于国家秘密") == nil, "(四) is not this row's group")
        #expect(r3_4_1.afterGroupFragment("(四)1.本机关不掌握相关政府信息") == "1.本机关不掌握相关政府信息")
        #expect(r1.afterGroupFragment("三、本一、本年新收") == nil, "a row in no group")
    }
}

/// A row printed without values takes nothing from the row after it, even when that row's label
/// starts with a bracket as a note does.
@Suite struct RowWithoutValuesTests {
    @Test func aRowWithoutValuesTakesNoneOfTheNextRows() throws {
        let page = PDFLayoutImportTests.tableThreeHeading + """
        一、本年新收政府信息公开申请数量     1     0     0     0     0     0     1
        二、上年结转政府信息公开申请数量     0     0     0     0     0     0     0
        三、本年度办理结果
        （一）予以公开     1     0     0     0     0     0     1
        （二）部分公开（区分处理的，只计这一情形，不计其他情形）
        （三）不予公开 1.属于国家秘密     0     0     0     0     0     0     0
        2.其他法律行政法规禁止公开     0     0     0     0     0     0     0
        """
        for input in [ImportInput.pdfText(Array(page.utf8)), .text(Array(page.utf8))] {
            let result = try ReportImporter.import(input, options: ImportOptions(year: 2023, agency: "某某市水利局", partial: true))
            let d = result.report.definition
            for column in ["np", "total"] {
                let i = try #require(d.index(of: CellRef(table: .t3, row: "r3_2", column: column)))
                #expect(result.report.cells[i].isEmpty, "\(column): \(result.report.cells[i])")
            }
            let kept = try #require(d.index(of: CellRef(table: .t3, row: "r3_1", column: "np")))
            #expect(result.report.cells[kept] == .count(1))
        }
    }
}
