import ArgumentParser
import NianbaoCore

/// `nianbao export FILE --to html|markdown|text [-o OUT]`
struct Export: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown, text
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "按官方格式导出完整年度报告：网页（HTML）、Markdown 或纯文本。",
        discussion: """
        导出标题、六个部分和三张表格，表格标签与官方格式完全一致。
        html：单个网页文件（样式内嵌），表格按官方格式合并单元格，可直接在屏幕上阅读或按 A4 打印。
        markdown：用于知识库和文档；表头层级写成“申请人情况/法人或其他组织/商业企业”。
        text：纯文本，表格按显示宽度对齐，适合终端和电子邮件。
        空白单元格导出为空白，金额按原值精确导出。

        示例：
          nianbao export 2020.json --to html -o 2020.html
          nianbao export 2020.json --to text
        """
    )

    @Argument(help: ArgumentHelp("报告 JSON 文件（- 表示标准输入）。", valueName: "文件"))
    var file: String

    @Option(name: .customLong("to"), help: ArgumentHelp("导出格式：html、markdown 或 text。", valueName: "格式"))
    var format: Format

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("输出文件（默认写到标准输出）。", valueName: "输出"))
    var output: String?

    func run() throws {
        let report: Report
        do {
            report = try ReportFile.decode(try ImportExportFiles.read(file), path: file)
        } catch {
            ImportExportFiles.printError("无法读取报告 \(file)：\(error)")
            throw ExitCode(2)
        }
        let text: String
        switch format {
        case .html: text = ReportExporter.html(report)
        case .markdown: text = ReportExporter.markdown(report)
        case .text: text = ReportExporter.plainText(report)
        }
        do {
            try ImportExportFiles.write(Array(text.utf8), to: output)
        } catch {
            ImportExportFiles.printError("\(error)")
            throw ExitCode(2)
        }
    }
}
