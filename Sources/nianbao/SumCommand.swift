#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NianbaoCore

/// `nianbao sum`: the 本级政府汇总 draft from the units' reports.
struct Sum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sum",
        abstract: "把各单位同一年度、同一格式的报告逐格相加，生成本级政府汇总报告草稿。",
        discussion: """
            纳入哪些单位必须明确：给出文件、文件夹或文件列表（--files-from）；给出 --roster 时只纳入名单上的单位，
            名单上没有报告的单位和不在名单上的报告都会列出。任一单位未填的单元格不按 0 相加，汇总结果留空，
            并在文件中记下哪些单位未填。规章由本级政府制定，默认不从部门报告相加（该行留空待填），需要时加 --include-regulations。
            不同年度或不同格式的报告不能汇总。生成的草稿用 nianbao edit 打开补全文字部分。

            示例：
              nianbao sum 各单位/2025 --agency 某某县人民政府 -o 县政府2025汇总.json
              nianbao sum 各单位/2025 --roster 应报单位.csv --agency 某某县人民政府 -o 汇总.json
            """
    )

    @Argument(help: "各单位的报告文件或文件夹。")
    var files: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp("从文件读取单位报告列表（每行一个，或以 NUL 分隔）；- 表示标准输入。", valueName: "文件|-"))
    var filesFrom: String?

    @Option(help: ArgumentHelp("应报单位名单（CSV 或 TSV）：只纳入名单上的单位。", valueName: "名单"))
    var roster: String?

    @Option(help: "汇总报告的机关名称，如 某某县人民政府。")
    var agency: String

    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件。", valueName: "文件"))
    var output: String

    @Flag(name: .customLong("include-regulations"), help: "规章一行也从各单位相加（默认不加：规章由本级政府制定）。")
    var includeRegulations = false

    @Flag(help: "覆盖已存在的输出文件。")
    var force = false

    static let grammar = OperandPrescan.Grammar(
        command: "sum",
        valued: ["--files-from", "--roster", "--agency", "--output", "-o"],
        flags: ["--include-regulations", "--force"]
    )

    func run() throws { try execute(operands: files) }

    func execute(operands: [String]) throws {
        try reportingFailures { try sumAll(operands: operands) }
    }

    private func sumAll(operands: [String]) throws {
        var roots = operands
        if let filesFrom {
            do { roots += try FileList.read(filesFrom) } catch { throw CommandFailure(code: 2, message: error.message) }
        }
        guard !roots.isEmpty else {
            throw CommandFailure(code: 2, message: "没有给出要汇总的单位报告：请给出文件、文件夹，或用 --files-from 给出文件列表。")
        }
        let name = String(agency.trimmingAllSpace)
        guard !name.isEmpty else { throw CommandFailure(code: 2, message: "机关名称不能为空（--agency）。") }
        if !force, access(output, F_OK) == 0 {
            throw CommandFailure(code: 2, message: "\(output)：文件已存在。如需覆盖，请加 --force。")
        }
        var filter: UnitBatch.Filter?
        if let roster {
            filter = UnitBatch.Filter(roster: try RosterFile.load(roster))
        }
        let batch = try UnitBatch.accumulate(ReportWalker.expand(roots), filter: filter)
        let draft: GovernmentSum
        do {
            draft = try GovernmentSum.make(from: batch.sum, agency: name, includeRegulations: includeRegulations)
        } catch {
            throw CommandFailure(code: 2, message: error.message)
        }
        let report = draft.report
        do {
            try AtomicFileWriter.write(ReportFile.encode(report), to: output)
        } catch {
            throw CommandFailure(code: 2, message: "\(error)")
        }
        var lines = ["已生成 \(TerminalSafe.sanitize(output))：\(TerminalSafe.sanitize(name)) \(report.year) 年度（\(report.form.displayName)，本级政府汇总），汇总了 \(draft.units.count) 个单位的报告。"]
        if !draft.blanks.isEmpty {
            lines.append("  \(draft.blanks.count) 个单元格有单位未填，汇总结果留空（不按 0 计算）；用 nianbao check 查看，单位名单记在文件中。")
        }
        if !draft.overflowed.isEmpty {
            lines.append("  \(draft.overflowed.count) 个单元格的和超出上限，留空：\(draft.overflowed.joined(separator: "、"))。")
        }
        if !draft.notSummed.isEmpty {
            lines.append("  规章一行未从各单位相加（规章由本级政府制定），请本级政府填写；需要相加时加 --include-regulations。")
        }
        lines += batch.notes.map { "  " + TerminalSafe.sanitize($0) }
        print(lines.joined(separator: "\n"))
    }
}

/// Units' reports read in parallel and added in input order.
enum UnitBatch {
    /// Keeps only the reports of roster units.
    struct Filter {
        let roster: Roster
    }

    struct Result {
        var sum: SumAccumulator
        /// What was left out or could not be matched, in Chinese.
        var notes: [String]
    }

    /// Adds every readable report in `inputs`; an unreadable unit report, or mixed years or forms, refuses the whole sum.
    static func accumulate(_ inputs: [BatchInput], filter: Filter? = nil) throws -> Result {
        var sum: SumAccumulator?
        var failure: String?
        var notes: [String] = []
        let matcher = filter.map { RosterMatcher(roster: $0.roster) }
        var matchedUnits: Set<Int> = []
        OrderedPipeline.run(count: inputs.count, { index -> Swift.Result<Report, ReportFileError> in
            switch inputs[index] {
            case .refused(let path, let reason): .failure(ReportFileError(path: path, message: reason))
            case .file(let path): Swift.Result { () throws(ReportFileError) -> Report in try BatchLoader.load(path: path) }
            }
        }, consume: { index, loaded in
            guard failure == nil else { return }
            switch loaded {
            case .failure(let error):
                failure = "单位报告无法读取：\(error.description)；汇总不完整，已停止。请修正或把它移出所给的文件夹。"
            case .success(let report):
                var unit = report.agency
                if let matcher {
                    switch matcher.match(report.agency) {
                    case .unit(let u, _):
                        if !matchedUnits.insert(u).inserted {
                            failure = "名单上的“\(matcher.roster.units[u].name)”有不止一份报告（\(inputs[index].path) 是又一份）：不能重复汇总。"
                            return
                        }
                        unit = matcher.roster.units[u].name
                    case .ambiguous(let candidates):
                        failure = "“\(report.agency)”（\(inputs[index].path)）与名单上的多个单位都可能对应（\(candidates.map { matcher.roster.units[$0].name }.joined(separator: "、"))）：请在名单或报告中写明全称。"
                        return
                    case .none:
                        notes.append("不在名单上，未汇总：\(report.agency)（\(inputs[index].path)）")
                        return
                    }
                }
                if sum == nil { sum = SumAccumulator(form: report.form, year: report.year) }
                do {
                    try sum!.add(report, unit: unit)
                } catch {
                    failure = "\((error as? SumRefusal)?.message ?? "\(error)")（\(inputs[index].path)）"
                }
            }
        })
        if let failure { throw CommandFailure(code: 2, message: failure) }
        guard let sum else { throw CommandFailure(code: 2, message: SumRefusal.noUnits.message) }
        if let matcher {
            let missing = matcher.roster.units.indices.filter { !matchedUnits.contains($0) }.map { matcher.roster.units[$0].name }
            if !missing.isEmpty {
                notes.append("名单上 \(missing.count) 个单位没有报告，未纳入汇总：\(missing.joined(separator: "、"))")
            }
        }
        return Result(sum: sum, notes: notes)
    }
}

