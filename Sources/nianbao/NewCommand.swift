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
            """
    )

    @Option(help: "报告年度，如 2025。")
    var year: Int

    @Option(help: "格式版本：2019 或 2021（默认按年度确定）。")
    var form: String?

    @Option(help: "机关名称。")
    var agency: String

    @Option(help: "报告范围：agency（本机关）或 government（本级政府汇总）。")
    var scope: String = "agency"

    @Option(name: .shortAndLong, help: "输出文件。")
    var output: String

    @Flag(help: "覆盖已存在的文件。")
    var force = false

    func run() throws {
        try reportingFailures { try create() }
    }

    private func create() throws {
        let report = try Self.makeDraft(year: year, form: form, agency: agency, scope: scope)
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
