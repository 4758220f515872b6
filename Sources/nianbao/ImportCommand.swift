import ArgumentParser
import NianbaoCore
import NianbaoDocx

/// `nianbao import FILE… [-o OUT.json | --out-dir DIR] [--year Y] [--agency NAME] [--partial]`
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
          nianbao import 各单位/*.html --out-dir 导入结果/
        """
    )

    @Argument(help: ArgumentHelp("要导入的文件（- 表示标准输入）；多个文件时须用 --out-dir 指定输出目录。", valueName: "文件"))
    var files: [String]

    @Option(name: [.customLong("out-dir")], help: ArgumentHelp("多个文件时写出各报告 JSON 的目录（文件名同输入，扩展名改为 .json）。", valueName: "目录"))
    var outDir: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("写出的报告 JSON 文件（默认写到标准输出）。", valueName: "输出.json"))
    var output: String?

    @Option(help: ArgumentHelp("报告年度；标题中没有年度时必须指定。", valueName: "年度"))
    var year: Int?

    @Option(help: ArgumentHelp("机关名称；标题中没有机关名称时必须指定。", valueName: "名称"))
    var agency: String?

    @Flag(help: "有无法读取的单元格时仍然导入（这些单元格留空并列出）。")
    var partial = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("请给出要导入的文件。") }
        if files.count > 1 && outDir == nil {
            // `-o DIR` also names the output directory when several files are given.
            if output == nil { throw ValidationError("导入多个文件时请用 --out-dir 目录（或 -o 目录）指定输出目录。") }
        }
    }

    func run() throws {
        if files.count > 1 || outDir != nil {
            try runMany(outputDirectory: outDir ?? output!)
            return
        }
        let file = files[0]
        // The loader tells Word (.docx) and PDF from text by their content and refuses
        // non-regular files; everything else goes to the text and HTML readers as before.
        let input: ImportInput
        do {
            input = try Self.load(file)
        } catch {
            ImportExportFiles.printError("\(error)")
            throw ExitCode(2)
        }
        let result: ImportResult
        do {
            result = try ReportImporter.import(input, options: ImportOptions(year: year, agency: agency, partial: partial))
        } catch {
            if case .unreadableCells(let partialResult) = error { Self.printProblems(partialResult) }
            if case .unconfirmedMetadata(let partialResult) = error { Self.printSummary(partialResult); Self.printProblems(partialResult) }
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
        let asked = Set(result.questions.map(\.field))
        ImportExportFiles.printError("""
        已识别：\(result.inputKind.label)；\(result.form.displayName)格式（依据：\(result.formSource)）；\
        年度 \(result.year)（\(result.yearSource)\(asked.contains(.year) ? "，待确认" : "")）；\
        机关“\(result.agency)”（\(result.agencySource)\(asked.contains(.agency) ? "，待确认" : "")）。
        """ + (result.droppedPageMarks > 0 ? "\n已去掉 \(result.droppedPageMarks) 处页眉页脚（如“— 3 —”“第 3 页”）。" : ""))
    }

    static func printProblems(_ result: ImportResult) {
        for question in result.questions { ImportExportFiles.printError(question.description) }
        for problem in result.problems { ImportExportFiles.printError(problem.description) }
    }

    /// Loads one input (a path, or `-` for standard input) through the .docx/PDF/text loader.
    static func load(_ file: String) throws -> ImportInput {
        file == "-"
            ? try ImportSourceLoader.load(bytes: ReportFile.readBytes(descriptor: 0, path: "标准输入"), name: "标准输入")
            : try ImportSourceLoader.load(path: file)
    }

    /// Cells read and left empty-with-a-problem, for the one-line-per-file summary.
    static func counts(_ result: ImportResult) -> (read: Int, unread: Int) {
        let read = result.report.cells.filter { !$0.isEmpty }.count
        return (read, result.report.cells.count - read)
    }

    /// `nianbao import A.html B.txt … --out-dir DIR`: one line per file and a summary; exit 1 when any file failed.
    func runMany(outputDirectory: String) throws {
        var imported = 0, incomplete = 0, failed = 0
        var usedNames: Set<String> = []
        for file in files {
            let name = Self.outputName(for: file, used: &usedNames)
            let target = outputDirectory.hasSuffix("/") ? outputDirectory + name : outputDirectory + "/" + name
            let status: String
            do {
                let input = try Self.load(file)
                let result = try ReportImporter.import(input, options: ImportOptions(year: year, agency: agency, partial: true))
                try ImportExportFiles.write(ReportFile.encode(result.report), to: target)
                let (read, unread) = Self.counts(result)
                let open = result.questions.map { "\($0.field.label)待确认" }
                let complete = !result.hasErrors && open.isEmpty
                if complete { imported += 1 } else { incomplete += 1 }
                status = "\(result.agency.isEmpty ? "（机关未知）" : result.agency)\t\(result.year)\t\(result.form.displayName)\t"
                    + "读出 \(read) 格，空 \(unread) 格\t" + (complete ? "完成" : (["有空格"] + open).joined(separator: "，")) + " → \(name)"
            } catch let error as ImportError {
                failed += 1
                status = "失败：\(error.description)"
            } catch {
                failed += 1
                status = "失败：\(error)"
            }
            ImportExportFiles.printError("\(file)\t\(status)")
        }
        ImportExportFiles.printError("共 \(files.count) 个文件：完整导入 \(imported) 个，部分导入（有空格或待确认） \(incomplete) 个，失败 \(failed) 个。输出目录：\(outputDirectory)")
        if failed > 0 || incomplete > 0 && !partial { throw ExitCode(1) }
    }

    /// `dir/报告.html` → `报告.json`, made unique within one run.
    static func outputName(for file: String, used: inout Set<String>) -> String {
        var base = String(file.split(separator: "/").last ?? "stdin")
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        if base == "-" { base = "stdin" }
        var name = base + ".json"
        var k = 2
        while used.contains(name) { name = "\(base)-\(k).json"; k += 1 }
        used.insert(name)
        return name
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
