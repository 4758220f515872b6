import Foundation
import NianbaoCore
import NianbaoTestSupport

/// `nianbao-bench import-shape SHAPE [SEED] [FORM]`: prints one generated report rendered in a
/// published shape, then the import's problems and every cell it got wrong or left blank — for
/// working on a reader. `import-shape SHAPE --score N` prints recall per table over N reports.
func runImportShapeSample(_ arguments: [String]) {
    guard let name = arguments.first, let shape = PublishedShape(rawValue: name) else {
        print("shapes: " + PublishedShape.allCases.map(\.rawValue).joined(separator: " "))
        return
    }
    if arguments.count >= 3, arguments[1] == "--score", let n = Int(arguments[2]) {
        var byTable: [String: (want: Int, got: Int, wrong: Int)] = [:]
        var examples: [String] = []
        for k in 0..<n {
            let form: FormVersion = k % 2 == 0 ? .v2019 : .v2021
            let report = PublishedShapes.report(seed: UInt64(k), form: form)
            let text = PublishedShapes.render(report, as: shape, seed: UInt64(k))
            let imported = try? ReportImporter.import(text: text, options: ImportOptions(partial: true)).report
            for cell in report.definition.cells where !report.cells[cell.index].isEmpty {
                let t = cell.ref.table.rawValue
                byTable[t, default: (0, 0, 0)].want += 1
                guard let imported, imported.form == report.form else { continue }
                let got = imported.cells[cell.index]
                if got == report.cells[cell.index] { byTable[t]!.got += 1 } else if !got.isEmpty {
                    byTable[t]!.wrong += 1
                    if examples.count < 12 { examples.append("seed \(k) \(cell.ref): want \(report.cells[cell.index]), got \(got)") }
                }
            }
        }
        for (t, v) in byTable.sorted(by: { $0.key < $1.key }) {
            print("\(t): \(v.got)/\(v.want) = \(String(format: "%.1f", 100 * Double(v.got) / Double(max(1, v.want)))) %, wrong \(v.wrong)")
        }
        for e in examples { print("  " + e) }
        return
    }
    let seed = arguments.count > 1 ? UInt64(arguments[1]) ?? 0 : 0
    let form: FormVersion = arguments.count > 2 ? (arguments[2] == "2021" ? .v2021 : .v2019) : (seed % 2 == 0 ? .v2019 : .v2021)
    let report = PublishedShapes.report(seed: seed, form: form)
    let text = PublishedShapes.render(report, as: shape, seed: seed)
    print(text)
    print("=== import ===")
    do {
        let result = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
        for problem in result.problems { print(problem.description) }
        print("=== cells ===")
        for cell in report.definition.cells {
            let want = report.cells[cell.index], got = result.report.cells[cell.index]
            if want != got { print("\(cell.ref): want \(want.isEmpty ? "blank" : want.description), got \(got.isEmpty ? "blank" : got.description)") }
        }
    } catch {
        print("refused: \(error)")
    }
}
