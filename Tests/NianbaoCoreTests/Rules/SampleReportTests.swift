import Testing
@testable import NianbaoCore

@Suite struct SampleReportTests {
    @Test(arguments: FormVersion.allCases)
    func filledSampleHasNoFindings(form: FormVersion) {
        let report = SampleReports.filled(form: form)
        #expect(report.cells.allSatisfy { !$0.isEmpty })
        let all = Validator.validate(report)
        #expect(all.isEmpty, "\(all.map(\.message))")
    }

    @Test(arguments: FormVersion.allCases)
    func filledSampleIsDeterministicAndNonTrivial(form: FormVersion) {
        let a = SampleReports.filled(form: form), b = SampleReports.filled(form: form)
        #expect(a == b)
        #expect(a["t3.r3_7.total"].count ?? 0 > 50)
        #expect(a["t3.r1.np"].count ?? 0 > 0)
        #expect(a["t4.rv.total"] == .count(4))
    }

    @Test(arguments: FormVersion.allCases)
    func fillComputedOnBlankPartsLeavesTotalsBlankAndIsStable(form: FormVersion) {
        // Totals are stable: filling twice gives the same as filling once.
        var report = SampleReports.filled(form: form)
        let once = report
        report.fillComputed()
        #expect(report == once)
        // Blanking every computed cell and refilling restores them in one pass.
        var blanked = once
        for cell in form.definition.cells where cell.isComputed { blanked.cells[cell.index] = .empty }
        blanked.fillComputed()
        #expect(blanked == once)
    }

    @Test func sampleYearsMatchTheirForms() {
        #expect(SampleReports.filled(form: .v2019).year == 2020)
        #expect(SampleReports.filled(form: .v2021).year == 2021)
        #expect(SampleReports.filled(form: .v2021, year: 2024).year == 2024)
    }
}
