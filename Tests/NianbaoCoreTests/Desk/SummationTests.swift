import Foundation
import Testing
@testable import NianbaoCore

/// `nianbao sum`'s core: checked against an independent sum over generated reports.
@Suite struct SummationTests {
    /// Generated reports of one year and form; `blankFree` fills most blanks with 0 so sums exist.
    static func units(_ count: Int, form: FormVersion, seed: UInt64, blankFree: Bool) -> [Report] {
        (0..<count).map { i in
            var r = SampleReports.report(seed: seed &+ UInt64(i), form: form)
            r.year = form == .v2019 ? 2020 : 2025
            r.agency = "某县第\(i)单位"
            if blankFree, i > 1 {
                for c in r.cells.indices where r.cells[c].isEmpty { r.cells[c] = .count(0) }
            }
            return r
        }
    }

    /// What a cell should sum to, by a different path: Int64 counts and amounts at scale 4.
    enum Expected: Equatable { case blank([Int]), overflow, value(CellValue) }

    static func independentSum(_ reports: [Report], cell: Int) -> Expected {
        let blanks = reports.indices.filter { reports[$0].cells[cell].isEmpty }
        if !blanks.isEmpty { return .blank(blanks) }
        var counts: Int64 = 0
        var tenThousandths: Int64 = 0
        var anyAmount = false
        for r in reports {
            switch r.cells[cell] {
            case .count(let n): counts += n
            case .amount(let a):
                anyAmount = true
                var units = a.units
                for _ in a.scale..<4 { units *= 10 }
                tenThousandths += units
            case .empty: break
            }
        }
        if anyAmount {
            let total = tenThousandths + counts * 10_000
            if total.magnitude > UInt64(Amount.maxMagnitude) * 10_000 { return .overflow }
            return .value(.amount(Amount(normalizing: total, scale: 4)))
        }
        if counts.magnitude > UInt64(CellValue.maxCount) { return .overflow }
        return .value(.count(counts))
    }

    @Test(arguments: [(FormVersion.v2019, false), (.v2019, true), (.v2021, false), (.v2021, true)])
    func matchesAnIndependentSum(form: FormVersion, blankFree: Bool) throws {
        let reports = Self.units(40, form: form, seed: 77, blankFree: blankFree)
        var acc = SumAccumulator(form: form, year: reports[0].year)
        for r in reports { try acc.add(r, unit: r.agency) }
        let draft = try GovernmentSum.make(from: acc, agency: "某县人民政府", includeRegulations: true)
        let defs = form.definition.cells
        var checked = 0, valued = 0
        for cell in defs where !cell.isComputed {
            let id = cell.ref.description
            switch Self.independentSum(reports, cell: cell.index) {
            case .blank(let units):
                #expect(draft.report.cells[cell.index] == .empty, "\(id)")
                #expect(draft.blanks[id] == units, "\(id)")
            case .overflow:
                #expect(draft.report.cells[cell.index] == .empty, "\(id)")
                #expect(draft.overflowed.contains(id), "\(id)")
            case .value(let v):
                #expect(draft.report.cells[cell.index].numericallyEquals(v), "\(id): \(draft.report.cells[cell.index]) vs \(v)")
                #expect(draft.blanks[id] == nil)
                valued += 1
            }
            checked += 1
        }
        #expect(checked > 50)
        if blankFree { #expect(valued > checked / 3, "the fixture should produce real sums") }
        // Totals are the form's formulas over the sums, blank when a part is blank.
        for formula in form.definition.formulas {
            let expected = CellValue.sum(of: formula.addends, in: draft.report.cells) ?? .empty
            #expect(draft.report.cells[formula.target] == expected)
        }
        #expect(draft.report.scope == .government)
        #expect(draft.units == reports.map(\.agency))
    }

    /// 甲局 with every cell 1 and 乙局 with every cell 2 except 三's 自然人 new applications, left blank.
    static func twoUnitsOneBlank() throws -> SumAccumulator {
        var a = Report(agency: "甲局", year: 2025, form: .v2021)
        var b = Report(agency: "乙局", year: 2025, form: .v2021)
        for i in a.cells.indices { a.cells[i] = .count(1); b.cells[i] = .count(2) }
        b["t3.r1.np"] = .empty
        var acc = SumAccumulator(form: .v2021, year: 2025)
        try acc.add(a, unit: "甲局")
        try acc.add(b, unit: "乙局")
        return acc
    }

    @Test func aBlankMakesTheSumIncompleteNeverZero() throws {
        let acc = try Self.twoUnitsOneBlank()
        let draft = try GovernmentSum.make(from: acc, agency: "某县人民政府")
        #expect(draft.report["t3.r1.np"] == .empty)
        #expect(draft.blanks["t3.r1.np"] == [1])
        #expect(draft.report["t3.r1.lp_com"] == .count(3))
        // The column total depends on the blank cell, so it is blank too.
        #expect(draft.report["t3.r1.total"] == .empty)
    }

    /// X-10 on a summed draft says a blank is the sum's (who left it blank), not "请填 0".
    @Test func blanksOfASummedDraftAreExplainedByTheirProvenance() throws {
        let acc = try Self.twoUnitsOneBlank()
        var draft = try GovernmentSum.make(from: acc, agency: "某县人民政府").report
        #expect(draft.origin.summed != nil)
        let findings = Validator.validate(draft).filter { $0.ruleID == "X-10" }
        let row = try #require(findings.first { $0.cells.contains(draft.definition.index(of: CellRef("t3.r1.np")!)!) })
        #expect(row.message.contains("汇总不完整：1 个单位未填（乙局），空白不按 0 汇总"), "\(row.message)")
        #expect(!row.message.contains("没有数据请填 0"), "\(row.message)")
        let regulation = try #require(findings.first { $0.message.contains("规章") })
        #expect(regulation.message.contains("请本级政府填写") && !regulation.message.contains("没有数据请填 0"), "\(regulation.message)")
        // A blank the sum does not explain (typed away afterwards) is told as usual.
        draft["t3.r1.lp_com"] = .empty
        let again = Validator.validate(draft).first { $0.ruleID == "X-10" && $0.message.contains("一、本年新收") }
        #expect(again?.message.contains("没有数据请填 0") == true && again?.message.contains("汇总不完整") == true, "\(again?.message ?? "")")
    }

    @Test func regulationsAreNotSummedUnlessAsked() throws {
        var a = Report(agency: "甲局", year: 2025, form: .v2021)
        for i in a.cells.indices { a.cells[i] = .count(4) }
        var acc = SumAccumulator(form: .v2021, year: 2025)
        try acc.add(a, unit: "甲局")
        try acc.add(a, unit: "乙局")
        let plain = try GovernmentSum.make(from: acc, agency: "某县人民政府")
        let regulation = FormVersion.v2021.definition.rowCells(.t2, "reg")
        #expect(!regulation.isEmpty)
        for i in regulation { #expect(plain.report.cells[i] == .empty) }
        #expect(plain.notSummed.count == regulation.count)
        #expect(plain.report["t2.norm.issued"] == .count(8))
        let asked = try GovernmentSum.make(from: acc, agency: "某县人民政府", includeRegulations: true)
        for i in regulation { #expect(asked.report.cells[i] == .count(8)) }
        #expect(asked.notSummed.isEmpty)
    }

    @Test func mixedYearsAndFormsAreRefused() throws {
        var acc = SumAccumulator(form: .v2021, year: 2025)
        try acc.add(Report(agency: "甲局", year: 2025, form: .v2021), unit: "甲局")
        #expect(throws: SumRefusal.mixedYears(unit: "乙局", found: 2024, expected: 2025)) {
            try acc.add(Report(agency: "乙局", year: 2024, form: .v2021), unit: "乙局")
        }
        #expect(throws: SumRefusal.mixedForms(unit: "丙局", found: .v2019, expected: .v2021)) {
            try acc.add(Report(agency: "丙局", year: 2025, form: .v2019), unit: "丙局")
        }
        #expect(throws: SumRefusal.noUnits) {
            try GovernmentSum.make(from: SumAccumulator(form: .v2021, year: 2025), agency: "某县人民政府")
        }
    }

    @Test func childrenComparisonNamesTheLargestContributors() throws {
        let reports = Self.units(12, form: .v2021, seed: 5, blankFree: true).map { r -> Report in
            var r = r
            for i in r.cells.indices {
                if case .count(let n) = r.cells[i] { r.cells[i] = .count(n % 50) }
                if r.cells[i].isEmpty { r.cells[i] = .count(0) }
            }
            return r
        }
        var acc = SumAccumulator(form: .v2021, year: 2025)
        for r in reports { try acc.add(r, unit: r.agency) }
        let sum = try GovernmentSum.make(from: acc, agency: "某县人民政府", includeRegulations: true)
        var parent = sum.report
        let quiet = try ChildrenComparison.compare(parent: parent, sum: acc, includeRegulations: true)
        #expect(quiet.isEmpty, "a parent equal to the sum has no X-12 findings: \(quiet.map(\.message))")
        let cell = try #require(FormVersion.v2021.definition.index(of: CellRef(table: .t3, row: "r1", column: "np")))
        guard case .count(let n) = parent.cells[cell] else { Issue.record("no sum"); return }
        parent.cells[cell] = .count(n + 7)
        let findings = try ChildrenComparison.compare(parent: parent, sum: acc, includeRegulations: true)
        let warning = try #require(findings.first { $0.severity == .warning })
        #expect(warning.ruleID == "X-12")
        #expect(warning.cells == [cell])
        #expect(warning.message.contains("相差 7"))
        let largest = reports.indices.max { (reports[$0].cells[cell].count ?? 0, -$0) < (reports[$1].cells[cell].count ?? 0, -$1) }!
        #expect(warning.message.contains(reports[largest].agency))
        #expect(!findings.contains { $0.severity == .error })
    }
}

@Suite struct SumProvenanceTests {
    @Test func provenanceTravelsInTheFile() throws {
        var a = Report(agency: "甲局", year: 2025, form: .v2021)
        var b = Report(agency: "乙局", year: 2025, form: .v2021)
        for i in a.cells.indices { a.cells[i] = .count(1); b.cells[i] = .count(2) }
        a["t4.rv.keep"] = .empty
        b["t3.r2.np"] = .empty
        var acc = SumAccumulator(form: .v2021, year: 2025)
        try acc.add(a, unit: "甲局")
        try acc.add(b, unit: "乙局")
        let draft = try GovernmentSum.make(from: acc, agency: "某县人民政府")
        let summed = try #require(draft.report.origin.summed)
        #expect(summed.units == ["甲局", "乙局"])
        #expect(summed.blanks == draft.blanks)
        let reloaded = try ReportFile.decode(ReportFile.encode(draft.report), path: "sum.json")
        #expect(reloaded.origin.summed == summed)
        #expect(reloaded.scope == .government)
    }

    /// An overflowing cell and the 规章 row are recorded in the file, read back, and valid against the schema.
    @Test func overflowAndCellsNotSummedAreRecorded() throws {
        var a = Report(agency: "甲局", year: 2025, form: .v2021)
        var b = Report(agency: "乙局", year: 2025, form: .v2021)
        for i in a.cells.indices { a.cells[i] = .count(1); b.cells[i] = .count(2) }
        let big = try #require(a.definition.cells.first { !$0.isComputed && $0.kind == .count && $0.ref.table == .t3 })
        a.cells[big.index] = .count(CellValue.maxCount)
        b.cells[big.index] = .count(CellValue.maxCount)
        var acc = SumAccumulator(form: .v2021, year: 2025)
        try acc.add(a, unit: "甲局")
        try acc.add(b, unit: "乙局")
        let draft = try GovernmentSum.make(from: acc, agency: "某县人民政府")
        let summed = try #require(draft.report.origin.summed)
        #expect(summed.overflowed == [big.ref.description])
        #expect(summed.notSummed == draft.notSummed && !summed.notSummed.isEmpty)
        #expect(Set(summed.notSummed) == Set(GovernmentSum.governmentOwnCells(.v2021).map { a.definition.cells[$0].ref.description }))
        let bytes = ReportFile.encode(draft.report)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"overflowed\"") && text.contains("\"not_summed\""))
        let reloaded = try ReportFile.decode(bytes, path: "sum.json")
        #expect(reloaded.origin.summed == summed)
        #expect(ReportFile.encode(reloaded) == bytes)
        // Asked to sum 规章: nothing is recorded as not summed, and the member is not written at all.
        let asked = try GovernmentSum.make(from: acc, agency: "某县人民政府", includeRegulations: true)
        #expect(asked.report.origin.summed?.notSummed == [])
        #expect(!String(decoding: ReportFile.encode(asked.report), as: UTF8.self).contains("not_summed"))
        // A cell id that is not the form's is refused with where it is.
        let bad = text.replacingOccurrences(of: "\"overflowed\": [\n        \"\(big.ref.description)\"", with: "\"overflowed\": [\n        \"t9.x.y\"")
        #expect(bad != text)
        #expect(throws: ReportFileError.self) { try ReportFile.decode(Array(bad.utf8), path: "bad.json") }
        // The independent validator agrees with the schema (when python3 and jsonschema are present).
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-summed-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        let root = try #require(SharedTestData.repoRoot)
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("SKIP"); sys.exit(0)
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])), cls=jsonschema.Draft202012Validator)
            print("OK")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, root.appendingPathComponent("docs/report.schema.json").path, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if output.hasPrefix("SKIP") { return }
        #expect(process.terminationStatus == 0 && output.hasPrefix("OK"), "\(output)")
    }
}
