#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NianbaoCore
import NianbaoTUI

/// `nianbao edit FILE`: opens a draft in the terminal editor (creating it when it does not exist).
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "在终端中编辑年度报告草稿（文件不存在时新建）。",
        discussion: """
            打开时会检查：是否有人正在编辑同一文件（锁文件），是否有比文件更新的恢复副本（上次异常退出时留下）。
            编辑期间每停顿约 1.5 秒、每 30 次修改写一次恢复副本；终端被关闭（SIGHUP）或进程被终止（SIGTERM）时也会写。
            正常保存或退出后恢复副本删除。恢复目录不可写时改写到报告所在目录（隐藏文件）或 $TMPDIR，都不行时在状态栏持续警告。
            退出码：0 正常退出；2 无法打开；128+信号值 被信号终止（如 SIGHUP 为 129），修改已在恢复副本中；3 被信号终止且恢复副本无法写入（修改已丢失）。

            示例：
              nianbao edit 2025.json
              nianbao edit 新报告.json --agency 某某市水利局 --year 2025
              nianbao edit 2025.json --previous 2024.json
            """)

    @Argument(help: "报告文件（JSON）。")
    var file: String

    @Option(help: "新建时的机关名称。")
    var agency: String?

    @Option(help: "新建时的报告年度（默认：上一年）。")
    var year: Int?

    @Option(help: "新建时的格式版本：2019 或 2021（默认按年度确定）。")
    var form: String?

    @Option(help: "上一年度的报告文件，用于跨年度核对。")
    var previous: String?

    func run() throws {
        try Self.open(file: file, agency: agency, year: year, form: form, previous: previous)
    }

    /// Opens `file` in the editor; the options are only used when the file is new.
    static func open(file: String, agency: String? = nil, year: Int? = nil, form: String? = nil, previous: String? = nil) throws {
        try reportingFailures {
            try EditSession(path: file, previous: previous).run {
                try NewReportPrompt.ask(agency: agency, year: year, form: form)
            }
        }
    }
}

/// `nianbao view FILE`: opens a draft read-only for review.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "只读查看年度报告草稿，列出全部问题（不能修改）。",
        discussion: """
            示例：
              nianbao view 2025.json
              nianbao view 2025.json --previous 2024.json
            """)

    @Argument(help: "报告文件（JSON）。")
    var file: String

    @Option(help: "上一年度的报告文件，用于跨年度核对。")
    var previous: String?

    func run() throws {
        try Self.open(file: file, previous: previous)
    }

    /// Opens `file` read-only.
    static func open(file: String, previous: String? = nil) throws {
        try reportingFailures {
            let store = FileDocumentStore(path: file)
            let report: Report
            do { report = try store.load() } catch { throw CommandFailure(code: 2, message: "\(error)") }
            try EditSession.runEditor(EditorApp(store: store, mode: .view, previous: try EditSession.loadPrevious(previous)),
                                      report: report)
        }
    }
}

/// Opening a draft for editing: lock, recovery copy, then the editor.
struct EditSession {
    let path: String
    let previous: String?

    func run(newReport: () throws -> Report) throws {
        let store = FileDocumentStore(path: path)
        var info = stat()
        let exists = stat(path, &info) == 0
        var report: Report? = nil
        if exists {
            do { report = try store.load() } catch { throw CommandFailure(code: 2, message: "\(error)") }
        }

        var mode = EditorMode.edit
        var heldLock: FileLock?
        switch FileLock.acquire(for: path) {
        case .acquired(let lock):
            heldLock = lock
        case .stale(let owner, let lock):
            heldLock = lock
            Prompt.say("提示：发现上次遗留的锁（\(owner.summary)），该进程已不在运行，已接管。")
        case .unavailable(let reason):
            Prompt.say("提示：无法创建锁文件（\(reason)），将不能发现他人同时编辑此文件。")
        case .heldByOther(let owner):
            Prompt.say("""
                注意：文件 \(path) 正在被编辑：\(owner.summary)。
                两人同时编辑同一文件，后保存的会覆盖先保存的内容。
                """)
            switch try Prompt.choose("[O] 只读打开   [E] 仍然编辑   [Q] 退出", options: ["o", "e", "q"], default: "o") {
            case "e": mode = .edit
            case "q": return
            default: mode = .view
            }
        }
        defer { heldLock?.release() }

        let recoveryStore = RecoveryStore.standard()
        var modified = false
        var message: String?
        if mode == .edit, recoveryStore.hasNewerCopy(than: path), let copy = recoveryStore.load(for: path) {
            switch try RecoveryPrompt.ask(copy: copy, file: report, path: path) {
            case .recover(let recovered):
                report = recovered
                modified = true
                message = "已从恢复副本恢复未保存的修改；请检查后按 ^S 保存。"
            case .discard:
                try? recoveryStore.remove(for: path)
            case .quit:
                return
            }
        }
        let draft = try report ?? newReport()
        if !exists, report == nil { modified = true }
        let app = EditorApp(store: store, mode: mode,
                            recovery: mode == .edit ? FileRecoveryHook(store: recoveryStore, draftPath: path) : nil,
                            previous: try Self.loadPrevious(previous))
        try Self.runEditor(app, report: draft, modified: modified, message: message)
    }

    static func loadPrevious(_ path: String?) throws -> Report? {
        guard let path else { return nil }
        do { return try ReportFile.load(path: path) } catch {
            throw CommandFailure(code: 2, message: "上一年度报告无法读取：\(error.description)")
        }
    }

    static func runEditor(_ app: EditorApp, report: Report, modified: Bool = false, message: String? = nil) throws {
        let exit: EditorExit
        do {
            exit = try app.run(report: report, modified: modified, message: message)
        } catch let error as TerminalError {
            throw CommandFailure(code: 2, message: error.description)
        } catch let refusal as EditorRefusal {
            throw CommandFailure(code: 2, message: refusal.message)
        }
        // 128 + signal after SIGHUP/SIGTERM/SIGINT, 3 when unsaved edits could not be kept.
        if exit.status != 0 { throw ExitCode(exit.status) }
    }
}

extension LockOwner {
    /// `用户 li 在 host 上（进程 123，始于 …）`.
    var summary: String {
        var text = "用户 \(user.isEmpty ? "未知" : user) 在 \(host.isEmpty ? "未知主机" : host) 上（进程 \(pid)"
        if let startedAt { text += "，始于 \(Prompt.timestamp(startedAt))" }
        return text + "）"
    }
}

/// What to do with a recovery copy that is newer than the file.
enum RecoveryPrompt {
    enum Choice { case recover(Report), discard, quit }

    static func ask(copy: RecoveryCopy, file: Report?, path: String) throws -> Choice {
        let recovered: Report
        do {
            recovered = try ReportFile.decode(copy.bytes, path: "恢复副本")
        } catch {
            Prompt.say("发现 \(path) 的恢复副本，但它已损坏（\(error.message)），已忽略。")
            return .discard
        }
        Prompt.say("""
            发现 \(path) 的恢复副本（\(Prompt.timestamp(copy.modificationDate))，位于 \(copy.path)），比文件本身更新：
            上次编辑可能因终端关闭、断线或程序异常而没有保存。
            """)
        while true {
            switch try Prompt.choose("[R] 恢复   [D] 显示差异   [X] 丢弃恢复副本   [Q] 退出", options: ["r", "d", "x", "q"], default: "r") {
            case "r": return .recover(recovered)
            case "x": return .discard
            case "q": return .quit
            default: Prompt.say(ReportDiff.describe(from: file, to: recovered))
            }
        }
    }
}

/// Differences between the saved file and a recovery copy, for the recovery prompt.
enum ReportDiff {
    static func describe(from old: Report?, to new: Report) -> String {
        guard let old else { return "文件尚不存在；恢复副本是一份新草稿（\(new.agency) \(new.year) 年度）。" }
        var lines: [String] = []
        if old.agency != new.agency { lines.append("机关名称：\(old.agency) → \(new.agency)") }
        if old.year != new.year { lines.append("年度：\(old.year) → \(new.year)") }
        if old.form == new.form {
            for cell in new.definition.cells where old.cells[cell.index] != new.cells[cell.index] {
                let before = old.cells[cell.index].isEmpty ? "（空）" : old.cells[cell.index].displayText
                let after = new.cells[cell.index].isEmpty ? "（空）" : new.cells[cell.index].displayText
                lines.append("\(cell.label)：\(before) → \(after)")
            }
        } else {
            lines.append("格式版本：\(old.form.displayName) → \(new.form.displayName)")
        }
        for section in Report.textSections where old.text(section) != new.text(section) {
            lines.append("\(new.definition.section(section).title)：正文 \(old.text(section).count) 字 → \(new.text(section).count) 字")
        }
        if lines.isEmpty { return "恢复副本与文件内容相同。" }
        return "恢复副本与文件的差异（共 \(lines.count) 处）：\n" + lines.prefix(60).map { "  " + $0 }.joined(separator: "\n")
            + (lines.count > 60 ? "\n  ……" : "")
    }
}

/// Line-mode questions asked before the editor takes over the terminal.
enum Prompt {
    static func say(_ text: String) {
        Console.error(TerminalSafe.sanitizeKeepingNewlines(text) + "\n")
    }

    /// Asks until one of `options` (single letters) is typed; Enter takes the default.
    static func choose(_ question: String, options: [String], default value: String) throws -> String {
        while true {
            Console.error("\(question) [\(value.uppercased())]：")
            guard let line = readLine() else { throw CommandFailure(code: 2, message: "输入已结束，未作选择。") }
            let answer = String(line.trimmingAllSpace).lowercased()
            if answer.isEmpty { return value }
            if let first = answer.first.map(String.init), options.contains(first) { return first }
        }
    }

    static func timestamp(_ date: Date) -> String {
        Console.timestamp(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)))
    }
}

/// Asks for agency, year and form on stdin before curses starts, for a new file.
enum NewReportPrompt {
    static func ask(agency: String?, year: Int?, form: String?) throws -> Report {
        let name = try agency ?? line("机关名称：", default: nil)
        let lastYear = Console.currentYear - 1
        let y: Int
        if let year { y = year } else {
            let text = try line("报告年度 [\(lastYear)]：", default: String(lastYear))
            guard let v = Int(text) else { throw CommandFailure(code: 2, message: "年度应为数字，例如 \(lastYear)。") }
            y = v
        }
        let expected = (try? FormVersion.expected(forYear: y))?.rawValue ?? "2021"
        let formText = try form ?? (year == nil || agency == nil ? line("格式版本 2019/2021 [\(expected)]：", default: expected) : expected)
        return try New.makeDraft(year: y, form: formText, agency: name, scope: ReportScope.agency.rawValue)
    }

    static func line(_ label: String, default value: String?) throws -> String {
        Console.error(label)
        guard let line = readLine() else { throw CommandFailure(code: 2, message: "输入已结束。") }
        let trimmed = String(line.trimmingAllSpace)
        if trimmed.isEmpty, let value { return value }
        guard !trimmed.isEmpty else { throw CommandFailure(code: 2, message: "不能为空。") }
        return trimmed
    }
}
