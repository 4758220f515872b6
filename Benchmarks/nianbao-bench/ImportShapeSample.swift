import Foundation
import NianbaoCore
import NianbaoTestSupport

/// `nianbao-bench import-shape SHAPE [SEED] [FORM]`: prints one generated report rendered in a
/// published shape, then the import's problems and every cell it got wrong or left blank — for
/// working on a reader. `import-shape SHAPE --score N` prints recall per table over N reports;
/// `import-shape SHAPE --misses N` sorts every generated value left unread over N reports by why it
/// was left (the first words of the problem that named its row); `import-shape --all [N]` prints
/// recall, precision and time for every shape.
func runImportShapeSample(_ arguments: [String]) {
    if arguments.first == "--all" {
        runImportShapeBenchmarks(reportsPerShape: arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200, large: false)
        return
    }
    guard let name = arguments.first, let shape = PublishedShape(rawValue: name) else {
        print("shapes: " + PublishedShape.allCases.map(\.rawValue).joined(separator: " "))
        return
    }
    if arguments.count >= 3, arguments[1] == "--misses", let n = Int(arguments[2]) {
        printMissCategories(shape, count: n)
        return
    }
    if arguments.count >= 3, arguments[1] == "--score", let n = Int(arguments[2]) {
        var byTable: [String: (want: Int, got: Int, wrong: Int)] = [:]
        var examples: [String] = []
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var slowest: (time: Duration, seed: Int) = (.zero, 0)
        for k in 0..<n {
            let form: FormVersion = k % 2 == 0 ? .v2019 : .v2021
            let report = PublishedShapes.report(seed: UInt64(k), form: form)
            let text = PublishedShapes.render(report, as: shape, seed: UInt64(k))
            let start = clock.now
            let imported = try? ReportImporter.import(text: text, options: ImportOptions(partial: true)).report
            let took = clock.now - start
            elapsed += took
            if took > slowest.time { slowest = (took, k) }
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
        func ms(_ d: Duration) -> String { String(format: "%.2f", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) }
        print("import: \(ms(elapsed / n)) ms per report; slowest \(ms(slowest.time)) ms (seed \(slowest.seed))")
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

/// Every generated non-empty cell the import left blank, counted by the reason its row gave:
/// the problem naming the cell (or the row's first cell, for "见上一条"), cut to its reason.
func printMissCategories(_ shape: PublishedShape, count: Int) {
    var byReason: [String: Int] = [:]
    var examples: [String: String] = [:]
    var missed = 0, expected = 0
    for k in 0..<count {
        let form: FormVersion = k % 2 == 0 ? .v2019 : .v2021
        let report = PublishedShapes.report(seed: UInt64(k), form: form)
        let text = PublishedShapes.render(report, as: shape, seed: UInt64(k))
        guard let result = try? ReportImporter.import(text: text, options: ImportOptions(partial: true)) else {
            byReason["import failed", default: 0] += report.cells.filter { !$0.isEmpty }.count
            continue
        }
        // Reports drafted with wrong totals (the generator leaves a fifth of them so) apart.
        let drafted = report.cells == report.withComputedFilled().cells ? "" : "[wrong totals] "
        // For each problem: the nearest problem at or before it that is not "see above".
        var heads: [Int] = []
        for (i, p) in result.problems.enumerated() {
            heads.append(p.message.contains("见上一条") && i > 0 ? heads[i - 1] : i)
        }
        var byCell: [CellRef: Int] = [:]
        for (i, p) in result.problems.enumerated() { if let c = p.cell, byCell[c] == nil { byCell[c] = i } }
        for cell in report.definition.cells where !report.cells[cell.index].isEmpty {
            expected += 1
            guard result.report.cells[cell.index].isEmpty else { continue }
            missed += 1
            let reason: String
            if let i = byCell[cell.ref] {
                let head = result.problems[heads[i]]
                reason = drafted + "\(cell.ref.table.rawValue) \(head.kind.rawValue): " + missReason(head.message)
                if examples[reason] == nil { examples[reason] = "seed \(k): " + head.message }
            } else {
                reason = drafted + "\(cell.ref.table.rawValue) (no problem names the cell)"
                if examples[reason] == nil { examples[reason] = "seed \(k): \(cell.ref)" }
            }
            byReason[reason, default: 0] += 1
        }
    }
    print("\(shape.rawValue): \(missed) of \(expected) generated values unread over \(count) reports")
    for (reason, n) in byReason.sorted(by: { $0.value > $1.value }) {
        print(String(format: "%6d  ", n) + reason)
        if let e = examples[reason] { print("        e.g. " + String(e.prefix(300))) }
    }
}

/// The reason part of a problem message, with the row's own digits and counts taken out.
func missReason(_ message: String) -> String {
    var text = message
    if let r = text.range(of: "”，") { text = String(text[r.upperBound...]) }
    // Drop quoted digits and candidate lists, keep the words.
    var out = ""
    var depth = 0
    for ch in text {
        if ch == "（" || ch == "“" { depth += 1; continue }
        if ch == "）" || ch == "”" { depth = max(0, depth - 1); continue }
        if depth > 0 { continue }
        out.append(ch.isNumber ? "N" : ch)
    }
    while out.contains("NN") { out = out.replacingOccurrences(of: "NN", with: "N") }
    return String(out.prefix(90))
}
