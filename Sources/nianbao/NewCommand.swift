import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NianbaoCore

/// `nianbao new`: writes an empty draft.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建一份空白年度报告草稿。",
        discussion: """
            年度决定格式版本：2019、2020 年度用 2019 版（国办公开办函〔2019〕60号），2021 年度起用 2021 版（国办公开办函〔2021〕30号）。
            用 --form 可以明确指定版本（与年度不符时会提示）。

            示例：
              nianbao new --year 2025 --agency 某某市水利局 -o 2025.json
              nianbao new --year 2020 --form 2019 --agency 某某镇人民政府 --scope agency -o 2020.json
              nianbao new --from 2024.json -o 2025.json
              nianbao new --from 2024.json --copy-text -o 2025.json

            --from 上一年度的报告：机关名称和报告范围沿用；三、二（上年结转）各列取上年的 四（结转下年度继续办理）；
            二、第二十条第（一）项 现行有效件数 先填上年的数（作为起点，请按本年制发、废止修改）。
            正文默认留空；加 --copy-text 时复制上年的前言、正文和落款机关供修改，并在文件中记下上年文件的摘要，
            以便之后的检查发现未改动的照抄内容。
            """
    )

    @Option(help: "报告年度，如 2025（用 --from 时默认为上年报告的下一年）。")
    var year: Int?

    @Option(help: "格式版本：2019 或 2021（默认按年度确定）。")
    var form: String?

    @Option(help: "机关名称（用 --from 时默认沿用上年）。")
    var agency: String?

    @Option(help: "报告范围：agency（本机关）或 government（本级政府汇总）。")
    var scope: String?

    @Option(help: "上一年度的报告文件：从它开始本年的草稿。")
    var from: String?

    @Flag(help: "与 --from 一起使用：复制上年的前言、正文和落款机关，供修改。")
    var copyText = false

    @Option(name: .shortAndLong, help: "输出文件。")
    var output: String

    @Flag(help: "覆盖已存在的文件。")
    var force = false

    func run() throws {
        try reportingFailures { try create() }
    }

    private func create() throws {
        let report: Report
        if let from {
            let last: Report
            do { last = try ReportFile.load(path: from) } catch {
                throw CommandFailure(code: 2, message: "上一年度报告无法读取：\(error.description)")
            }
            report = try Self.draft(from: last, year: year, form: form, agency: agency, scope: scope, copyText: copyText)
        } else {
            if copyText { throw CommandFailure(code: 2, message: "--copy-text 只能与 --from 一起使用。") }
            guard let year else { throw CommandFailure(code: 2, message: "请用 --year 指定报告年度（或用 --from 从上年报告开始）。") }
            guard let agency else { throw CommandFailure(code: 2, message: "请用 --agency 指定机关名称。") }
            report = try Self.makeDraft(year: year, form: form, agency: agency, scope: scope ?? "agency")
        }
        if !force, FileManager.default.fileExists(atPath: output) {
            throw CommandFailure(code: 2, message: "\(output)：文件已存在。如需覆盖，请加 --force。")
        }
        do {
            try AtomicFileWriter.write(ReportFile.encode(report), to: output)
        } catch {
            throw CommandFailure(code: 2, message: "\(error)")
        }
        print("已创建 \(TerminalSafe.sanitize(output))：\(TerminalSafe.sanitize(report.agency)) \(report.year) 年度（\(report.form.displayName)格式）。")
    }

    /// This year's draft from last year's report: agency and scope carried, 上年结转 from last
    /// year's 结转下年度, 现行有效件数 from last year's as the starting point; text copied
    /// (and marked with last year's digest) only when asked.
    static func draft(from last: Report, year: Int?, form: String?, agency: String?, scope: String?,
                      copyText: Bool) throws -> Report {
        var report = try makeDraft(year: year ?? last.year + 1, form: form, agency: agency ?? last.agency,
                                   scope: scope ?? last.scope.rawValue)
        let def = report.definition
        for column in def.table(.t3).blocks[0].columns {
            let from = CellRef(table: .t3, row: "r4", column: column.id)
            let to = CellRef(table: .t3, row: "r2", column: column.id)
            guard let source = last.definition.index(of: from), let target = def.index(of: to),
                  !def.cells[target].isComputed else { continue }
            report.cells[target] = last.cells[source]
        }
        for row in ["reg", "norm"] {
            let ref = CellRef(table: .t2, row: row, column: "valid")
            guard let source = last.definition.index(of: ref), let target = def.index(of: ref) else { continue }
            report.cells[target] = last.cells[source]
        }
        if copyText {
            report.texts = last.texts
            report.preface = last.preface
            report.signOff = last.signOff.map { SignOff(agency: $0.agency, date: nil) }
            report.origin.copiedTextFrom = ReportFile.digest(last)
        }
        report.fillComputed()
        return report
    }

    /// A blank draft for the given metadata, or a clear refusal.
    static func makeDraft(year: Int, form: String?, agency: String, scope: String) throws -> Report {
        let expected: FormVersion
        do {
            expected = try FormVersion.expected(forYear: year)
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
        var version = expected
        if let form {
            guard let chosen = FormVersion(rawValue: form.hasPrefix("v") ? String(form.dropFirst()) : form) else {
                throw CommandFailure(code: 2, message: FormVersionError.unknownForm(form).description)
            }
            version = chosen
            if chosen != expected {
                Console.error("提示：\(year) 年度通常使用 \(expected.displayName)格式，已按要求使用 \(chosen.displayName)。\n")
            }
        }
        let name = String(agency.trimmingAllSpace)
        guard !name.isEmpty else { throw CommandFailure(code: 2, message: "机关名称不能为空（--agency）。") }
        guard let reportScope = ReportScope(rawValue: scope) else {
            throw CommandFailure(code: 2, message: "未知的报告范围 “\(scope)”：应为 agency（本机关）或 government（本级政府汇总）。")
        }
        return Report(agency: name, year: year, form: version, scope: reportScope)
    }
}

/// A failure with a Chinese message and a specific exit code.
struct CommandFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { message }
}

/// Runs `body`, turning a `CommandFailure` into its message on stderr and its exit code.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CommandFailure {
        Console.error("nianbao: \(TerminalSafe.sanitizeKeepingNewlines(failure.message))\n")
        throw ExitCode(failure.code)
    }
}
