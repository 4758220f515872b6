import ArgumentParser
import NianbaoCore

/// `nianbao status ROSTER DIR…`: who has filed, who is missing or late, who is blocked.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "按应报单位名单统计报送情况：已报、未报、逾期、有错误或未填、仅有警告、无数据可报。",
        discussion: """
            名单是 CSV 或 TSV 文件，第 1 行为列名：单位名称（必需）、层级、上级、截止日期、联系人。
            报告按机关名称与名单匹配（“人民政府办公室”与“政府办”、“委员会”与“委”、“街道办事处”与“街道”等视为相同）；
            可能对应多个单位的报告不会被猜测，而是单独列出；不在名单上的报告也单独列出。
            是否按时以报告落款日期与截止日期比较；名单未写截止日期的，部门按次年 1 月 31 日、本级政府按次年 3 月 31 日，
            乡镇、街道的期限由各地规定，需在名单中写明。没有落款日期的，取报告正文末行单独写的日期（如“2026年1月20日”）；都没有的记为“日期不明”。

            示例：
              nianbao status 应报单位.csv 各单位/2025
              nianbao status 应报单位.csv 各单位/2025 --format markdown > 通报.md
              nianbao status 应报单位.tsv 各单位/ --year 2025 --format html -o 报送情况.html
            """
    )

    @Argument(help: "应报单位名单（CSV 或 TSV），然后是报告文件或文件夹。")
    var files: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp("从文件读取报告列表（每行一个，或以 NUL 分隔）；- 表示标准输入。", valueName: "文件|-"))
    var filesFrom: String?

    @Option(help: "报告年度（报告都是同一年度时可省略）。")
    var year: Int?

    @Option(help: "输出格式：text、markdown（用于通报）、tsv 或 html。")
    var format: BoardFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("写到文件（默认标准输出）。", valueName: "文件"))
    var output: String?

    enum BoardFormat: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, tsv, html
    }

    static let grammar = OperandPrescan.Grammar(
        command: "status",
        valued: ["--files-from", "--year", "--format", "--output", "-o"],
        flags: [],
        choices: ["--format": BoardFormat.allCases.map(\.rawValue)],
        integers: ["--year"]
    )

    func run() throws { try execute(operands: files) }

    func execute(operands: [String]) throws {
        try reportingFailures { try board(operands: operands) }
    }

    private func board(operands: [String]) throws {
        guard let rosterPath = operands.first else {
            throw CommandFailure(code: 2, message: "请先给出应报单位名单（CSV 或 TSV），再给出报告文件或文件夹。")
        }
        var roots = Array(operands.dropFirst())
        if let filesFrom {
            do { roots += try FileList.read(filesFrom) } catch { throw CommandFailure(code: 2, message: error.message) }
        }
        guard !roots.isEmpty else {
            throw CommandFailure(code: 2, message: "没有给出报告：请在名单之后给出报告文件、文件夹，或用 --files-from。")
        }
        let roster = try RosterFile.load(rosterPath)
        let inputs = ReportWalker.expand(roots)
        var filed: [FiledReport] = []
        var unreadable: [String] = []
        OrderedPipeline.run(count: inputs.count, { index -> FiledOrFailed in
            switch inputs[index] {
            case .refused(let path, let reason):
                return .failed(ReportFileError(path: path, message: reason).description)
            case .file(let path):
                do {
                    let report = try BatchLoader.load(path: path)
                    return .filed(DeskFacts.filed(path: path, report: report))
                } catch {
                    return .failed("\(error)")
                }
            }
        }, consume: { _, outcome in
            switch outcome {
            case .filed(let f): filed.append(f)
            case .failed(let message): unreadable.append(message)
            }
        })
        let reportYear: Int
        if let year {
            reportYear = year
        } else {
            let years = Set(filed.map(\.year))
            guard years.count == 1, let only = years.first else {
                let list = years.sorted().map(String.init).joined(separator: "、")
                throw CommandFailure(code: 2, message: years.isEmpty
                    ? "没有可读的报告，无法确定年度；请用 --year 指定。"
                    : "报告涉及多个年度（\(list)）：请用 --year 指定统计哪一年度。")
            }
            reportYear = only
        }
        let board = StatusBoard(roster: roster, year: reportYear, reports: filed)
        let text: String
        switch format {
        case .text: text = BoardRendering.text(board, unreadable: unreadable)
        case .markdown: text = BoardRendering.markdown(board, unreadable: unreadable)
        case .tsv: text = BoardRendering.tsv(board)
        case .html: text = BoardRendering.html(board, unreadable: unreadable)
        }
        if let output {
            do { try AtomicFileWriter.write(Array(text.utf8), to: output) } catch {
                throw CommandFailure(code: 2, message: "\(error)")
            }
            Console.error("已写入 \(TerminalSafe.sanitize(output))。\n")
        } else {
            Console.output(Array(text.utf8))
        }
    }

    private enum FiledOrFailed: Sendable {
        case filed(FiledReport)
        case failed(String)
    }
}

/// Reads a roster file with a clear message for every problem.
enum RosterFile {
    static func load(_ path: String) throws -> Roster {
        let bytes: [UInt8]
        do { bytes = try BatchLoader.readBytes(path: path) } catch {
            throw CommandFailure(code: 2, message: "应报单位名单无法读取：\(error.description)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure(code: 2, message: "\(path)：名单不是 UTF-8 编码（Excel 保存的 CSV 常是 GBK）：请另存为“CSV UTF-8”后再试。")
        }
        do { return try Roster.parse(text, source: path) } catch {
            throw CommandFailure(code: 2, message: error.message)
        }
    }
}

/// The facts about a report the desk commands need, computed once per file.
enum DeskFacts {
    static func filed(path: String, report: Report) -> FiledReport {
        // Warnings a reviewer dismissed (误报) do not count against the unit.
        let open = report.review.annotate(Validator.validate(report), in: report).filter(\.isOpen).map(\.finding)
        return FiledReport(path: path, report: report, findings: open, signedOn: signedOn(report), decision: decision(report))
    }

    /// The sign-off date when the model has it, else the report's own stated date (see `StatedDate`), else nil.
    static func signedOn(_ report: Report) -> CalendarDate? { StatedDate.of(report)?.date }

    static func decision(_ report: Report) -> FiledReport.Decision? {
        switch report.review.decision?.status {
        case .returned?: .returned
        case .accepted?: .accepted
        case nil: nil
        }
    }
}
