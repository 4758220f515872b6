import ArgumentParser
import NianbaoCore

/// `nianbao check`: validates one file or thousands.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查年度报告：表内勾稽关系、空白单元格、格式版本等全部规则。",
        discussion: """
            退出码：0 = 没有阻止提交的问题（警告和提示不阻止）；1 = 有错误或未填的单元格；2 = 有文件无法读取。

            示例：
              nianbao check 2025.json
              nianbao check 2025.json --previous 2024.json
              nianbao check reports/*.json --format json > findings.json
            """
    )

    @Argument(help: "一个或多个报告文件（.json）。")
    var files: [String]

    @Option(help: "上一年度的报告文件，用于跨年度核对（上年结转、现行有效件数等）。")
    var previous: String?

    @Option(help: "输出格式：text（按部分分组的中文说明）或 json（一份机器可读文档）。")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        try reportingFailures { try checkAll() }
    }

    private func checkAll() throws {
        var lastYear: Report?
        if let previous {
            do {
                lastYear = try ReportFile.load(path: previous)
            } catch {
                throw CommandFailure(code: 2, message: "上一年度报告无法读取：\(error.description)")
            }
        }
        let text = format == .text
        let previousYear = lastYear
        let checked = ParallelMap.map(files) { path in
            var result = CheckResult.check(path: path, previous: previousYear)
            if !text { result.digest = result.report.map(ReportFile.digest) }
            return (result, text ? TextReport.render(result) : "")
        }
        let results = checked.map(\.0)
        let out = OutputBuffer()
        for (_, rendered) in checked { out.write(rendered) }
        if format == .text {
            if files.count > 1 { out.write(TextReport.summary(results)) }
        } else {
            out.write(PrettyCanonicalWriter.string(JSONReport.render(results, previous: previous)))
        }
        out.flush()
        let code = results.map(\.exitCode).max() ?? 0
        if code != 0 { throw ExitCode(code) }
    }
}

/// The outcome of checking one file.
struct CheckResult: Sendable {
    let path: String
    let report: Report?
    let error: ReportFileError?
    let findings: [Finding]
    let previousMismatch: String?
    /// The content hash, computed only for JSON output.
    var digest: String?

    static func check(path: String, previous: Report?) -> CheckResult {
        do {
            let report = try ReportFile.load(path: path)
            var mismatch: String?
            if let previous, previous.year != report.year - 1 {
                mismatch = "上一年度报告是 \(previous.year) 年度的，而本报告是 \(report.year) 年度；跨年度核对仍按所给文件进行。"
            }
            return CheckResult(path: path, report: report, error: nil,
                               findings: Validator.validate(report, previous: previous), previousMismatch: mismatch)
        } catch {
            return CheckResult(path: path, report: nil, error: error, findings: [], previousMismatch: nil)
        }
    }

    /// 2 unreadable, 1 blocking findings, 0 otherwise.
    var exitCode: Int32 {
        if error != nil { return 2 }
        return findings.contains { $0.severity.blocksSubmission } ? 1 : 0
    }
}

/// Buffered stdout, so thousands of results are not written line by line.
final class OutputBuffer {
    private var bytes: [UInt8] = []

    func write(_ text: String) {
        bytes += text.utf8
        if bytes.count > 1 << 16 { flush() }
    }

    func flush() {
        guard !bytes.isEmpty else { return }
        Console.output(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
