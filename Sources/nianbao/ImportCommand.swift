import ArgumentParser
import NianbaoCore
import NianbaoDocx

/// `nianbao import FILE [-o OUT.json] [--year Y] [--agency NAME] [--partial]`
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入已发布的年度报告（网页、网页复制的文字、PDF/Word 中的文字），生成报告 JSON。",
        discussion: """
        自动识别输入：带表格的网页（.html）、从网页复制的文字（单元格以“|”分隔）、\
        从 PDF 或 Word 复制的文字（每行一个表格行）、Word 文档（.docx）、PDF 文件（需要 poppler-utils 中的 pdftotext）。格式版本（2019 版/2021 版）根据表格标签判断，\
        年度和机关名称从标题读取，也可以用 --year、--agency 指定。

        单元格按原样读取：空白、“—”、“/”、“无”不会当作 0，而是导入为空并逐一报告位置；\
        合计数有误时也按原样导入，由 nianbao check 报告。

        退出码：0 成功；1 有无法读取的单元格（使用 --partial 时仍写出结果并返回 0）；2 输入无法读取或不是年度报告。

        示例：
          nianbao import 驻马店市水利局2020年报.html -o 2020.json
          nianbao import 年报.txt --year 2020 --agency 驻马店市水利局 -o 2020.json
          nianbao import 年报.txt --partial -o 草稿.json
        """
    )

    @Argument(help: ArgumentHelp("要导入的文件（- 表示标准输入）。", valueName: "文件"))
    var file: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("写出的报告 JSON 文件（默认写到标准输出）。", valueName: "输出.json"))
    var output: String?

    @Option(help: ArgumentHelp("报告年度；标题中没有年度时必须指定。", valueName: "年度"))
    var year: Int?

    @Option(help: ArgumentHelp("机关名称；标题中没有机关名称时必须指定。", valueName: "名称"))
    var agency: String?

    @Flag(help: "有无法读取的单元格时仍然导入（这些单元格留空并列出）。")
    var partial = false

    func run() throws {
        // The loader tells Word (.docx) and PDF from text by their content and refuses
        // non-regular files; everything else goes to the text and HTML readers as before.
        let input: ImportInput
        do {
            input = file == "-"
                ? try ImportSourceLoader.load(bytes: ReportFile.readBytes(descriptor: 0, path: "标准输入"), name: "标准输入")
                : try ImportSourceLoader.load(path: file)
        } catch {
            ImportExportFiles.printError("\(error)")
            throw ExitCode(2)
        }
        let result: ImportResult
        do {
            result = try ReportImporter.import(input, options: ImportOptions(year: year, agency: agency, partial: partial))
        } catch {
            if case .unreadableCells(let partialResult) = error { Self.printProblems(partialResult) }
            ImportExportFiles.printError("导入失败：\(error.description)")
            throw ExitCode(error.exitCode)
        }
        Self.printSummary(result)
        Self.printProblems(result)
        do {
            try ImportExportFiles.write(ReportFile.encode(result.report), to: output)
        } catch {
            ImportExportFiles.printError("\(error)")
            throw ExitCode(2)
        }
    }

    static func printSummary(_ result: ImportResult) {
        ImportExportFiles.printError("""
        已识别：\(result.inputKind.label)；\(result.form.displayName)格式（依据：\(result.formSource)）；\
        年度 \(result.year)（\(result.yearSource)）；机关“\(result.agency)”（\(result.agencySource)）。
        """)
    }

    static func printProblems(_ result: ImportResult) {
        for problem in result.problems { ImportExportFiles.printError(problem.description) }
    }
}

/// File helpers shared by the import and export commands.
enum ImportExportFiles {
    /// Reads a whole file, or standard input for `-`.
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return try ReportFile.readBytes(descriptor: 0, path: "标准输入") }
        return try ReportFile.readBytes(path: path)
    }

    /// Writes to a file, or to standard output when `path` is nil or `-`.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            Console.output(bytes)
            return
        }
        try AtomicFileWriter.write(bytes, to: path)
    }

    static func printError(_ text: String) {
        // Text from an untrusted input is never sent to the terminal raw.
        Console.error(TerminalSafe.sanitizeKeepingNewlines(text) + "\n")
    }
}
