import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// Rows whose blank cells vanished in the text (one cell per line, PDF text): placed only where
/// the table's identities leave exactly one placement; blanks stay blank.
@Suite struct ImportVanishedBlanksTests {
    static func ref(_ s: String) -> CellRef { CellRef(s)! }

    /// A complete, balanced report with `blanks` left blank (their value set to 0 first, so the
    /// printed totals still add up with a blank read as 0, as published tables do).
    static func report(blanks: [String], before: (inout Report) -> Void = { _ in }, change: (inout Report) -> Void = { _ in }) -> Report {
        var report = SampleReports.filled(form: .v2021, year: 2023, agency: "某某县人民政府办公室")
        before(&report)
        for id in blanks { report[ref(id)] = .count(0) }
        report.fillComputed()
        for id in blanks { report[ref(id)] = .empty }
        change(&report)
        return report
    }

    static func imported(_ report: Report, _ shape: PublishedShape = .cellPerLine) throws -> ImportResult {
        try ReportImporter.import(text: PublishedShapes.render(report, as: shape, seed: 1), options: ImportOptions(partial: true))
    }

    @Test(arguments: [PublishedShape.cellPerLine, .cellPerParagraph, .oneLineSpaced, .pdfText])
    func placedByTheColumnTotals(_ shape: PublishedShape) throws {
        let report = Self.report(blanks: ["t3.r3_1.lp_com"])
        let result = try Self.imported(report, shape)
        for cell in report.definition.cells where cell.ref.table == .t3 {
            #expect(result.report.cells[cell.index] == report.cells[cell.index], "\(shape) \(cell.ref)")
        }
        // The blank stays blank and is reported; the note names the identity that decided it.
        #expect(result.report[Self.ref("t3.r3_1.lp_com")] == .empty)
        #expect(result.problems.contains { $0.kind == .blankCell && $0.cell == Self.ref("t3.r3_1.lp_com") })
        let note = try #require(result.problems.first { $0.kind == .blanksPlaced })
        #expect(note.message.contains("T3-2") && note.message.contains("予以公开"))
    }

    @Test func zeroAndBlankSideBySideStayRefused() throws {
        // 0 then a blank, or a blank then 0: both add up the same, so the row is refused with both placements.
        let balanced = Self.report(blanks: ["t3.r3_1.lp_com"], before: { $0[Self.ref("t3.r3_1.np")] = .count(0) })
        let result = try Self.imported(balanced)
        #expect(result.report[Self.ref("t3.r3_1.np")] == .empty)
        let refusal = try #require(result.problems.first { $0.cell == Self.ref("t3.r3_1.np") && $0.kind == .missingValues })
        #expect(refusal.message.contains("2 种") && refusal.message.contains("0 | （空白）") && refusal.message.contains("（空白） | 0"))
        // The other rows are read.
        #expect(result.report[Self.ref("t3.r3_2.np")] == balanced[Self.ref("t3.r3_2.np")])
    }

    @Test func brokenRowSumsRefuseThePlacement() throws {
        let report = Self.report(blanks: ["t3.r3_1.lp_com"], change: { r in
            r[Self.ref("t3.r3_2.total")] = .count((r[Self.ref("t3.r3_2.total")].count ?? 0) + 1)
        })
        let result = try Self.imported(report)
        #expect(result.report[Self.ref("t3.r3_1.np")] == .empty)
        #expect(result.report[Self.ref("t3.r3_2.total")] == report[Self.ref("t3.r3_2.total")])  // as printed
        let refusal = try #require(result.problems.first { $0.cell == Self.ref("t3.r3_1.np") })
        #expect(refusal.message.contains("T3-3") && refusal.message.contains("不成立"))
        #expect(!result.problems.contains { $0.kind == .blanksPlaced })
    }

    @Test func tableFourBlankTotalPlaced() throws {
        // 行政复议's total left blank: only one placement keeps every case kind's total (T4-1).
        var report = Self.report(blanks: [])
        report[Self.ref("t4.rv.total")] = .empty
        let result = try Self.imported(report)
        for cell in report.definition.cells where cell.ref.table == .t4 {
            #expect(result.report.cells[cell.index] == report.cells[cell.index], "\(cell.ref)")
        }
        #expect(result.problems.contains { $0.kind == .blanksPlaced && $0.message.contains("T4-1") })
        #expect(result.problems.contains { $0.kind == .blankCell && $0.cell == Self.ref("t4.rv.total") })
    }

    @Test func placements() {
        #expect(Interpreter.placements(printed: 5, columns: 7).count == 21)
        #expect(Interpreter.placements(printed: 2, columns: 3) == [[0, 1, nil], [0, nil, 1], [nil, 0, 1]])
    }
}
