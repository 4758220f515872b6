import Foundation
import NianbaoCore
import NianbaoTestSupport

/// Imports a batch of generated reports (HTML and flattened web text, both forms) and prints the
/// time per report, next to a baseline measured in the same run: splitting the same inputs
/// into lines and scanning every byte, which any importer must at least do.
func runImportBenchmarks(batch: Int = 500) {
    var inputs: [(kind: String, text: String)] = []
    inputs.reserveCapacity(batch)
    for i in 0..<batch {
        let form: FormVersion = i % 2 == 0 ? .v2019 : .v2021
        let report = SampleReports.report(seed: UInt64(i), form: form)
        if i % 4 < 2 {
            inputs.append(("html", ReportExporter.html(report)))
        } else {
            inputs.append(("flattened", ReportExporter.flattenedText(report)))
        }
    }
    let options = ImportOptions(partial: true)
    let clock = ContinuousClock()

    // Warm up (lazy statics, allocator).
    for input in inputs.prefix(10) { _ = try? ReportImporter.import(text: input.text, options: options) }

    var perKind: [String: (count: Int, duration: Duration)] = [:]
    var checksum = 0
    let importTime = clock.measure {
        for input in inputs {
            let start = clock.now
            if let result = try? ReportImporter.import(text: input.text, options: options) {
                checksum &+= result.report.cells.count
            }
            let elapsed = clock.now - start
            perKind[input.kind, default: (0, .zero)].count += 1
            perKind[input.kind, default: (0, .zero)].duration += elapsed
        }
    }
    var baselineChecksum = 0
    let baselineTime = clock.measure {
        for input in inputs {
            let lines = input.text.split(separator: "\n", omittingEmptySubsequences: false)
            baselineChecksum &+= lines.count
            for byte in input.text.utf8 where byte == UInt8(ascii: "|") || byte == UInt8(ascii: "<") { baselineChecksum &+= 1 }
        }
    }
    func ms(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    }
    let bytes = inputs.reduce(0) { $0 + $1.text.utf8.count }
    let perReport = ms(importTime) / Double(inputs.count)
    let perBaseline = ms(baselineTime) / Double(inputs.count)
    print("import: \(inputs.count) generated reports, \(bytes / inputs.count) bytes on average")
    for (kind, value) in perKind.sorted(by: { $0.key < $1.key }) {
        print("  \(kind): \(format(ms(value.duration) / Double(value.count))) ms per report (\(value.count) reports)")
    }
    print("  all: \(format(perReport)) ms per report — target < 5 ms: \(perReport < 5 ? "met" : "NOT met")")
    print("  baseline (split into lines + scan bytes): \(format(perBaseline)) ms per report")
    print("  ratio import / baseline: \(format(perReport / max(perBaseline, 1e-9)))×")
    if checksum == 0 || baselineChecksum == 0 { print("  (nothing imported)") }
    runImportShapeBenchmarks()
}

private func format(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return String(describing: scaled)
}

/// Recall, precision and time per published shape (generated reports, both forms), and the
/// time for large inputs against a byte-scan baseline of the same input.
func runImportShapeBenchmarks(reportsPerShape: Int = 200, large: Bool = true) {
    let clock = ContinuousClock()
    func ms(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    }
    print("import by shape: \(reportsPerShape) generated reports per shape (both forms)")
    for shape in PublishedShape.allCases {
        var score = ShapeScore(shape: shape)
        var elapsed = Duration.zero
        for k in 0..<reportsPerShape {
            let form: FormVersion = k % 2 == 0 ? .v2019 : .v2021
            let report = PublishedShapes.report(seed: UInt64(k), form: form)
            let text = PublishedShapes.render(report, as: shape, seed: UInt64(k))
            let start = clock.now
            let imported = try? ReportImporter.import(text: text, options: ImportOptions(partial: true)).report
            elapsed += clock.now - start
            score.add(expected: report, imported: imported, label: "seed \(k)")
        }
        print("  \(score.summary); \(format(ms(elapsed) / Double(reportsPerShape))) ms per report")
    }
    guard large else { return }
    // Large inputs: a generated report padded to ~200 KB with page chrome, in three shapes.
    let report = PublishedShapes.report(seed: 7, form: .v2021)
    let chrome = String(repeating: "首页 > 政务公开 > 政府信息公开年报 > 部门年报 分享到： 微信 微博 字号：大 中 小 ", count: 1)
    for shape in [PublishedShape.oneLineRunTogether, .oneLineSpaced, .cellPerLine, .pipeNoLeading] {
        var text = PublishedShapes.render(report, as: shape, seed: 7)
        var padding = ""
        while padding.utf8.count + text.utf8.count < 200_000 { padding += chrome }
        text = shape == .oneLineRunTogether || shape == .oneLineSpaced
            ? padding + text.replacingOccurrences(of: "\n", with: " ") + padding
            : padding + "\n" + text + "\n" + padding
        let bytes = Array(text.utf8)
        _ = try? ReportImporter.import(bytes: bytes, options: ImportOptions(partial: true))
        let runs = 5
        let start = clock.now
        for _ in 0..<runs { _ = try? ReportImporter.import(bytes: bytes, options: ImportOptions(partial: true)) }
        let per = ms(clock.now - start) / Double(runs)
        let baseStart = clock.now
        var sum = 0
        for _ in 0..<runs { for b in bytes where b == 0x7C || b == 0x0A { sum &+= 1 } }
        let base = ms(clock.now - baseStart) / Double(runs)
        print("  \(bytes.count / 1000) KB \(shape.rawValue): \(format(per)) ms — target < 10 ms: \(per < 10 ? "met" : "NOT met"); byte scan \(format(base)) ms, ratio \(format(per / max(base, 1e-9)))×\(sum == 0 ? " (empty)" : "")")
    }
}
