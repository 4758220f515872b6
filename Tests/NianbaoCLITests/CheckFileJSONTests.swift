import NianbaoCore
import Testing
@testable import nianbao

/// `FileJSON` writes a file's object straight as bytes: it must be the canonical writer's form of
/// `JSONReport.file` in every case, and each fingerprint `ReviewFingerprint`'s text.
@Suite struct CheckFileJSONTests {
    /// The value-built form of one file's object, indented as `FileJSON.bytes` indents it.
    static func expected(_ result: CheckResult, options: CheckOutputOptions, indent: Int) -> [UInt8] {
        let reviewed = result.reviewed
        let value = JSONReport.file(result, reviewed: reviewed, counts: SeverityCounts(reviewed), options: options)
        return JSONReport.indented(PrettyCanonicalWriter.bytes(value), by: indent)
    }

    static func written(_ result: CheckResult, options: CheckOutputOptions, indent: Int) -> [UInt8] {
        let reviewed = result.reviewedWhenNoted
        let counts = reviewed.map { SeverityCounts($0) } ?? SeverityCounts(result.findings)
        return FileJSON.bytes(result, reviewed: reviewed, counts: counts, options: options, indent: indent)
    }

    /// Results with every optional member: notes, last year's pairing with and without a path, review
    /// notes (one made stale by a changed cell), prose spans, an unreadable file, no findings at all.
    static func results() -> [CheckResult] {
        var results = CheckBatchTests.results()
        for i in results.indices where i % 2 == 1 {
            results[i].previousStatus = i % 4 == 1 ? "used" : "not_found"
            results[i].previousPath = i % 4 == 1 ? "去年/r\(i).json" : nil
        }
        // A note whose cells changed after it was written: marked stale.
        let noteCell = { (note: ReviewNote) -> String? in
            if case .finding(_, let cells, _) = note.target { return cells.first }
            return nil
        }
        if let k = results.firstIndex(where: { !($0.report?.review.notes.isEmpty ?? true) }), var report = results[k].report,
           let id = report.review.notes.lazy.compactMap(noteCell).first, let ref = CellRef(id),
           let cell = report.definition.index(of: ref) {
            report.cells[cell] = .count((report.cells[cell].count ?? 0) + 7)
            results.append(CheckResult(path: "stale.json", report: report, error: nil, findings: Validator.validate(report)))
        }
        var clean = SampleReports.filled(form: .v2019, year: 2020)
        clean.agency = "无问题\"局\"\\"
        results.append(CheckResult(path: "clean\t.json", report: clean, error: nil, findings: []))
        results.append(CheckResult(path: "bare.json", report: nil, error: ReportFileError(path: "bare.json", message: "坏了"), findings: []))
        return results
    }

    @Test(arguments: [0, 4, 9, 30])
    func fileObjectsAreTheCanonicalForm(indent: Int) throws {
        let results = Self.results()
        #expect(results.contains { $0.reviewed.contains { $0.stale } }, "the fixture has a stale note")
        #expect(results.contains { $0.findings.contains { $0.span != nil } }, "the fixture has prose spans")
        for options in [CheckOutputOptions(format: .json), CheckOutputOptions(format: .json, summary: true),
                        CheckOutputOptions(format: .json, minSeverity: .warning), CheckOutputOptions(format: .json, minSeverity: .error)] {
            for result in results {
                let written = Self.written(result, options: options, indent: indent)
                let expected = Self.expected(result, options: options, indent: indent)
                #expect(written == expected, "\(result.path): \(String(decoding: written.prefix(300), as: UTF8.self))")
            }
        }
    }

    /// Over generated reports of both forms (hundreds of findings, cells in every order), the
    /// written fingerprint is `ReviewFingerprint(finding).description`, quoted.
    @Test func fingerprintsAreTheReviewFingerprintsText() {
        var scratch: [Int] = []
        var checked = 0
        for seed in 0..<40 {
            let report = SampleReports.report(seed: UInt64(seed), form: seed % 2 == 0 ? .v2021 : .v2019)
            for finding in Validator.validate(report) {
                var out: [UInt8] = []
                FileJSON.fingerprint(finding, order: FileJSON.fingerprintOrder[finding.form], ranks: &scratch, to: &out)
                var expected: [UInt8] = []
                JSONText.appendString(ReviewFingerprint(finding).description, to: &expected)
                #expect(out == expected)
                checked += 1
            }
        }
        let spanned = Finding(ruleID: "X-8", severity: .warning, form: .v2021, cells: [5, 2, 5], section: .s5, message: "m",
                              span: TextSpan(part: .signOff, range: 0..<1, quote: "q"))
        var out: [UInt8] = []
        FileJSON.fingerprint(spanned, order: FileJSON.fingerprintOrder[.v2021], ranks: &scratch, to: &out)
        var expected: [UInt8] = []
        JSONText.appendString(ReviewFingerprint(spanned).description, to: &expected)
        #expect(out == expected, "\(String(decoding: out, as: UTF8.self))")
        #expect(checked > 500)
    }

    @Test func integersAreWrittenAsTheCanonicalWriterWritesThem() {
        for value in [0, 7, 9, 10, -1, -10, 2025, 999_999_999_999_999, 1_000_000_000_000_000, -1_000_000_000_000_000, Int.max, Int.min] {
            var out: [UInt8] = []
            FileJSON.integer(value, to: &out)
            #expect(out == Array(PrettyCanonicalWriter.bytes(.number(JSONNumber(Int64(value))))).dropLast(), "\(value)")
        }
    }

    /// Large pieces go straight to the sink; the bytes and their order are as written.
    @Test func outputBufferKeepsTheOrderOfLargeAndSmallPieces() {
        let sink = OutputCapture()
        let buffer = OutputBuffer(sink: sink.append, isTerminal: false)
        var expected: [UInt8] = []
        for i in 0..<50 {
            let piece = Array(repeating: UInt8(ascii: "a") + UInt8(i % 26), count: i % 3 == 0 ? 40_000 : 100 + i)
            buffer.write(piece)
            expected += piece
        }
        buffer.flush()
        #expect(sink.bytes == expected)
    }
}
