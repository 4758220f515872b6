import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// The digit-run solver's pruned search against plain enumeration, its bounds, and the readings
/// of run-together tables it serves.
@Suite struct DigitRunSolverTests {
    /// Table 三's row shape: six applicant cells and their 总计.
    static let rowShape: DigitRunSolver.RowShape = {
        var shape = DigitRunSolver.RowShape(count: 7)
        shape.groups = [(Array(0..<6), 6)]
        return shape
    }()

    /// Table 四's run: three blocks of four results and their 总计.
    static let tableFourShape: DigitRunSolver.RowShape = {
        var shape = DigitRunSolver.RowShape(count: 15)
        shape.groups = (0..<3).map { b in (Array(b * 5..<b * 5 + 4), b * 5 + 4) }
        return shape
    }()

    /// Every split by the digits alone, kept where each printed total equals its parts' sum.
    /// Nil when even that enumeration hits the node budget (the input is then too long to compare).
    static func bruteForce(_ runs: [String], shape: DigitRunSolver.RowShape, gaps: [Int]) -> Set<[Int64?]>? {
        let all = DigitRunSolver.splits(runs, shape: shape, useSums: false, limit: 1_000_000, gaps: gaps)
        if all.truncated { return nil }
        return Set(all.candidates.filter { c in
            shape.groups.allSatisfy { g in c[g.total].map { t in g.parts.reduce(Int64(0)) { $0 + (c[$1] ?? 0) } == t } ?? true }
        })
    }

    /// Runs printed from random rows (sums holding or not, blanks as spaces, stray spaces).
    static func printed(_ values: [Int64?], g: inout SampleReports.Generator) -> (runs: [String], gaps: [Int]) {
        var runs: [String] = []
        var gaps: [Int] = [0]
        var current = ""
        for v in values {
            if let v {
                if !current.isEmpty, Int.random(in: 0..<6, using: &g) == 0 { runs.append(current); gaps.append(1); current = "" }
                current += String(v)
            } else {
                if !current.isEmpty { runs.append(current); gaps.append(0); current = "" }
                gaps[gaps.count - 1] += 1
            }
        }
        if !current.isEmpty { runs.append(current); gaps.append(0) }
        return (runs, gaps)
    }

    static func randomRow(_ shape: DigitRunSolver.RowShape, consistent: Bool, figures: [Int64] = [0, 0, 1, 7, 12, 40],
                          g: inout SampleReports.Generator) -> [Int64?] {
        var values: [Int64?] = (0..<shape.count).map { _ in
            Int.random(in: 0..<10, using: &g) == 0 ? nil : figures[Int.random(in: 0..<figures.count, using: &g)]
        }
        if consistent {
            for group in shape.groups where values[group.total] != nil {
                values[group.total] = group.parts.contains { values[$0] == nil } ? nil : group.parts.reduce(Int64(0)) { $0 + values[$1]! }
            }
        }
        return values
    }

    /// Large figures (a city's thousands of applications) and wrong totals, where the bound on
    /// what the parts left can still add up to prunes most.
    @Test func prunedSearchMatchesEnumerationOnLargeFigures() {
        var g = SampleReports.Generator(seed: 29)
        var compared = 0
        for k in 0..<500 {
            let shape = k % 3 == 2 ? Self.tableFourShape : Self.rowShape
            var row = Self.randomRow(shape, consistent: k % 4 != 3, figures: [0, 3, 45, 678, 9_012, 34_567, 123_456], g: &g)
            // Totals far from their parts' sum, both ways.
            if k % 5 == 4, let t = row[shape.count - 1] { row[shape.count - 1] = k % 2 == 0 ? t * 10 + 7 : t / 10 }
            let (runs, gaps) = Self.printed(row, g: &g)
            guard !runs.isEmpty, runs.joined().count <= 18, let want = Self.bruteForce(runs, shape: shape, gaps: gaps) else { continue }
            let solved = DigitRunSolver.splits(runs, shape: shape, useSums: true, limit: 100_000, gaps: gaps)
            #expect(!solved.truncated)
            #expect(Set(solved.candidates) == want, "runs \(runs) gaps \(gaps): \(solved.candidates.count) splits, \(want.count) by enumeration")
            compared += 1
        }
        #expect(compared > 150, "only \(compared) rows compared")
    }

    @Test func prunedSearchFindsExactlyTheSplitsThatAddUp() {
        var g = SampleReports.Generator(seed: 11)
        var compared = 0
        for k in 0..<600 {
            let shape = k % 3 == 2 ? Self.tableFourShape : Self.rowShape
            let row = Self.randomRow(shape, consistent: k % 4 != 3, g: &g)
            let (runs, gaps) = Self.printed(row, g: &g)
            guard !runs.isEmpty, runs.joined().count <= (shape.count == 7 ? 16 : 19),
                  let want = Self.bruteForce(runs, shape: shape, gaps: gaps) else { continue }
            let solved = DigitRunSolver.splits(runs, shape: shape, useSums: true, limit: 100_000, gaps: gaps)
            #expect(!solved.truncated)
            let got = Set(solved.candidates)
            #expect(got == want, "runs \(runs) gaps \(gaps): \(got.count) splits, \(want.count) by enumeration; first differing \(String(describing: got.symmetricDifference(want).first))")
            #expect(solved.candidates.count == Set(solved.candidates).count, "a split found twice: \(runs)")
            compared += 1
        }
        #expect(compared > 250, "only \(compared) rows compared")
    }

    @Test func hostileRunsStayBounded() {
        let clock = ContinuousClock()
        let start = clock.now
        // 120 digits, no sum possible, many splits: the node budget ends the search.
        let long = String(repeating: "1234567890", count: 12)
        let outcome = DigitRunSolver.splits([long], shape: Self.tableFourShape, useSums: true, gaps: [0, 0])
        #expect(outcome.candidates.isEmpty)
        let spaced = DigitRunSolver.splits(Array(repeating: "1", count: 7), shape: Self.rowShape, useSums: true,
                                           gaps: [40, 40, 40, 40, 40, 40, 40, 40])
        #expect(spaced.truncated || spaced.candidates.count <= DigitRunSolver.candidateLimit)
        #expect(clock.now - start < .seconds(2))
    }

    /// A one-line crawled body: the header's last words run into the first row's label.
    @Test func firstRowAfterAHeaderIsFoundInAOneLineBody() throws {
        let report = SampleReports.filled(form: .v2021)
        let text = PublishedShapes.render(report, as: .oneLineRunTogether, seed: 3)
        let result = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
        #expect(!result.problems.contains { $0.kind == .missingRow }, "\(result.problems.filter { $0.kind == .missingRow })")
        for column in TableDefinition.applicantColumnIDs + ["total"] {
            let ref = CellRef(table: .t3, row: "r1", column: column)
            #expect(result.report[ref] == report[ref], "\(ref)")
        }
    }

    /// Table 四 run together, its kinds read only where all splits agree: nothing wrong, nothing silent.
    @Test func tableFourKindsOnWhichEverySplitAgreesAreRead() throws {
        var report = SampleReports.filled(form: .v2021)
        let rows: [(String, [Int64])] = [("rv", [67, 42, 0, 31]), ("ld", [0, 4, 52, 10]), ("lr", [45, 0, 30, 87])]
        for (row, parts) in rows {
            for (column, n) in zip(["keep", "fix", "other", "pend"], parts) { report[CellRef(table: .t4, row: row, column: column)] = .count(n) }
        }
        report.fillComputed()
        // Every value written is the generated one; every cell left blank is reported.
        let text = PublishedShapes.render(report, as: .runTogether, seed: 5)
        let result = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
        for (row, _) in rows {
            for column in ["keep", "fix", "other", "pend", "total"] {
                let ref = CellRef(table: .t4, row: row, column: column)
                let got = result.report[ref]
                #expect(got.isEmpty || got == report[ref], "\(ref): \(got) ≠ \(report[ref])")
                if got.isEmpty { #expect(result.problems.contains { $0.cell == ref }, "\(ref) left blank unreported") }
            }
        }
    }
}
