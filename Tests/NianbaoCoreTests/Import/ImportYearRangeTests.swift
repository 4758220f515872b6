import Testing
@testable import NianbaoCore

/// The importer never writes a year the report loader refuses (fuzz finding: a title year of 5331).
@Suite struct ImportYearRangeTests {
    static func html(year: Int) -> String {
        var report = SampleReports.report(seed: 3, form: .v2021)
        report.year = 2023
        return ReportExporter.html(report).replacingOccurrences(of: "2023年政府信息公开", with: "\(year)年政府信息公开")
    }

    @Test func titleYearBeyondTheLoadersRangeIsRefusedWithItsSource() throws {
        #expect {
            try ReportImporter.import(text: Self.html(year: 5331), options: ImportOptions(partial: true))
        } throws: { error in
            guard let e = error as? ImportError, case .yearOutOfRange(let year, let source) = e else { return false }
            return year == 5331 && source != .option && e.description.contains("5331") && e.description.contains("--year") && e.exitCode == 2
        }
    }

    @Test func givenYearOverridesAnImpossibleTitleYearAndLoadsBack() throws {
        let result = try ReportImporter.import(text: Self.html(year: 5331), options: ImportOptions(year: 2023, partial: true))
        #expect(result.report.year == 2023)
        let again = try ReportFile.decode(ReportFile.encode(result.report), path: "t.json")
        #expect(again == result.report)
    }

    @Test(arguments: [2018, 2101, 9999])
    func anOutOfRangeOptionIsRefused(year: Int) throws {
        #expect {
            try ReportImporter.import(text: Self.html(year: 2023), options: ImportOptions(year: year, partial: true))
        } throws: { error in
            guard let e = error as? ImportError, case .yearOutOfRange(year, .option) = e else { return false }
            return e.description.hasPrefix("--year")
        }
    }
}
