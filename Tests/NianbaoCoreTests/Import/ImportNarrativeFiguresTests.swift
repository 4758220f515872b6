import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// Long narrative sections with figures glued to words (`信息1234条`) do not change how a
/// cell-per-line table is read: the narrative is no evidence of the table layout.
@Suite struct ImportNarrativeFiguresTests {
    /// About `paragraphs` paragraphs of prose, each with several figures printed against their words.
    static func narrative(seed: UInt64, paragraphs: Int) -> String {
        var g = SampleReports.Generator(seed: seed)
        let openings = ["本机关坚持以公开为常态、不公开为例外，", "按照《中华人民共和国政府信息公开条例》要求，", "全年", "在依申请公开方面，"]
        let middles = ["通过门户网站主动公开政府信息", "办理政府信息公开申请", "组织政务公开专题培训", "召开新闻发布会"]
        let units = ["条", "件", "次", "场"]
        let closings = ["，做到应公开尽公开。", "，均在法定期限内答复。", "，同比增长百分之十二。"]
        return (0..<paragraphs).map { _ in
            (0..<Int.random(in: 2...4, using: &g)).map { _ in
                openings.randomElement(using: &g)! + middles.randomElement(using: &g)!
                    + String(Int.random(in: 1...9999, using: &g)) + units.randomElement(using: &g)! + closings.randomElement(using: &g)!
            }.joined()
        }.joined(separator: "\n")
    }

    static let cellPerLineShapes: [PublishedShape] = [.cellPerLine, .cellPerLineTrailingPipe, .cellPerParagraph, .alternatingPipes]

    @Test(arguments: cellPerLineShapes)
    func gluedFiguresInNarrativeLeaveTheTablesAlone(_ shape: PublishedShape) throws {
        for seed in UInt64(0)..<6 {
            let form: FormVersion = seed % 2 == 0 ? .v2021 : .v2019
            let report = PublishedShapes.report(seed: seed, form: form)
            var long = report
            // More prose lines than the tables have value lines.
            long.texts[.s1] = Self.narrative(seed: seed &+ 1, paragraphs: 400)
            long.texts[.s5] = Self.narrative(seed: seed &+ 5, paragraphs: 120)
            long.texts[.s6] = Self.narrative(seed: seed &+ 6, paragraphs: 120)
            let options = ImportOptions(partial: true)
            let plain = try ReportImporter.import(text: PublishedShapes.render(report, as: shape, seed: seed), options: options).report
            let padded = try ReportImporter.import(text: PublishedShapes.render(long, as: shape, seed: seed), options: options).report
            let read = plain.cells.filter { !$0.isEmpty }.count
            #expect(read > 100, "\(shape) seed \(seed): only \(read) cells read without narrative")
            #expect(padded.cells == plain.cells, "\(shape) seed \(seed): \(padded.cells.filter { !$0.isEmpty }.count) cells read with narrative, \(read) without")
            // Every cell read is the generated report's value (precision).
            for (k, cell) in padded.cells.enumerated() where !cell.isEmpty {
                #expect(cell == report.cells[k], "\(shape) seed \(seed): cell \(k)")
            }
        }
    }

    /// A sentence of the narrative that names a label of the other form (a 2021 report telling of
    /// its 政府集中采购, a 2019 table label) is no evidence of the form: only table text is.
    @Test(arguments: [PublishedShape.pipeLeading, .cellPerLine, .cellPerParagraph])
    func proseNamingTheOtherFormsLabelsIsNoFormSignal(_ shape: PublishedShape) throws {
        for seed in UInt64(0)..<4 {
            var report = PublishedShapes.report(seed: seed, form: .v2021)
            report.texts[.s1] = "本年度完成政府集中采购项目12个，采购总金额35.6万元，本年新制作数量8件。" + report.text(.s1)
            let result = try ReportImporter.import(text: PublishedShapes.render(report, as: shape, seed: seed), options: ImportOptions(partial: true))
            #expect(result.form == .v2021)
            #expect(!result.problems.contains { $0.kind == .conflictingFormSignals },
                    "\(shape) seed \(seed): \(result.problems.filter { $0.kind == .conflictingFormSignals }.map(\.message))")
        }
    }
}
