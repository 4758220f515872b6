import Foundation
import Testing
@testable import NianbaoCore

/// Replays the fuzz seed corpus (`Fuzz/corpus/`) and the crash reproducers (`Fuzz/regressions/`)
/// through the loader, so CI exercises them without libFuzzer.
///
/// Every file that decodes must survive decode → encode → decode: the re-decoded report equals
/// the first, its canonical bytes are identical, and so is its content hash. Files named
/// `broken-*` must be refused with a located, non-empty message. Everything else in the seed
/// corpus is a real draft and must decode.
///
/// The filled 2021 seed is `SampleReports.filled(form: .v2021)`; re-generate it with
/// `NIANBAO_RECORD_SNAPSHOTS=1 swift test --filter FuzzCorpusTests`.
@Suite struct FuzzCorpusTests {
    static func folder(_ relative: String) throws -> URL {
        try #require(SharedTestData.repoRoot, "repo root not found").appendingPathComponent(relative)
    }

    static func files(in relative: String) throws -> [URL] {
        let dir = try folder(relative)
        guard FileManager.default.fileExists(atPath: dir.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
            .map { dir.appendingPathComponent($0) }
    }

    /// Decodes `bytes`; if they decode, checks the round trip and returns the report.
    @discardableResult
    static func replay(_ bytes: [UInt8], name: String, sourceLocation: SourceLocation = #_sourceLocation) -> Report? {
        let report: Report
        do {
            report = try ReportFile.decode(bytes, path: name)
        } catch {
            #expect(!error.message.isEmpty, "\(name): empty error message", sourceLocation: sourceLocation)
            _ = error.description
            return nil
        }
        let encoded = ReportFile.encode(report)
        guard let again = try? ReportFile.decode(encoded, path: name) else {
            Issue.record("\(name): canonical bytes of the decoded report do not decode", sourceLocation: sourceLocation)
            return report
        }
        #expect(again == report, "\(name): decode(encode(r)) != r", sourceLocation: sourceLocation)
        #expect(ReportFile.encode(again) == encoded, "\(name): encoding is not a fixed point", sourceLocation: sourceLocation)
        #expect(ReportFile.digest(again) == ReportFile.digest(report), "\(name): digest changed", sourceLocation: sourceLocation)
        _ = Validator.validate(report)
        _ = Validator.validate(report, previous: again)
        return report
    }

    @Test func seedCorpusReplays() throws {
        let files = try Self.files(in: "Fuzz/corpus")
        #expect(files.count >= 5, "Fuzz/corpus should hold the seed drafts")
        var decoded = 0
        for url in files {
            let name = url.lastPathComponent
            let report = Self.replay(try SharedTestData.bytes(url), name: name)
            if name.hasPrefix("broken-") {
                #expect(report == nil, "\(name) is meant to be refused")
            } else {
                #expect(report != nil, "\(name) is a real draft and must decode")
                decoded += 1
            }
        }
        #expect(decoded >= 3)
    }

    @Test func seedFixtureIsInTheCorpus() throws {
        let fixture = try Self.folder("Tests/NianbaoCoreTests/Fixtures/seed-zhumadian-2020.json")
        let copy = try Self.folder("Fuzz/corpus/seed-zhumadian-2020.json")
        #expect(try SharedTestData.bytes(copy) == SharedTestData.bytes(fixture))
    }

    @Test func filledSampleSeed() throws {
        let url = try Self.folder("Fuzz/corpus/draft-2021-filled.json")
        if ProcessInfo.processInfo.environment["NIANBAO_RECORD_SNAPSHOTS"] == "1" {
            try Data(ReportFile.encode(SampleReports.filled(form: .v2021))).write(to: url)
        }
        let report = try ReportFile.decode(try SharedTestData.bytes(url), path: url.lastPathComponent)
        #expect(report.form == .v2021)
        #expect(!report.cells.contains(.empty))
    }

    /// Inputs that once crashed or hung the loader must now end in a report or a clear error.
    @Test func regressionsReplay() throws {
        for url in try Self.files(in: "Fuzz/regressions") {
            Self.replay(try SharedTestData.bytes(url), name: url.lastPathComponent)
        }
    }
}
