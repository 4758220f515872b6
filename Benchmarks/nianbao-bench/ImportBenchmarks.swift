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
    runLargeInputBenchmarks()
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

/// Issue 11's speed target: any 200 KB input imported in under 10 ms in process. One generated
/// report per published shape, made ~200 KB the way real pages are: a long narrative (sections
/// 一, 五 and 六 of a few hundred paragraphs), page chrome around the body (breadcrumbs, menus,
/// related links, the site footer; markup and scripts on an HTML page), on one line for crawled
/// text. Each input is imported warm, the median of several runs is printed beside a baseline
/// measured in the same run on the same bytes (one pass counting `|`, newlines and `<`), and the
/// thread's CPU time beside it (the machine is shared: wall time swings with its load), with
/// the cells read — the same count as the unpadded report's, so the padding changed no result —
/// and the CPU time of importing the unpadded report (what the tables cost whatever the size:
/// the digit-run solver's search on a run-together table).
/// `nianbao-bench import-large [SHAPE-PREFIX [RUNS]]` runs these alone (for profiling one shape).
func runLargeInputBenchmarks(runs: Int = 7, only: String? = nil) {
    let clock = ContinuousClock()
    func ms(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
    }
    print("import, 200 KB inputs by shape (median of \(runs) warm runs in process); target < 10 ms each")
    print("  shape                              KB   import ms    cpu ms   scan ms   × scan   × target   unpadded cpu   cells (unpadded)")
    var worst = 0.0
    var worstName = ""
    for input in LargeInput.all() where only.map({ input.name.hasPrefix($0) }) ?? true {
        let bytes = Array(input.text.utf8)
        let options = ImportOptions(partial: true)
        var cells = -1
        var refusal = ""
        do {
            cells = try ReportImporter.import(bytes: bytes, options: options).report.cells.filter { !$0.isEmpty }.count
        } catch {
            refusal = " refused: " + String(error.description.prefix(60))
        }
        let plain = (try? ReportImporter.import(text: input.unpadded, options: options))?.report.cells.filter { !$0.isEmpty }.count ?? -1
        var times: [Double] = []
        var cpu: [Double] = []
        var scans: [Double] = []
        var unpaddedCPU: [Double] = []
        let unpaddedBytes = Array(input.unpadded.utf8)
        var sum = 0
        for _ in 0..<runs {
            let start = clock.now
            let cpuStart = threadCPUMilliseconds()
            _ = try? ReportImporter.import(bytes: bytes, options: options)
            cpu.append(threadCPUMilliseconds() - cpuStart)
            times.append(ms(clock.now - start))
            let plainStart = threadCPUMilliseconds()
            _ = try? ReportImporter.import(bytes: unpaddedBytes, options: options)
            unpaddedCPU.append(threadCPUMilliseconds() - plainStart)
            let scanStart = clock.now
            for b in bytes where b == 0x7C || b == 0x0A || b == 0x3C { sum &+= 1 }
            scans.append(ms(clock.now - scanStart))
        }
        let t = median(times), s = median(scans)
        if t > worst { worst = t; worstName = input.name }
        let name = input.name.padding(toLength: 32, withPad: " ", startingAt: 0)
        print("  \(name) \(padLeft(String(bytes.count / 1000), 5)) \(padLeft(format(t), 11)) \(padLeft(format(median(cpu)), 9)) \(padLeft(format(s), 9)) \(padLeft(format(t / max(s, 1e-9)), 8)) \(padLeft(format(t / 10), 10)) \(padLeft(format(median(unpaddedCPU)), 11))   \(cells) (\(plain))\(sum == 0 ? " (empty)" : "")\(cells == plain ? "" : " — DIFFERS")\(refusal)")
    }
    print("  worst: \(format(worst)) ms (\(worstName)) — target < 10 ms: \(worst < 10 ? "met" : "NOT met")")
}

/// CPU time of the calling thread (what a busy shared machine does not inflate as it does wall time).
private func threadCPUMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

private func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
}

/// A ~200 KB input in one published shape, and the same report without padding.
struct LargeInput {
    let name: String
    let text: String
    let unpadded: String

    static let target = 200_000

    /// Breadcrumbs, menus, share buttons, related links and the site footer of a CMS page, as text
    /// lines. None names 信息公开 or 年度报告: a short line such as `首页 > 政务公开 > 政府信息公开年报`
    /// is read as the report's title today (a metadata question, not a speed one).
    static let chromeLines = [
        "首页 > 政务公开 > 年报专栏 > 部门", "分享到： 微信 微博 QQ空间", "字号：大 中 小 打印本页 关闭窗口",
        "发布时间：2022-01-20 10:31 来源：办公室 浏览次数：1024", "相关链接：国务院 省政府 市政府 区县政府 部门网站",
        "主办单位：某某市人民政府办公室 承办单位：某某市大数据中心", "网站标识码：3301000001 浙ICP备05001234号 浙公网安备 33010002000001号",
        "公开指南 公开制度 法定主动公开内容 年报 依申请公开", "无障碍浏览 长者模式 English 繁體",
    ]

    /// Long narrative, in paragraphs, as real reports print it (numbers, dates, cited documents, sub-headings).
    static func narrative(seed: UInt64, bytes: Int) -> String {
        var g = SampleReports.Generator(seed: seed)
        let openings = ["本机关坚持以公开为常态、不公开为例外，", "按照《中华人民共和国政府信息公开条例》要求，", "围绕中心工作，",
                        "为进一步提升政务公开质量，", "全年", "在主动公开方面，", "在依申请公开方面，", "结合“放管服”改革，"]
        let middles = ["通过门户网站主动公开政府信息", "更新政策解读材料", "办理政府信息公开申请", "组织政务公开专题培训",
                       "召开新闻发布会", "回应社会关切", "发布政策问答", "维护政府信息公开专栏"]
        let units = ["条", "件", "次", "场", "篇"]
        let closings = ["，公开内容覆盖机构职能、规划计划、财政资金等重点领域。", "，做到应公开尽公开。", "，群众满意度明显提升。",
                        "，同比增长百分之十二。", "，均在法定期限内答复。", "，未发生泄密事件。"]
        let subheadings = ["（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理", "（四）平台建设", "（五）监督保障"]
        var paragraphs: [String] = []
        var size = 0
        while size < bytes {
            var p = ""
            if Int.random(in: 0..<8, using: &g) == 0 { p = subheadings.randomElement(using: &g)! + "。" }
            for _ in 0..<Int.random(in: 2...6, using: &g) {
                p += openings.randomElement(using: &g)! + middles.randomElement(using: &g)!
                p += String(Int.random(in: 1...9999, using: &g)) + units.randomElement(using: &g)! + closings.randomElement(using: &g)!
            }
            if Int.random(in: 0..<10, using: &g) == 0 { p += "（发布日期：\(Int.random(in: 2019...2025, using: &g))年\(Int.random(in: 1...12, using: &g))月\(Int.random(in: 1...28, using: &g))日）" }
            paragraphs.append(p)
            size += p.utf8.count + 1
        }
        return paragraphs.joined(separator: "\n")
    }

    /// `report` with long sections 一, 五, 六 (together about `bytes`).
    static func long(_ report: Report, bytes: Int) -> Report {
        var report = report
        report.texts[.s1] = narrative(seed: 1, bytes: bytes * 6 / 10)
        report.texts[.s5] = narrative(seed: 5, bytes: bytes * 2 / 10)
        report.texts[.s6] = narrative(seed: 6, bytes: bytes * 2 / 10)
        return report
    }

    /// The chrome as lines (for text shapes) until `bytes`.
    static func chromeText(_ bytes: Int, separator: String) -> String {
        var parts: [String] = []
        var size = 0
        var k = 0
        while size < bytes {
            let line = chromeLines[k % chromeLines.count]
            parts.append(line)
            size += line.utf8.count + separator.utf8.count
            k += 1
        }
        return parts.joined(separator: separator)
    }

    /// A text shape at ~200 KB: a long report with page chrome (about a tenth) before and after it;
    /// on one line, the chrome after the body shares its line (the chrome before it stays on lines of
    /// its own: on the same line it hides the title today). PDF text has page footers, not chrome.
    static func textShape(_ shape: PublishedShape, seed: UInt64, form: FormVersion) -> LargeInput {
        let report = PublishedShapes.report(seed: seed, form: form)
        let plain = PublishedShapes.render(report, as: shape, seed: seed)
        let pdf = shape == .pdfText || shape == .pdfTextT4Blocks
        let chrome = pdf ? 0 : target / 20
        let body = PublishedShapes.render(long(report, bytes: target - 2 * chrome - plain.utf8.count), as: shape, seed: seed)
        let oneLine = shape.base == .oneLineSpaced || shape.base == .oneLineRunTogether
        let text: String
        if pdf {
            text = body
        } else if oneLine {
            text = chromeText(chrome, separator: "\n") + "\n" + body.replacingOccurrences(of: "\n", with: " ") + " " + chromeText(chrome, separator: " ") + "\n"
        } else {
            text = chromeText(chrome, separator: "\n") + "\n" + body + "\n" + chromeText(chrome, separator: "\n") + "\n"
        }
        return LargeInput(name: "\(shape.rawValue) \(form == .v2019 ? "2019" : "2021")", text: text, unpadded: plain)
    }

    /// A CMS web page: the exported report's markup inside a site's header, menus, scripts and footer.
    static func htmlPage(seed: UInt64, form: FormVersion) -> LargeInput {
        let report = PublishedShapes.report(seed: seed, form: form)
        let plain = ReportExporter.html(report)
        var chrome = "<div class=\"header\"><div class=\"logo\"><img src=\"/images/logo.png\" alt=\"某某市人民政府\"></div><ul class=\"nav\">"
        for (k, item) in ["首页", "政务公开", "政务服务", "互动交流", "走进某某", "专题专栏"].enumerated() {
            chrome += "<li class=\"nav-item\"><a href=\"/col/col\(1000 + k)/index.html\" target=\"_blank\" title=\"\(item)\">\(item)</a></li>"
        }
        chrome += "</ul></div>\n<div class=\"crumbs\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/col/col1001/\">政务公开</a> &gt; 政府信息公开年报</div>\n"
        chrome += "<script type=\"text/javascript\">var _hmt = _hmt || []; (function() { var hm = document.createElement(\"script\"); hm.src = \"https://hm.example.com/hm.js?abc\"; var s = document.getElementsByTagName(\"script\")[0]; s.parentNode.insertBefore(hm, s); if (a < b && c > d) { s.id = '<td>'; } })();</script>\n"
        var footer = "<div class=\"related\"><h3>相关链接</h3><ul>"
        for k in 0..<40 { footer += "<li><a href=\"http://www.example.gov.cn/site\(k)/\">某某县人民政府门户网站\(k)</a></li>" }
        footer += "</ul></div>\n<div class=\"footer\"><p>主办单位：某某市人民政府办公室&nbsp;&nbsp;承办单位：某某市大数据发展管理局</p><p>网站标识码：3301000001&nbsp;浙ICP备05001234号</p></div>\n"
        var padded = chrome
        var tail = ""
        while padded.utf8.count + tail.utf8.count < target / 10 { padded += chrome; tail += footer }
        let body = ReportExporter.html(long(report, bytes: target - padded.utf8.count - tail.utf8.count - plain.utf8.count))
        let text = body.replacingOccurrences(of: "<body>\n", with: "<body>\n" + padded)
            .replacingOccurrences(of: "</body>", with: tail + "</body>")
        return LargeInput(name: "html page \(form == .v2019 ? "2019" : "2021")", text: text, unpadded: plain)
    }

    static func all() -> [LargeInput] {
        var inputs: [LargeInput] = []
        for (k, shape) in PublishedShape.allCases.enumerated() {
            inputs.append(textShape(shape, seed: UInt64(k), form: k % 2 == 0 ? .v2021 : .v2019))
        }
        inputs.append(htmlPage(seed: 3, form: .v2021))
        inputs.append(htmlPage(seed: 4, form: .v2019))
        return inputs
    }
}
