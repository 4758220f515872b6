import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// Generated reports whose prose restates their own tables: no narrative finding on any of them
/// (false positives), and every cell changed after the prose was written is found (recall).
@Suite struct GeneratedNarrativeTests {
    static let narrativeRules: Set<String> = ["X-1", "X-2", "X-13", "X-14", "X-15", "X-16", "X-17", "X-18", "X-19", "T3-8"]
    static let count = 600

    @Test func consistentReportsAreSilent() {
        var generator = NarrativeReportGenerator(seed: 12)
        var noisy: [String] = []
        var statements = 0
        for _ in 0..<Self.count {
            let generated = generator.next()
            statements += generated.stated.count
            let found = Validator.validate(generated.report).filter { Self.narrativeRules.contains($0.ruleID) }
            for f in found { noisy.append("\(f.ruleID): \(f.message)") }
        }
        print("generated narrative: \(Self.count) consistent reports, \(statements) stated figures, \(noisy.count) narrative findings")
        for line in Set(noisy).sorted().prefix(12) { print("  " + line) }
        #expect(noisy.isEmpty)
    }

    @Test func everyStatementIsReadAsWritten() {
        var generator = NarrativeReportGenerator(seed: 34)
        var stated = 0, read = 0
        var missed: [String] = []
        for _ in 0..<Self.count {
            let generated = generator.next()
            let analysis = generated.report.narrative(.s1)
            for statement in generated.stated {
                stated += 1
                let form = generated.report.form
                if analysis.statements.contains(where: { Set($0.target.cellIDs(form: form)) == Set(statement.cells) && $0.value == statement.value }) {
                    read += 1
                } else if missed.count < 10 {
                    missed.append("\(statement.cells) \(statement.value)")
                }
            }
        }
        print("generated narrative: \(read) of \(stated) stated figures read with their cells")
        #expect(read * 100 >= stated * 95, "\(missed)")
    }

    @Test func changedCellsAreFound() {
        var generator = NarrativeReportGenerator(seed: 56)
        var injected = 0, caught = 0
        var missed: [String] = []
        for _ in 0..<Self.count {
            let generated = generator.next()
            guard let changed = generator.disagreeing(generated) else { continue }
            injected += 1
            let found = Validator.validate(changed.report).filter { $0.ruleID == "X-1" }
            if found.contains(where: { $0.actual == String(changed.prose) && $0.cellRefs.map(\.description).contains(changed.cell) }) {
                caught += 1
            } else if missed.count < 5 {
                missed.append("\(changed.cell) prose \(changed.prose): \(changed.report.text(.s1))")
            }
        }
        print("generated narrative: \(caught) of \(injected) injected disagreements found by X-1")
        #expect(caught == injected, "\(missed)")
    }
}
