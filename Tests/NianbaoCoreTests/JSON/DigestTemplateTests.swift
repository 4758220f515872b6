import Testing
@testable import NianbaoCore

/// The template digest (used for every file of a batch check) equals the digest of the JSON tree.
@Suite struct DigestTemplateTests {
    static func slow(_ report: Report) -> String {
        ContentDigest.sha256(ReportFile.jsonValue(report, includeReview: false))
    }

    @Test(arguments: FormVersion.allCases)
    func generatedReportsDigestAlike(form: FormVersion) throws {
        for seed in 0..<60 {
            var report = SampleReports.report(seed: UInt64(seed), form: form)
            report.scope = ReportScope.allCases[seed % ReportScope.allCases.count]
            let fast = try #require(DigestTemplate.jcsBytes(report))
            #expect(fast == JCSWriter.bytes(ReportFile.jsonValue(report, includeReview: false)))
            #expect(ReportFile.digest(report) == Self.slow(report))
        }
    }

    @Test func stringsThatNeedEscapingAndExtremeValues() throws {
        var report = SampleReports.filled(form: .v2021, year: 2024, agency: "某\"局\\\u{1}\t\n😀")
        report.texts[.s1] = "\u{0}\u{1F}\u{7F}“引号”\r\n\u{2028}𠀀"
        report.texts[.s5] = ""
        report.texts[.s6] = "\u{1}0\u{2}"  // looks like a template marker
        report.cells[0] = .count(Int64.max)
        report.cells[1] = .count(-123_456_789_012_345_678)
        report.cells[2] = .amount(Amount(normalizing: -31_947_520, scale: 4))
        report.cells[3] = .empty
        report.cells[4] = .count(900_000_001)  // looks like a cell marker
        report.year = -5
        let fast = try #require(DigestTemplate.jcsBytes(report))
        #expect(fast == JCSWriter.bytes(ReportFile.jsonValue(report, includeReview: false)))
        #expect(ReportFile.digest(report) == Self.slow(report))
    }

    @Test func version2ContentTakesTheTreeAndReviewNotesDoNotMatter() {
        var report = SampleReports.filled(form: .v2019, year: 2020)
        let before = ReportFile.digest(report)
        report.review = ReviewRecord(notes: [ReviewNote(target: .report, text: "请核对", author: "王审核")], decision: nil)
        #expect(DigestTemplate.jcsBytes(report) != nil)
        #expect(ReportFile.digest(report) == before)
        report.preface = "前言"
        #expect(DigestTemplate.jcsBytes(report) == nil)
        #expect(ReportFile.digest(report) == Self.slow(report))
        #expect(ReportFile.digest(report) != before)
    }
}
