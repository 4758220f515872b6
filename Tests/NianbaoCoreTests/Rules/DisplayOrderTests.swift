import Testing
@testable import NianbaoCore

/// The validator's key sort gives exactly the order of `Finding.displayOrder` (a stable sort).
@Suite struct DisplayOrderTests {
    @Test(arguments: FormVersion.allCases)
    func keySortEqualsDisplayOrder(form: FormVersion) {
        for seed in 0..<40 {
            let report = SampleReports.report(seed: UInt64(seed), form: form)
            var findings = Validator.validate(report)
            findings.reverse()
            findings += findings.prefix(5)  // equal findings keep their relative order
            let expected = findings.sorted(by: Finding.displayOrder)
            #expect(Validator.sortedForDisplay(findings) == expected)
        }
    }
}
