import Foundation
import Testing
@testable import NianbaoCore

/// The 30 real published excerpts (Fixtures/corpus, from shared/corpus) imported with `--partial`:
/// every expected cell right, every printed blank and every ambiguous cell left empty and
/// reported, the year and agency as expected or asked for.
@Suite struct CorpusImportTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var year: Int?
        var agency: String?
        /// Cell id (without `tables.`) → expected value; nil for a printed blank.
        var cells: [(String, String?)]
        /// Rows or cells that must stay empty and be reported.
        var ambiguous: [String]
        var description: String { file }
    }

    static let expectations: [Expectation] = {
        guard let data = try? Data(contentsOf: Fixtures.directory.appendingPathComponent("corpus/expected.json")),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = root["files"] as? [String: [String: Any]] else { return [] }
        return files.keys.sorted().map { name in
            let entry = files[name]!
            var cells: [(String, String?)] = []
            for (id, value) in (entry["cells"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let ref = String(id.dropFirst("tables.".count))
                if value is NSNull { cells.append((ref, nil)) } else { cells.append((ref, "\(value)")) }
            }
            let ambiguous = (entry["ambiguous"] as? [[String: Any]] ?? []).compactMap { a in
                ((a["row"] ?? a["cell"]) as? String).map { String($0.dropFirst("tables.".count)) }
            }
            return Expectation(file: name, year: entry["year"] as? Int, agency: entry["agency"] as? String,
                               cells: cells, ambiguous: ambiguous)
        }
    }()

    @Test func corpusIsThere() { #expect(Self.expectations.count == 30) }

    @Test(arguments: expectations)
    func excerpt(_ e: Expectation) throws {
        let bytes = try Fixtures.bytes("corpus/" + e.file)
        let result: ImportResult
        do {
            result = try ReportImporter.import(bytes: bytes, options: ImportOptions(partial: true))
        } catch {
            // Only an excerpt without any table text may be refused, and then for that reason.
            #expect(e.cells.isEmpty, "\(e.file): \(error)")
            if case .tablesMissing = error {} else if case .noTableText = error {} else {
                Issue.record("\(e.file): refused with \(error)")
            }
            return
        }
        let report = result.report
        #expect(result.form.rawValue == (e.year.map { $0 >= 2021 ? "2021" : "2019" } ?? result.form.rawValue))
        for (id, want) in e.cells {
            let got = report[id]
            if e.ambiguous.contains(where: { id.hasPrefix($0) }) { continue }
            if let want {
                #expect(got.description == want, "\(e.file) \(id): expected \(want), got \(got)")
            } else {
                #expect(got.isEmpty, "\(e.file) \(id): printed blank, got \(got)")
                #expect(result.problems.contains { $0.cell?.description == id }, "\(e.file) \(id): blank not reported")
            }
        }
        for target in e.ambiguous {
            let cells = report.definition.cells.filter { $0.ref.description == target || $0.ref.description.hasPrefix(target + ".") }
            for cell in cells {
                #expect(report.cells[cell.index].isEmpty, "\(e.file) \(cell.ref): ambiguous, got \(report.cells[cell.index])")
            }
            #expect(result.problems.contains { p in cells.contains { $0.ref == p.cell } }, "\(e.file) \(target): not reported")
        }
        // Year and agency: as expected, or asked for.
        if result.year != e.year {
            #expect(result.questions.contains { $0.field == .year }, "\(e.file): year \(result.year), expected \(e.year ?? 0), not asked")
        }
        if result.agency != e.agency {
            #expect(result.questions.contains { $0.field == .agency },
                    "\(e.file): agency “\(result.agency)”, expected “\(e.agency ?? "unknown")”, not asked")
        }
    }
}
