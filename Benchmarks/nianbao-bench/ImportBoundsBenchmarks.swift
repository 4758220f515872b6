#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NianbaoCore
import NianbaoDocx

/// The import bounds of issue 14: hostile shapes (huge spans, wide rows, many rows, deep
/// nesting, megabytes of pipes, paragraphs, a .docx zip bomb), each at the issue's size and
/// near the 16 MiB input limit, imported — or refused — in a child process of its own, so its
/// peak memory (`ru_maxrss`) is its own. Printed beside the input size, with a baseline child
/// that only builds the same input and scans it once (what any reader must at least do).
///
/// Targets: every shape under 2 s and 300 MB.
func runImportBoundsBenchmarks() {
    print("import-bounds: worst-case inputs, each in its own process (time, peak RSS); target < 2 s and < 300 MB")
    print("  shape                          input      import ms   peak MB   baseline ms  baseline MB   outcome")
    var worstTime = 0.0
    var worstMemory = 0.0
    for shape in ImportBoundsShape.all {
        guard let run = runShapeChild(shape.name, baseline: false), let base = runShapeChild(shape.name, baseline: true) else {
            print("  \(shape.name): the child process failed")
            continue
        }
        worstTime = max(worstTime, run.milliseconds)
        worstMemory = max(worstMemory, run.peakMB)
        let name = shape.name.padding(toLength: 30, withPad: " ", startingAt: 0)
        print("  \(name) \(pad(mib(run.inputBytes), 9)) \(pad(fixed(run.milliseconds), 11)) \(pad(fixed(run.peakMB), 9)) \(pad(fixed(base.milliseconds), 13)) \(pad(fixed(base.peakMB), 12))   \(run.outcome)")
    }
    let met = worstTime < 2000 && worstMemory < 300
    print("  worst: \(fixed(worstTime)) ms, \(fixed(worstMemory)) MB — target \(met ? "met" : "NOT met")")
}

/// Runs one shape when the bench is started as `nianbao-bench import-bounds-child NAME [baseline]`.
func runImportBoundsChild(_ arguments: [String]) {
    guard let name = arguments.first, let shape = ImportBoundsShape.all.first(where: { $0.name == name }) else { exit(2) }
    let baseline = arguments.dropFirst().first == "baseline"
    let clock = ContinuousClock()
    var outcome = ""
    var inputBytes = 0
    let input = shape.make()
    inputBytes = input.count
    // Timed from here: building the input is not the reader's work (its memory still counts).
    let start = clock.now
    if baseline {
        // Build the input and scan it once.
        var lines = 0
        for byte in input where byte == 0x0A || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "|") { lines &+= 1 }
        outcome = "scanned (\(lines))"
    } else {
        do {
            let source = try ImportSourceLoader.load(bytes: input, name: shape.name)
            let result = try ReportImporter.import(source, options: ImportOptions(year: 2021, agency: "某局", partial: true))
            outcome = "imported, \(result.problems.count) problems"
        } catch let error as ImportError {
            outcome = "refused: " + String(error.description.prefix(40))
        } catch {
            outcome = "refused: " + String("\(error)".prefix(40))
        }
    }
    let elapsed = clock.now - start
    let c = elapsed.components
    let ms = Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    print("\(ms)\t\(inputBytes)\t\(outcome)")
}

struct ImportBoundsShape: Sendable {
    let name: String
    let make: @Sendable () -> [UInt8]

    static func repeated(_ head: String, _ unit: String, _ tail: String, count: Int) -> [UInt8] {
        var bytes = Array(head.utf8)
        let u = Array(unit.utf8)
        bytes.reserveCapacity(bytes.count + u.count * count + tail.utf8.count)
        for _ in 0..<count { bytes += u }
        return bytes + Array(tail.utf8)
    }

    static func toSize(_ head: String, _ unit: String, _ tail: String, bytes: Int) -> [UInt8] {
        repeated(head, unit, tail, count: bytes / unit.utf8.count)
    }

    static let page = "<html><head><title>2021年某局政府信息公开工作年度报告</title></head><body><table>"
    static let fifteenMB = 15 * 1024 * 1024

    static let all: [ImportBoundsShape] = [
        ImportBoundsShape(name: "spans 60×1000×1000 (2 KB)") { repeated(page, "<td rowspan=1000 colspan=1000>1", "</table>", count: 60) },
        ImportBoundsShape(name: "spans rowspan=3 (15 MB)") { toSize(page, "<tr><td rowspan=3 colspan=2>1<td>2", "</table>", bytes: fifteenMB) },
        ImportBoundsShape(name: "wide row 40,000 cells") { repeated(page + "<tr>", "<td>1", "</table>", count: 40_000) },
        ImportBoundsShape(name: "wide rows 500 cells (15 MB)") {
            toSize(page, "<tr>" + String(repeating: "<td>1", count: 500), "</table>", bytes: fifteenMB)
        },
        ImportBoundsShape(name: "rows 40,000") { repeated(page, "<tr><td>规章<td>1<td>2<td>3", "</table>", count: 40_000) },
        ImportBoundsShape(name: "rows (15 MB)") { toSize(page, "<tr><td>规章<td>1<td>2<td>3", "</table>", bytes: fifteenMB) },
        ImportBoundsShape(name: "nested tables 40,000") { repeated(page, "<table><tr><td>", "", count: 40_000) },
        ImportBoundsShape(name: "nested tables (15 MB)") { toSize(page, "<table><tr><td>", "", bytes: fifteenMB) },
        ImportBoundsShape(name: "paragraphs (15 MB)") { toSize("<html><body>", "<p>一、总体情况", "", bytes: fifteenMB) },
        ImportBoundsShape(name: "one-line prose (15 MB)") {
            toSize("某某局2025年政府信息公开工作年度报告 ", "本机关认真贯彻落实条例，政府信息公开工作有序开展，", "", bytes: fifteenMB)
        },
        ImportBoundsShape(name: "one-line headings (15 MB)") {
            toSize("某某局2025年政府信息公开工作年度报告 ", "一、总体情况 二、主动公开政府信息情况 规章0 8729 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量1210000013 ", "", bytes: fifteenMB)
        },
        ImportBoundsShape(name: "one-line digit run (15 MB)") {
            toSize("某某局2025年政府信息公开工作年度报告 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量", "1234567890", " 四、", bytes: fifteenMB)
        },
        // Just under the longest line accepted (ImportLimits.maxLineBytes): the worst that is read.
        ImportBoundsShape(name: "one-line headings (512 KiB, just under the line limit)") {
            toSize("某某局2025年政府信息公开工作年度报告 ", "一、总体情况 二、主动公开政府信息情况 规章0 8729 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量1210000013 ", "", bytes: 520_000)
        },
        ImportBoundsShape(name: "one-line digit run (512 KiB, just under the line limit)") {
            toSize("某某局2025年政府信息公开工作年度报告 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量", "1234567890", " 四、", bytes: 520_000)
        },
        ImportBoundsShape(name: "pipes (15 MB)") { toSize("", "|", "", bytes: fifteenMB) },
        ImportBoundsShape(name: "pipe rows (15 MB)") { toSize("", "| 规章 | 1 | 2 | 3 |\n", "", bytes: fifteenMB) },
        ImportBoundsShape(name: "docx zip bomb (64 MiB of XML)") {
            let xml = Array(("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                + String(repeating: " ", count: ImportLimits.maxDocxPartBytes) + "</w:t></w:r></w:p></w:body></w:document>").utf8)
            return DocxPackage.package(parts: [(DocxPackage.mainPart, xml)])
        },
        ImportBoundsShape(name: "docx table rows (15 MB XML)") {
            let row = "<w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
            let xml = toSize("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl>",
                             row, "</w:tbl></w:body></w:document>", bytes: fifteenMB)
            return DocxPackage.package(parts: [(DocxPackage.mainPart, xml)])
        },
    ]
}

/// Runs `nianbao-bench import-bounds-child NAME` and returns its time, input size, outcome and peak RSS.
private func runShapeChild(_ name: String, baseline: Bool) -> (milliseconds: Double, inputBytes: Int, outcome: String, peakMB: Double)? {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    let arguments = ["/proc/self/exe", "import-bounds-child", name] + (baseline ? ["baseline"] : [])
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nil, &argv, environ)
    close(fds[1])
    guard spawned == 0 else {
        close(fds[0])
        return nil
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress!, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        output += buffer[0..<n]
    }
    close(fds[0])
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let fields = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines).split(separator: "\t", maxSplits: 2)
    guard status == 0, fields.count == 3, let ms = Double(fields[0]), let bytes = Int(fields[1]) else { return nil }
    return (ms, bytes, String(fields[2]), Double(usage.ru_maxrss) / 1024)
}

private func fixed(_ value: Double) -> String { String(describing: (value * 10).rounded() / 10) }
private func mib(_ bytes: Int) -> String {
    bytes >= 1024 * 1024 ? "\(fixed(Double(bytes) / 1048576)) MiB" : "\(fixed(Double(bytes) / 1024)) KiB"
}
private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}
