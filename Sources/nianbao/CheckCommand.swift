#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NianbaoCore
import Synchronization

/// `nianbao check`: validates one file or a whole province's reports.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查年度报告：表内勾稽关系、空白单元格、格式版本等全部规则。",
        discussion: """
            可以给出文件、文件夹（逐层查找其中的 .json 文件，按名称排序；隐藏文件跳过）或文件列表（--files-from）。
            结果按输入顺序逐个输出；在终端上另有一行进度（输出到管道时没有）。
            检查多个文件时，最后列出各单位之间文字近乎相同的报告（与其他单位雷同，按一、五部分分组；年份、数字和固定用语不计），
            text、tsv（每个成员一行，列在各文件之后）与 json 格式都有（--summary --format tsv 除外）；--no-similarity 关闭。

            退出码：0 = 没有阻止提交的问题（警告和提示不阻止）；1 = 有错误或未填的单元格；2 = 有文件无法读取。

            示例：
              nianbao check 2025.json
              nianbao check 2025.json --previous 2024.json
              nianbao check 各单位/2025 --previous-dir 各单位/2024
              nianbao check 各单位/ --summary --format tsv > 汇总.tsv
              find 各单位 -name '*.json' -print0 | nianbao check --files-from - --errors-only
              nianbao check --children 各单位/2025 县政府2025.json
            """
    )

    @Argument(help: "报告文件或文件夹（文件夹中的 .json 文件逐层查找）。")
    var files: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp("从文件读取要检查的文件列表（每行一个，或以 NUL 分隔）；- 表示标准输入。", valueName: "文件|-"))
    var filesFrom: String?

    @Option(help: ArgumentHelp("上一年度的报告文件，用于跨年度核对（上年结转、现行有效件数等）；与本报告不是同一机关时不做跨年度核对。", valueName: "文件"))
    var previous: String?

    @Option(name: .customLong("previous-dir"), help: ArgumentHelp("上一年度报告所在的文件夹：每份报告与其中同一机关、上一年度的报告配对核对。", valueName: "文件夹"))
    var previousDir: String?

    @Option(help: ArgumentHelp("下级单位报告所在的文件夹：把所给的本级政府报告与各单位之和逐格比较（X-12）。", valueName: "文件夹"))
    var children: String?

    @Option(help: "输出格式：text（中文说明）、tsv（制表符分隔）或 json（一份机器可读文档）。")
    var format: OutputFormat = .text

    @Flag(help: "每个文件只输出一行：机关、年度、格式版本、状态、错误/未填/警告数、内容摘要。")
    var summary = false

    @Option(name: .customLong("min-severity"), help: ArgumentHelp("只列出不低于此级别的问题：error（错误）、incomplete（未填）、warning（警告）、info（提示，全部）。退出码不受影响。", valueName: "级别"))
    var minSeverity: SeverityFilter = .info

    @Flag(name: .customLong("errors-only"), help: "只列出错误（同 --min-severity error）。")
    var errorsOnly = false

    @Flag(name: .customLong("include-regulations"), help: "与 --children 一起用：规章一行也与各单位之和比较（规章由政府制定，默认不比较）。")
    var includeRegulations = false

    @Flag(name: .customLong("no-progress"), help: "不显示进度行。")
    var noProgress = false

    @Flag(name: .customLong("no-similarity"), help: "检查多个文件时不找与其他单位雷同的文字。")
    var noSimilarity = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, tsv, json
    }

    enum SeverityFilter: String, ExpressibleByArgument, CaseIterable {
        case error, incomplete, warning, info
        var severity: Severity { Severity(rawValue: rawValue)! }
    }

    /// What `check` accepts, for `OperandPrescan`.
    static let grammar = OperandPrescan.Grammar(
        command: "check",
        valued: ["--files-from", "--previous", "--previous-dir", "--children", "--format", "--min-severity"],
        flags: ["--summary", "--errors-only", "--include-regulations", "--no-progress", "--no-similarity"],
        choices: ["--format": OutputFormat.allCases.map(\.rawValue), "--min-severity": SeverityFilter.allCases.map(\.rawValue)]
    )

    func run() throws {
        try execute(operands: files)
    }

    /// Checks `operands` (files and folders) with these options.
    func execute(operands: [String]) throws {
        try reportingFailures { try checkAll(operands: operands) }
    }

    /// The severity at or above which findings are listed.
    var shownSeverity: Severity { errorsOnly ? .error : minSeverity.severity }

    static let nothingToCheck = "没有给出要检查的报告：请给出文件、文件夹，或用 --files-from 给出文件列表。"

    /// Checks the operands and the list's entries, walked lazily (`CheckInputs`) and checked on all
    /// cores with the results written in input order as they come: nothing grows with the batch.
    private func checkAll(operands: [String]) throws {
        if let children {
            var roots = operands
            if let filesFrom {
                do { roots += try FileList.read(filesFrom) } catch { throw CommandFailure(code: 2, message: error.message) }
            }
            guard !roots.isEmpty else { throw CommandFailure(code: 2, message: Self.nothingToCheck) }
            if previous != nil, previousDir != nil {
                throw CommandFailure(code: 2, message: "--previous 与 --previous-dir 只能用其一。")
            }
            try checkAgainstChildren(unitsDirectory: children, parents: roots)
            return
        }
        var list: FileList.Reader?
        if let filesFrom {
            do { list = try FileList.Reader(filesFrom) } catch { throw CommandFailure(code: 2, message: error.message) }
        }
        guard !operands.isEmpty || list != nil else { throw CommandFailure(code: 2, message: Self.nothingToCheck) }
        if operands.isEmpty, let list, list.isEmpty() {
            // An empty list, or one that could not be read before its first entry: nothing was checked.
            throw CommandFailure(code: 2, message: list.failure?.message ?? Self.nothingToCheck)
        }
        if previous != nil, previousDir != nil {
            throw CommandFailure(code: 2, message: "--previous 与 --previous-dir 只能用其一。")
        }
        let previousSource = try PreviousSource.make(file: previous, directory: previousDir)
        let options = CheckOutputOptions(format: format, summary: summary, minSeverity: shownSeverity,
                                         previousPath: previous, previousDir: previousDir,
                                         clusters: !(format == .tsv && summary) && !noSimilarity)
        let inputs = CheckInputs(operands: operands, list: list)
        let writer = CheckWriter(options: options, progress: ProgressLine.forTerminal(enabled: !noProgress),
                                 walkTotal: { inputs.total })
        OrderedPipeline.run(next: { inputs.next() }, { input in
            FileOutcome(CheckResult.check(input, previous: previousSource), options: options)
        }, consume: { _, outcome in
            writer.write(outcome)
        })
        if writer.files == 0 {
            Console.error("提示：所给文件夹中没有找到 .json 报告文件。\n")
        }
        writer.finish()
        if writer.worstExitCode != 0 { throw ExitCode(writer.worstExitCode) }
    }

    /// `--children DIR PARENT.json`: the parent report checked as usual, plus X-12 against the sum of the units.
    private func checkAgainstChildren(unitsDirectory: String, parents: [String]) throws {
        guard parents.count == 1 else {
            throw CommandFailure(code: 2, message: "--children 需要正好一份本级政府报告（现在给出了 \(parents.count) 个）。")
        }
        let units = try UnitBatch.accumulate(ReportWalker.expand([unitsDirectory]))
        let options = CheckOutputOptions(format: format, summary: summary, minSeverity: shownSeverity,
                                         previousPath: previous, previousDir: previousDir)
        let previousSource = try PreviousSource.make(file: previous, directory: previousDir)
        var result = CheckResult.check(.file(parents[0]), previous: previousSource)
        if let parent = result.report {
            do {
                let findings = try ChildrenComparison.compare(parent: parent, sum: units.sum, includeRegulations: includeRegulations)
                result.findings = (result.findings + findings).sorted(by: Finding.displayOrder)
                result.notes.append("与 \(units.sum.units.count) 个单位的报告之和逐格比较（\(TerminalSafe.sanitize(unitsDirectory))）。")
            } catch {
                throw CommandFailure(code: 2, message: error.message)
            }
        }
        let writer = CheckWriter(options: options, progress: nil)
        writer.write(FileOutcome(result, options: options))
        writer.finish()
        if writer.worstExitCode != 0 { throw ExitCode(writer.worstExitCode) }
    }
}

/// The inputs of a batch check, produced one at a time as the pipeline asks for them: the
/// operands, then the entries of the `--files-from` list, each walked (`ReportWalker.Stream`),
/// and, when the list could not be read to its end, one refused input saying so.
///
/// `next` is called by one pipeline thread at a time (`OrderedPipeline` serialises it); `total`
/// is read by the writing thread.
final class CheckInputs: @unchecked Sendable {
    private var walk: ReportWalker.Stream
    private let list: FileList.Reader?
    private var reportedFailure = false
    private let produced = Mutex<(count: Int, done: Bool)>((0, false))

    init(operands: [String], list: FileList.Reader?) {
        self.list = list
        let rest: AnyIterator<String> = list.map { reader in AnyIterator { reader.next() } } ?? AnyIterator { nil }
        var first = operands.makeIterator()
        walk = ReportWalker.Stream(AnyIterator { first.next() ?? rest.next() })
    }

    func next() -> BatchInput? {
        var input = walk.next()
        if input == nil, !reportedFailure, let list, let failure = list.failure {
            reportedFailure = true
            input = .refused(path: list.name, reason: failure.message)
        }
        produced.withLock { state in
            if input == nil { state.done = true } else { state.count += 1 }
        }
        return input
    }

    /// How many inputs there are, once the walk has found them all.
    var total: Int? { produced.withLock { $0.done ? $0.count : nil } }
}

/// The outcome of checking one file.
struct CheckResult: Sendable {
    let path: String
    var report: Report?
    var error: ReportFileError?
    var findings: [Finding]
    /// Remarks about the check itself (e.g. which last-year report was used), in Chinese.
    var notes: [String] = []
    /// How last year's report was found: `used`, `none`, `not_found`, `ambiguous`, `agency_mismatch`, `year_mismatch`.
    var previousStatus: String?
    /// The last-year file used, when one was.
    var previousPath: String?

    /// The findings with the reviewers' verdicts on them (in the findings' order).
    var reviewed: [ReviewedFinding] {
        guard let report, !report.review.notes.isEmpty else {
            return findings.map { ReviewedFinding(unreviewed: $0) }
        }
        return report.review.annotate(findings, in: report)
    }

    /// The findings with their notes when the report has notes; nil when it has none (every finding is open).
    var reviewedWhenNoted: [ReviewedFinding]? {
        guard let report, !report.review.notes.isEmpty else { return nil }
        return report.review.annotate(findings, in: report)
    }

    static func check(_ input: BatchInput, previous: PreviousSource) -> CheckResult {
        switch input {
        case .refused(let path, let reason):
            return CheckResult(path: path, report: nil, error: ReportFileError(path: path, message: reason), findings: [])
        case .file(let path):
            do {
                let report = try BatchLoader.load(path: path)
                let pairing = previous.pair(with: report)
                var result = CheckResult(path: path, report: report, error: nil,
                                         findings: Validator.validate(report, previous: pairing.report))
                result.notes = pairing.notes + summedNotes(report)
                result.previousStatus = pairing.status
                result.previousPath = pairing.path
                return result
            } catch {
                return CheckResult(path: path, report: nil, error: error, findings: [])
            }
        }
    }

    /// For a 汇总 draft: why its summed cells are what they are (from `origin.summed`).
    static func summedNotes(_ report: Report) -> [String] {
        guard let summed = report.origin.summed else { return [] }
        var parts = ["汇总草稿，由 \(summed.units.count) 个单位的报告逐格相加"]
        if !summed.blanks.isEmpty {
            parts.append("\(summed.blanks.count) 个单元格有单位未填，汇总留空（不按 0 计）")
        }
        if !summed.overflowed.isEmpty {
            parts.append("\(summed.overflowed.count) 个单元格的和超出上限而留空（\(summed.overflowed.prefix(5).joined(separator: "、"))\(summed.overflowed.count > 5 ? " 等" : "")）")
        }
        if !summed.notSummed.isEmpty {
            parts.append("规章一行 \(summed.notSummed.count) 格未从各单位相加，由本级政府填写")
        }
        return [parts.joined(separator: "；") + "。"]
    }

    /// 2 unreadable, 1 blocking findings, 0 otherwise.
    var exitCode: Int32 {
        if error != nil { return 2 }
        return findings.contains { $0.severity.blocksSubmission } ? 1 : 0
    }
}

/// Where last year's reports come from: none, one file for every input, or a folder to pair from.
enum PreviousSource: Sendable {
    case none
    case file(path: String, report: Report)
    case directory(PreviousIndex)

    static func make(file: String?, directory: String?) throws -> PreviousSource {
        if let file {
            do {
                return .file(path: file, report: try BatchLoader.load(path: file))
            } catch {
                throw CommandFailure(code: 2, message: "上一年度报告无法读取：\(error.description)")
            }
        }
        if let directory {
            let index = PreviousIndex.build(directory: directory)
            if index.count == 0 {
                throw CommandFailure(code: 2, message: "\(directory)：上一年度文件夹中没有可读的 .json 报告。")
            }
            return .directory(index)
        }
        return .none
    }

    /// Last year's report for `report`, with what the pairing found.
    func pair(with report: Report) -> PreviousPairing {
        switch self {
        case .none:
            return PreviousPairing(report: nil, path: nil, status: nil, notes: [])
        case .file(let path, let previous):
            let shown = TerminalSafe.sanitize(path)
            if !AgencyName.same(previous.agency, report.agency) {
                return PreviousPairing(report: nil, path: path, status: "agency_mismatch", notes: [
                    "上一年度报告 \(shown) 是“\(previous.agency)”的，不是本报告的机关“\(report.agency)”：未做跨年度核对。",
                ])
            }
            if previous.year != report.year - 1 {
                return PreviousPairing(report: previous, path: path, status: "year_mismatch", notes: [
                    "上一年度报告是 \(previous.year) 年度的，而本报告是 \(report.year) 年度；跨年度核对仍按所给文件进行。",
                ])
            }
            return PreviousPairing(report: previous, path: path, status: "used", notes: [])
        case .directory(let index):
            let candidates = index.paths(agency: report.agency, year: report.year - 1)
            switch candidates.count {
            case 0:
                return PreviousPairing(report: nil, path: nil, status: "not_found", notes: [
                    "上一年度文件夹中没有“\(report.agency)” \(report.year - 1) 年度的报告：未做跨年度核对。",
                ])
            case 1:
                do {
                    let previous = try BatchLoader.load(path: candidates[0])
                    guard AgencyName.same(previous.agency, report.agency), previous.year == report.year - 1 else {
                        return PreviousPairing(report: nil, path: candidates[0], status: "changed", notes: [
                            "上一年度报告 \(TerminalSafe.sanitize(candidates[0])) 在检查期间被改动：未做跨年度核对。",
                        ])
                    }
                    return PreviousPairing(report: previous, path: candidates[0], status: "used", notes: [])
                } catch {
                    return PreviousPairing(report: nil, path: candidates[0], status: "unreadable", notes: [
                        "上一年度报告无法读取：\(error.description)；未做跨年度核对。",
                    ])
                }
            default:
                let list = candidates.map { TerminalSafe.sanitize($0) }.joined(separator: "、")
                return PreviousPairing(report: nil, path: nil, status: "ambiguous", notes: [
                    "上一年度文件夹中“\(report.agency)” \(report.year - 1) 年度的报告有 \(candidates.count) 份（\(list)），无法确定用哪一份：未做跨年度核对。",
                ])
            }
        }
    }
}

/// Last year's report chosen for one file, and what was noted about it.
struct PreviousPairing {
    let report: Report?
    let path: String?
    let status: String?
    let notes: [String]
}

/// The reports of a last-year folder, by unit name key and year; only paths are kept.
struct PreviousIndex: Sendable {
    private struct Key: Hashable {
        let name: String
        let year: Int
    }

    private var byKey: [Key: [String]] = [:]

    /// How many readable reports the folder holds.
    private(set) var count = 0

    static func build(directory: String) -> PreviousIndex {
        let files = ReportWalker.expand([directory]).compactMap { input -> String? in
            if case .file(let path) = input { return path } else { return nil }
        }
        let keys = ParallelMap.map(files) { path -> (String, Int)? in
            guard let report = try? BatchLoader.load(path: path) else { return nil }
            return (AgencyName.key(report.agency), report.year)
        }
        var index = PreviousIndex()
        for (path, key) in zip(files, keys) {
            guard let key else { continue }
            index.byKey[Key(name: key.0, year: key.1), default: []].append(path)
            index.count += 1
        }
        return index
    }

    /// The files of `agency` (by name key) for `year`.
    func paths(agency: String, year: Int) -> [String] {
        byKey[Key(name: AgencyName.key(agency), year: year)] ?? []
    }
}
