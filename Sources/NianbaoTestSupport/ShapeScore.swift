import NianbaoCore

/// Recall and precision of the importer over generated reports printed in one shape.
public struct ShapeScore: Sendable {
    public var shape: PublishedShape
    public var reports = 0
    /// Non-empty cells in the generated reports.
    public var expectedCells = 0
    /// Cells imported with exactly the generated value.
    public var correct = 0
    /// Cells imported with a value other than the generated one (including a value where the report had a blank).
    public var wrong = 0
    /// Non-empty cells in rows without a blank cell: what a shape that loses blank cells can still place.
    public var recoverableCells = 0
    /// Imports that failed outright (no report at all).
    public var failedImports = 0
    /// A few wrong cells, for the failure message.
    public var wrongExamples: [String] = []

    public init(shape: PublishedShape) { self.shape = shape }

    /// Share of the generated non-empty cells read back correctly.
    public var recall: Double { expectedCells == 0 ? 1 : Double(correct) / Double(expectedCells) }
    /// Share of the written values that are right (1 when nothing was written).
    public var precision: Double { correct + wrong == 0 ? 1 : Double(correct) / Double(correct + wrong) }

    /// One line for a test log or the benchmark.
    public var summary: String {
        func pct(_ x: Double) -> String { String(Double(Int((x * 1000).rounded())) / 10) + " %" }
        let ofRecoverable = recoverableCells == 0 ? 1 : min(1, Double(correct) / Double(recoverableCells))
        return "\(shape.rawValue): recall \(pct(recall)) (\(pct(ofRecoverable)) of cells in rows without blanks), precision \(pct(precision)) over \(reports) reports"
            + " (\(correct)/\(expectedCells) cells, \(wrong) wrong, \(failedImports) imports failed)"
    }
}

extension PublishedShapes {
    /// Imports `count` generated reports of each form printed in `shape`, comparing every cell.
    public static func score(_ shape: PublishedShape, count: Int, firstSeed: UInt64 = 0) -> ShapeScore {
        var score = ShapeScore(shape: shape)
        for k in 0..<count {
            let seed = firstSeed + UInt64(k)
            let form: FormVersion = k % 2 == 0 ? .v2019 : .v2021
            let report = report(seed: seed, form: form)
            let text = render(report, as: shape, seed: seed)
            score.add(expected: report, imported: try? ReportImporter.import(text: text, options: ImportOptions(partial: true)).report,
                      label: "seed \(seed) \(form.rawValue)")
        }
        return score
    }
}

extension ShapeScore {
    /// Adds one report's comparison.
    public mutating func add(expected: Report, imported: Report?, label: String) {
        reports += 1
        let nonEmpty = expected.cells.filter { !$0.isEmpty }.count
        expectedCells += nonEmpty
        for table in expected.definition.tables {
            // Table 四 prints as one row; the others row by row.
            let rows = table.id == .t4 ? [expected.definition.rowCellIndices(of: .t4).flatMap { $0 }]
                : expected.definition.rowCellIndices(of: table.id)
            for row in rows where row.allSatisfy({ !expected.cells[$0].isEmpty }) { recoverableCells += row.count }
        }
        guard let imported, imported.form == expected.form else {
            failedImports += 1
            if let imported {
                // A wrong form: every value written is wrong.
                wrong += imported.cells.filter { !$0.isEmpty }.count
                if wrongExamples.count < 5 { wrongExamples.append("\(label): form \(imported.form.rawValue)") }
            }
            return
        }
        for cell in expected.definition.cells {
            let want = expected.cells[cell.index]
            let got = imported.cells[cell.index]
            if got.isEmpty { continue }
            if got == want {
                correct += 1
            } else {
                wrong += 1
                if wrongExamples.count < 5 { wrongExamples.append("\(label) \(cell.ref): \(want) ≠ \(got)") }
            }
        }
    }
}
