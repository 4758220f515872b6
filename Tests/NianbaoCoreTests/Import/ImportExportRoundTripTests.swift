import Testing
@testable import NianbaoCore

/// Export → import gives back the identical report, over many generated reports of both forms.
@Suite struct ImportExportRoundTripTests {
    static let count = 300

    static func describeDifference(_ a: Report, _ b: Report) -> String {
        var notes: [String] = []
        if a.agency != b.agency { notes.append("agency \(a.agency) ≠ \(b.agency)") }
        if a.year != b.year { notes.append("year \(a.year) ≠ \(b.year)") }
        if a.form != b.form { notes.append("form") }
        if a.scope != b.scope { notes.append("scope") }
        for s in Report.textSections where a.text(s) != b.text(s) { notes.append("\(s): \(a.text(s).debugDescription) ≠ \(b.text(s).debugDescription)") }
        for cell in a.definition.cells where a.form == b.form && a.cells[cell.index] != b.cells[cell.index] {
            notes.append("\(cell.ref): \(a.cells[cell.index]) ≠ \(b.cells[cell.index])")
        }
        return notes.prefix(5).joined(separator: "; ")
    }

    @Test(arguments: FormVersion.allCases)
    func htmlRoundTrip(form: FormVersion) throws {
        for seed in 0..<UInt64(Self.count) {
            let report = SampleReports.report(seed: seed, form: form)
            let html = ReportExporter.html(report)
            let result = try ReportImporter.import(text: html, options: ImportOptions(partial: true))
            #expect(result.report == report, "seed \(seed): \(Self.describeDifference(report, result.report))")
            #expect(result.inputKind == .html)
            #expect(result.yearSource != .option && result.agencySource != .option)
            // Only the deliberately empty cells are reported, and nothing else is an error.
            let empties = report.cells.filter(\.isEmpty).count
            #expect(result.problems.filter { $0.level == .error }.count == empties, "seed \(seed)")
            if report.year <= 2020 && form == .v2021 || report.year >= 2021 && form == .v2019 {
                #expect(result.problems.contains { $0.kind == .formYearMismatch })
            }
        }
    }

    @Test(arguments: FormVersion.allCases)
    func plainTextRoundTrip(form: FormVersion) throws {
        for seed in 0..<UInt64(Self.count) {
            var report = SampleReports.report(seed: seed, form: form)
            // Plain text has no place for the scope (本机关 / 本级政府汇总); it imports as 本机关.
            report.scope = .agency
            let text = ReportExporter.plainText(report)
            let result = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
            #expect(result.report == report, "seed \(seed): \(Self.describeDifference(report, result.report))")
            #expect(result.inputKind == .lineText)
        }
    }

    @Test(arguments: FormVersion.allCases)
    func markdownRoundTripOfTables(form: FormVersion) throws {
        for seed in 0..<UInt64(50) {
            var report = SampleReports.report(seed: seed, form: form)
            report.scope = .agency
            let result = try ReportImporter.import(text: ReportExporter.markdown(report), options: ImportOptions(partial: true))
            // Markdown escapes text, so only the tables and metadata are compared.
            #expect(result.report.cells == report.cells, "seed \(seed): \(Self.describeDifference(report, result.report))")
            #expect(result.report.year == report.year)
            #expect(result.report.form == report.form)
        }
    }
}

extension ImportExportRoundTripTests {
    @Test(arguments: FormVersion.allCases)
    func flattenedTextRoundTrip(form: FormVersion) throws {
        for seed in 0..<UInt64(100) {
            var report = SampleReports.report(seed: seed, form: form)
            report.scope = .agency
            let result = try ReportImporter.import(text: ReportExporter.flattenedText(report), options: ImportOptions(partial: true))
            #expect(result.inputKind == .flattenedText)
            #expect(result.report == report, "seed \(seed): \(Self.describeDifference(report, result.report))")
        }
    }
}
