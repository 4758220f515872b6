import ArgumentParser
import NianbaoCore
import NianbaoTUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `nianbao edit FILE`: opens a draft in the terminal editor (creating it when it does not exist).
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "在终端中编辑年度报告草稿（文件不存在时新建）")

    @Argument(help: "报告文件（JSON）")
    var file: String

    @Option(help: "新建时的机关名称")
    var agency: String?

    @Option(help: "新建时的报告年度（默认：上一年）")
    var year: Int?

    @Option(help: "新建时的格式版本：2019 或 2021（默认按年度确定）")
    var form: String?

    func run() throws {
        let store = EditorWiring.documentStore(path: file)
        let report: Report
        if EditorWiring.fileExists(file) {
            report = try store.load()
        } else {
            report = try NewReportPrompt.ask(agency: agency, year: year, form: form)
        }
        do {
            try EditorApp(store: store, mode: .edit, recovery: EditorWiring.recoveryHook(path: file)).run(report: report)
        } catch let error as TerminalError {
            throw ValidationError(error.description)
        }
    }
}

/// `nianbao view FILE`: opens a draft read-only for review.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view", abstract: "只读查看年度报告草稿并列出全部问题")

    @Argument(help: "报告文件（JSON）")
    var file: String

    func run() throws {
        let store = EditorWiring.documentStore(path: file)
        do {
            try EditorApp(store: store, mode: .view).run()
        } catch let error as TerminalError {
            throw ValidationError(error.description)
        }
    }
}

/// Asks for agency, year and form on stdin before curses starts, for a new file.
enum NewReportPrompt {
    static func ask(agency: String?, year: Int?, form: String?) throws -> Report {
        let name = try agency ?? prompt("机关名称：", default: nil)
        let lastYear = currentYear() - 1
        let y: Int
        if let year { y = year } else {
            let text = try prompt("报告年度 [\(lastYear)]：", default: String(lastYear))
            guard let v = Int(text) else { throw ValidationError("年度应为数字，例如 \(lastYear)。") }
            y = v
        }
        let expected: FormVersion
        do { expected = try FormVersion.expected(forYear: y) } catch { throw ValidationError(error.description) }
        var version = expected
        let formText: String
        if let form { formText = form } else if agency == nil || year == nil {
            formText = try prompt("格式版本 2019/2021 [\(expected.rawValue)]：", default: expected.rawValue)
        } else {
            formText = expected.rawValue
        }
        guard let v = FormVersion(rawValue: formText) else {
            throw ValidationError(FormVersionError.unknownForm(formText).description)
        }
        version = v
        return Report(agency: name, year: y, form: version)
    }

    static func prompt(_ label: String, default value: String?) throws -> String {
        print(label, terminator: "")
        guard let line = readLine() else { throw ValidationError("输入已结束。") }
        let trimmed = line.trimmingCharacters(in: " \t")
        if trimmed.isEmpty, let value { return value }
        guard !trimmed.isEmpty else { throw ValidationError("不能为空。") }
        return trimmed
    }

    static func currentYear() -> Int {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Int(parts.tm_year) + 1900
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
