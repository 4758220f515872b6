import ArgumentParser
import NianbaoCore

/// `nianbao diff LAST.json THIS.json [--format text|markdown|html|json] [-o OUT]`
struct Diff: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html, json
    }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "与上一年度报告逐项对比：单元格变化、审核常用比率、文字雷同比例和跨年度检查。",
        discussion: """
        列出两年都有的单元格及其变化；实质公开率、无法提供占比、不予处理占比、结转率、复议和诉讼纠错率
        及其变化（增长超过 5 倍或降到 0.2 倍以下标为“变化异常”）；一、五、六 与上一年度相同文字的比例
        （年份和数字不计，标出相同段落）；跨年度检查 T3-6、T2b-2、T2a-3、T2a-6、X-7。
        两份报告不是同一单位或不是相邻年度时给出提示。

        示例：
          nianbao diff 2024.json 2025.json
          nianbao diff 2024.json 2025.json --format html -o 对比.html
        """
    )

    @Argument(help: ArgumentHelp("上一年度报告 JSON 文件。", valueName: "上年"))
    var last: String

    @Argument(help: ArgumentHelp("本年度报告 JSON 文件。", valueName: "本年"))
    var this: String

    @Option(help: ArgumentHelp("输出格式：text、markdown、html 或 json。", valueName: "格式"))
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("输出文件（默认写到标准输出）。", valueName: "输出"))
    var output: String?

    func run() throws {
        func load(_ path: String) throws -> Report {
            do {
                return try ReportFile.decode(try ImportExportFiles.read(path), path: path)
            } catch {
                ImportExportFiles.printError("无法读取报告 \(path)：\(error)")
                throw ExitCode(2)
            }
        }
        let comparison = YearOverYear(previous: try load(last), report: try load(this))
        let text: String
        switch format {
        case .text: text = output == nil ? TerminalSafe.sanitizeKeepingNewlines(comparison.text()) : comparison.text()
        case .markdown: text = comparison.markdown()
        case .html: text = comparison.html()
        case .json: text = comparison.json()
        }
        do {
            try ImportExportFiles.write(Array(text.utf8), to: output)
        } catch {
            ImportExportFiles.printError("\(error)")
            throw ExitCode(2)
        }
    }
}
