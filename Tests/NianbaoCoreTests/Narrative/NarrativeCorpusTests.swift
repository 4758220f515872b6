import Foundation
import Testing
@testable import NianbaoCore

/// The narrative fixtures of the development corpus (real published excerpts, `expected.json`):
/// every figure statement it lists is read with the cell it restates, none is read as another cell,
/// a report whose tables agree with the prose is silent, and one whose table differs is found.
@Suite struct NarrativeCorpusTests {
    struct Expected {
        let name: String
        let text: String
        let year: Int
        let form: FormVersion
        let agency: String
        let government: Bool
        /// (target, value) for each listed statement whose cell is certain.
        let statements: [(target: FigureTarget, value: Int64, text: String)]
        /// Values of listed statements whose cell is uncertain or not a table cell.
        let uncertainValues: Set<Int64>
    }

    /// The cell descriptions of expected.json that name one target with certainty.
    static let targets: [String: FigureTarget] = [
        "tables.t3.r1.total": .received, "tables.t3.r2.total": .carriedIn, "tables.t3.r3_7.total": .concluded,
        "tables.t3.r4.total": .carriedOut, "tables.t3.r3_1.total": .granted, "tables.t3.r3_2.total": .partlyGranted,
        "tables.t3.r3_1.total + tables.t3.r3_2.total": .grantedOrPartly, "sum(tables.t3.r3_3_*.total)": .refused,
        "sum(tables.t3.r3_4_*.total)": .unavailable, "sum(tables.t3.r3_5_*.total)": .notProcessed,
        "sum(tables.t3.r3_6_*.total)": .otherOutcome, "tables.t4.rv.total": .review,
        "tables.t4.ld.total + tables.t4.lr.total": .lawsuit, "tables.t2.norm.issued": .normIssued,
        "tables.t2.norm.abolished": .normAbolished, "tables.t2.norm.valid": .normValid,
    ]

    static func corpus() throws -> [Expected] {
        let data = try Data(contentsOf: Fixtures.directory.appendingPathComponent("narrative-corpus/expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(root["files"] as? [String: [String: Any]])
        return try files.keys.sorted().map { name in
            let file = files[name]!
            var statements: [(FigureTarget, Int64, String)] = []
            var uncertain: Set<Int64> = []
            for entry in file["narrative"] as? [[String: Any]] ?? [] {
                guard let value = (entry["value"] as? NSNumber)?.int64Value else { continue }
                if let cell = entry["cell"] as? String, let target = targets[cell] {
                    statements.append((target, value, entry["text"] as? String ?? ""))
                } else {
                    uncertain.insert(value)
                }
            }
            let note = (file["agency_note"] as? String) ?? ""
            return Expected(
                name: name, text: try Fixtures.text("narrative-corpus/\(name)"), year: file["year"] as! Int,
                form: (file["form"] as! String) == "2019" ? .v2019 : .v2021, agency: (file["agency"] as? String) ?? "某局",
                government: note.contains("本级政府"), statements: statements, uncertainValues: uncertain)
        }
    }

    /// Reading: recall of the listed statements, and no statement read as a different cell.
    @Test func statementsAreReadWithTheirCells() throws {
        var listed = 0, found = 0, wrong: [String] = [], unlisted: [String] = [], uncertain = 0, missed: [String] = []
        for file in try Self.corpus() {
            let analysis = NarrativeAnalysis(text: file.text, year: file.year, agencyScope: !file.government)
            listed += file.statements.count
            for expected in file.statements {
                if analysis.statements.contains(where: { $0.target == expected.target && $0.value == expected.value }) {
                    found += 1
                } else {
                    missed.append("\(file.name): \(expected.target) \(expected.value) «\(expected.text)»")
                }
            }
            for statement in analysis.statements {
                if file.statements.contains(where: { $0.target == statement.target && $0.value == statement.value }) { continue }
                let line = "\(file.name): \(statement.target) \(statement.value) «\(analysis.excerpt(upTo: statement.figure))»"
                if file.statements.contains(where: { $0.value == statement.value }) {
                    wrong.append(line)
                } else if file.uncertainValues.contains(statement.value) {
                    uncertain += 1  // listed with a cell the corpus itself is not sure of
                } else {
                    unlisted.append(line)
                }
            }
        }
        print("narrative corpus: \(found) of \(listed) listed statements read with their cell; "
              + "\(wrong.count) read as another cell; \(uncertain) read where the corpus is unsure of the cell; "
              + "\(unlisted.count) read but not listed")
        for line in missed { print("  missed: \(line)") }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(unlisted.isEmpty, "\(unlisted)")
        #expect(found * 100 >= listed * 80, "recall \(found)/\(listed)")
    }

    /// A report built from each fixture with tables that agree with its prose is silent; changing the
    /// cell of each statement by one makes X-1 point at that sentence.
    @Test func agreeingTablesAreSilentAndEachChangeIsFound() throws {
        var injected = 0, caught = 0
        for file in try Self.corpus() where !file.statements.isEmpty {
            var report = SampleReports.filled(form: file.form, year: file.year, agency: file.agency)
            report.scope = file.government ? .government : .agency
            report.texts[.s1] = file.text
            let analysis = NarrativeAnalysis(text: file.text, year: file.year, agencyScope: !file.government)
            // Agreeing tables: every statement the reader found gets its value.
            for statement in analysis.statements { Self.set(&report, statement.target, statement.value) }
            let silent = Validator.validate(report).filter { $0.ruleID == "X-1" }
            #expect(silent.isEmpty, "\(file.name): \(silent.map(\.message))")
            for statement in analysis.statements {
                var changed = report
                Self.set(&changed, statement.target, statement.value + 1)
                injected += 1
                let found = Validator.validate(changed).filter { $0.ruleID == "X-1" }
                if found.contains(where: { $0.actual == String(statement.value) && $0.expected == String(statement.value + 1) }) {
                    caught += 1
                }
                #expect(found.allSatisfy { $0.span?.part == .section(.s1) && !($0.span?.quote.isEmpty ?? true) })
            }
        }
        print("narrative corpus: \(caught) of \(injected) changed cells found by X-1")
        #expect(caught == injected)
    }

    /// Sets the cells of a target so that they sum to `value` (the first cell takes it, the others 0).
    static func set(_ report: inout Report, _ target: FigureTarget, _ value: Int64) {
        let ids = target.cellIDs(form: report.form)
        for (k, id) in ids.enumerated() { report[id] = .count(k == 0 ? value : 0) }
    }

    // MARK: The fixtures the corpus marks as inconsistent or suspicious

    func report(_ name: String, configure: (inout Report) -> Void = { _ in }) throws -> Report {
        let file = try #require(try Self.corpus().first { $0.name == name })
        var report = SampleReports.filled(form: file.form, year: file.year, agency: file.agency)
        report.scope = file.government ? .government : .agency
        report.texts[.s1] = file.text
        configure(&report)
        return report
    }

    @Test(arguments: ["019.txt", "025.txt", "029.txt"])
    func listsThatDoNotAddUpAreFound(name: String) throws {
        let found = Validator.validate(try report(name)).filter { $0.ruleID == "X-2" }
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.severity == .warning)
    }

    @Test func listsAndPercentagesThatAddUpAreSilent() throws {
        for file in try Self.corpus() where !["019.txt", "025.txt", "029.txt"].contains(file.name) {
            let found = Validator.validate(try report(file.name)).filter { $0.ruleID == "X-2" }
            #expect(found.isEmpty, "\(file.name): \(found.map(\.message))")
        }
    }

    @Test func answeredAtHundredPercentWithCarryOverIsFound() throws {
        let found = Validator.validate(try report("004.txt") { $0["t3.r4.total"] = .count(17) }).filter { $0.ruleID == "X-13" }
        #expect(found.count == 1)
        #expect(found.first?.span?.quote.contains("答复率达100%") == true)
        // 按期办结率100% speaks of the concluded cases: no finding with 21 carried over.
        #expect(Validator.validate(try report("003.txt") { $0["t3.r4.total"] = .count(21) }).allSatisfy { $0.ruleID != "X-13" })
    }

    @Test(arguments: ["013.txt", "016.txt"])
    func yearsOfAnotherReportAreFound(name: String) throws {
        let found = Validator.validate(try report(name)).filter { $0.ruleID == "X-18" }
        #expect(found.count >= 1)
        #expect(found.allSatisfy { $0.actual == "2022" })
    }

    @Test(arguments: ["002.txt", "007.txt"])
    func garbledDatesAreInfo(name: String) throws {
        let found = Validator.validate(try report(name)).filter { $0.ruleID == "X-19" }
        #expect(found.count >= 2)
        #expect(found.allSatisfy { $0.severity == .info })
    }

    @Test func noOtherFileHasYearOrGarbleFindings() throws {
        for file in try Self.corpus() where !["013.txt", "016.txt", "002.txt", "007.txt"].contains(file.name) {
            let found = Validator.validate(try report(file.name)).filter { ["X-18", "X-19"].contains($0.ruleID) }
            #expect(found.isEmpty, "\(file.name): \(found.map(\.message))")
        }
    }
}
