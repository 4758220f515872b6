import Foundation
import Testing
@testable import NianbaoCore

/// The seed report (驻马店市水利局 2020, typed in by hand) as a canonical fixture.
@Suite struct SeedFixtureTests {
    static func seedBytes() throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "seed-zhumadian-2020", withExtension: "json", subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }

    static func seed() throws -> Report {
        try ReportFile.decode(seedBytes(), path: "seed-zhumadian-2020.json")
    }

    @Test func loadsWithEveryPublishedValue() throws {
        let r = try Self.seed()
        #expect(r.agency == "驻马店市水利局")
        #expect(r.year == 2020)
        #expect(r.form == .v2019)
        #expect(r.scope == .agency)
        #expect(r["t2.lic.prev_items"] == .count(14))
        #expect(r["t2.lic.decisions"] == .count(54))
        #expect(r["t2.svc.decisions"] == .count(712))
        #expect(r["t2.pun.prev_items"] == .count(79))
        #expect(r["t2.coe.prev_items"] == .count(17))
        #expect(r["t2.fee.prev_items"] == .count(1))
        #expect(r["t2.proc.proc_items"] == .count(33))
        #expect(r["t2.proc.proc_amount"] == .amount(Amount("3194.752")!))
        #expect(r["t3.r1.np"] == .count(2))
        #expect(r["t3.r1.total"] == .count(2))
        #expect(r["t3.r3_7.total"] == .count(2))
        #expect(r["t4.lr.keep"] == .count(0))
        #expect(r["t4.lr.fix"] == .count(1))  // the 12th of the 15 published values: 复议后起诉 › 结果纠正
        #expect(r["t4.lr.total"] == .count(1))
        #expect(r.text(.s1).hasPrefix("(一)主动公开情况\n"))
        #expect(r.text(.s1).hasSuffix("参训人员30余人。"))
        #expect(r.text(.s6) == "无")
        #expect(r.cells.allSatisfy { !$0.isEmpty })
    }

    @Test func checkPassesOnTheSeed() throws {
        let findings = Validator.validate(try Self.seed())
        #expect(findings.filter { $0.severity.blocksSubmission }.isEmpty, "\(findings.map(\.message))")
    }

    @Test func loadSaveIsAByteForByteFixedPoint() throws {
        let bytes = try Self.seedBytes()
        let report = try ReportFile.decode(bytes, path: "seed")
        #expect(ReportFile.encode(report) == bytes)
        #expect(try ReportFile.decode(ReportFile.encode(report), path: "again") == report)
    }

    @Test func computedCellsAgreeWithFillComputed() throws {
        let r = try Self.seed()
        #expect(r.withComputedFilled() == r)
    }

    @Test func digestIsStableAndIgnoresLayout() throws {
        let r = try Self.seed()
        let digest = ReportFile.digest(r)
        #expect(digest.hasPrefix("sha256:"))
        #expect(digest.count == 7 + 64)
        // The same data with other whitespace still hashes the same.
        let compact = JCSWriter.bytes(ReportFile.jsonValue(r))
        #expect(try ReportFile.digest(ReportFile.decode(compact, path: "compact")) == digest)
        var changed = r
        changed["t3.r4.np"] = .count(1)
        #expect(ReportFile.digest(changed) != digest)
    }

    /// A copy of the seed with one change, written out and checked.
    func broken(_ change: (inout Report) -> Void) throws -> [Finding] {
        var r = try Self.seed()
        change(&r)
        let reloaded = try ReportFile.decode(ReportFile.encode(r), path: "broken.json")
        return Validator.validate(reloaded).filter { $0.severity.blocksSubmission }
    }

    @Test func oneTotalBroken() throws {
        let findings = try broken { $0["t3.r1.total"] = .count(3) }
        let rules = Set(findings.map(\.ruleID))
        #expect(rules == ["T3-1", "T3-3"])
        let rowTotal = try #require(findings.first { $0.ruleID == "T3-3" })
        #expect(rowTotal.cellRefs.first?.description == "t3.r1.total")
        #expect(rowTotal.expected == "2")
        #expect(rowTotal.actual == "3")
        #expect(rowTotal.cellLabels.first == "三 › 一、本年新收政府信息公开申请数量 › 申请人情况 › 总计")
    }

    @Test func oneCellEmptied() throws {
        let findings = try broken { $0["t4.rv.fix"] = .empty }
        #expect(findings.map(\.ruleID) == ["X-10"])
        #expect(findings[0].severity == .incomplete)
        #expect(findings[0].cellRefs.map(\.description) == ["t4.rv.fix"])
    }

    @Test func aNegativeCount() throws {
        let findings = try broken { $0["t2.lic.decisions"] = .count(-5) }
        #expect(findings.map(\.ruleID) == ["T2a-1"])
        #expect(findings[0].cellRefs.map(\.description) == ["t2.lic.decisions"])
    }

    @Test func anAmountWithFiveDecimals() throws {
        let findings = try broken { $0["t2.proc.proc_amount"] = .amount(Amount("3194.75201")!) }
        #expect(findings.map(\.ruleID) == ["T2a-1"])
        #expect(findings[0].cellRefs.map(\.description) == ["t2.proc.proc_amount"])
        #expect(findings[0].message.contains("4 位小数"))
    }
}

@Suite struct BuiltInSampleTests {
    @Test func builtInSampleIsTheSeedFixture() throws {
        #expect(Array(SampleReports.seedJSON.utf8) == (try SeedFixtureTests.seedBytes()))
        #expect(SampleReports.seed == (try SeedFixtureTests.seed()))
    }
}
