#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NianbaoCore

/// `nianbao review FILE`: the reviewer's notes and decision, kept in the report file.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "审核意见：核实、说明或排除问题，对单元格、行、文字部分写意见，退回或通过；意见保存在报告文件中。",
        discussion: """
            不带操作时列出全部问题（含其标识，如 T3-1@t3.r1.np）和已有意见（带编号，供 --reply 使用）。
            问题的标识由规则编号和单元格组成；只写规则编号或部分单元格也可以，只要能唯一确定一个问题。
            意见不改变报告的内容摘要（digest）；意见所涉及的单元格或文字改动后，意见标为“已过时”。
            错误和未填不能标为误报，只能核实或说明；有未说明的错误或未填时不能通过。

            示例：
              nianbao review 2025.json
              nianbao review 2025.json --dismiss T3-5@t3.r3_1.np --reason 含上年结转的补正申请 --reviewer 张三
              nianbao review 2025.json --explain T3-1 --reason 申请人撤回 2 件，已在正文说明 --reviewer 张三
              nianbao review 2025.json --comment t2.reg.valid --reason 请与司法局核对 --reviewer 张三
              nianbao review 2025.json --comment row:t3.r1 --reason 数字偏大 --reviewer 张三
              nianbao review 2025.json --comment text:s5 --reason 改进措施太笼统 --reviewer 张三
              nianbao review 2025.json --reply 2 --reason 已改正 --reviewer 李四
              nianbao review 2025.json --return --reason 表三第一行与正文不符 --reviewer 张三
              nianbao review 2025.json --accept --reviewer 张三
            """
    )

    @Argument(help: "报告文件（JSON）。")
    var file: String

    @Option(help: ArgumentHelp("标为已核实（问题属实）。", valueName: "问题"))
    var confirm: String?

    @Option(help: ArgumentHelp("标为已说明（须写 --reason）。", valueName: "问题"))
    var explain: String?

    @Option(help: ArgumentHelp("标为误报（仅限警告和提示，须写 --reason）。", valueName: "问题"))
    var dismiss: String?

    @Option(help: ArgumentHelp("对单元格（t3.r1.np，多个用逗号分隔）、行（row:t3.r1）、文字部分（text:s1、text:preface、text:sign_off）或整份报告（report）写意见。", valueName: "对象"))
    var comment: String?

    @Option(help: ArgumentHelp("回复第 N 条意见。", valueName: "N"))
    var reply: Int?

    @Flag(name: .customLong("return"), help: "退回（须写 --reason）。")
    var returnReport = false

    @Flag(help: "通过。")
    var accept = false

    @Option(name: [.customLong("reason"), .customLong("text")], help: ArgumentHelp("理由或意见内容。", valueName: "文字"))
    var reason: String?

    @Option(help: ArgumentHelp("审核人（或回复人）姓名。", valueName: "姓名"))
    var reviewer: String?

    @Option(help: ArgumentHelp("日期，YYYY-MM-DD（默认今天）。", valueName: "日期"))
    var date: String?

    @Option(help: "列出时的输出格式：text 或 json。")
    var format: Check.OutputFormat = .text

    func run() throws {
        try reportingFailures { try perform() }
    }

    /// The one action asked for, if any.
    private var actions: [String] {
        [confirm.map { _ in "--confirm" }, explain.map { _ in "--explain" }, dismiss.map { _ in "--dismiss" },
         comment.map { _ in "--comment" }, reply.map { _ in "--reply" }, returnReport ? "--return" : nil, accept ? "--accept" : nil]
            .compactMap { $0 }
    }

    private func perform() throws {
        guard actions.count <= 1 else {
            throw CommandFailure(code: 2, message: "一次只能做一项操作（现在给出了 \(actions.joined(separator: "、"))）。")
        }
        let bytes: [UInt8]
        do { bytes = try BatchLoader.readBytes(path: file) } catch { throw CommandFailure(code: 2, message: error.description) }
        var report: Report
        do { report = try ReportFile.decode(bytes, path: file) } catch { throw CommandFailure(code: 2, message: error.description) }
        let findings = Validator.validate(report)
        guard !actions.isEmpty else {
            if format == .json {
                Console.output(PrettyCanonicalWriter.bytes(ReviewText.listingJSON(report, findings: findings, path: file)))
            } else {
                Console.output(Array(ReviewText.listing(report, findings: findings, path: file).utf8))
            }
            return
        }
        let day = try reviewDate()
        let who = reviewer ?? ""
        let text = reason ?? ""
        var record = report.review
        let done: String
        do {
            if let selector = confirm ?? explain ?? dismiss {
                let status: ReviewStatus = confirm != nil ? .confirmed : explain != nil ? .explained : .dismissed
                guard let fp = ReviewFingerprint(text: selector) else {
                    throw CommandFailure(code: 2, message: "问题标识“\(TerminalSafe.sanitize(selector))”写法不对：应为 规则编号[@单元格,…][#文字部分]，如 T3-1@t3.r1.np。")
                }
                let finding = try ReviewRecord.finding(fp, among: findings)
                try record.setVerdict(status, on: finding, reason: text, author: who, date: day, in: report)
                done = "\(ReviewFingerprint(finding))：\(status.label)"
            } else if let comment {
                let target = try Self.target(comment)
                let index = try record.comment(on: target, text: text, author: who, date: day, in: report)
                done = "第 \(index + 1) 条意见（\(ReviewText.targetLabel(target, form: report.form))）"
            } else if let reply {
                try record.reply(to: reply - 1, text: text, author: who, date: day)
                done = "对第 \(reply) 条意见的回复"
            } else {
                let status: ReviewDecision.Status = returnReport ? .returned : .accepted
                try record.decide(status, reviewer: who, date: day, reasons: text, findings: findings, in: report)
                done = "审核结论：\(status.label)"
            }
        } catch let refusal as ReviewRefusal {
            throw CommandFailure(code: 2, message: refusal.message)
        }
        report.review = record
        try save(report, replacing: bytes)
        print("已记录 \(TerminalSafe.sanitize(done))（\(TerminalSafe.sanitize(file))）。")
    }

    private func reviewDate() throws -> CalendarDate? {
        if let date {
            guard let d = CalendarDate(date) else { throw CommandFailure(code: 2, message: "日期“\(TerminalSafe.sanitize(date))”应写成 YYYY-MM-DD。") }
            return d
        }
        return Console.today
    }

    /// A comment's target from its command-line form.
    static func target(_ text: String) throws -> ReviewTarget {
        if text == "report" { return .report }
        if text.hasPrefix("text:") {
            guard let part = TextPart(id: String(text.dropFirst(5))) else {
                throw CommandFailure(code: 2, message: "文字部分应为 text:preface、text:s1、text:s5、text:s6 或 text:sign_off。")
            }
            return .text(part)
        }
        if text.hasPrefix("row:") {
            let parts = text.dropFirst(4).split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let table = TableID(rawValue: parts[0]) else {
                throw CommandFailure(code: 2, message: "行应写成 row:表.行，如 row:t3.r1。")
            }
            return .row(table: table, row: parts[1])
        }
        let cells = text.split(separator: ",").map { String(String($0).trimmingAllSpace) }
        guard !cells.isEmpty, cells.allSatisfy({ CellRef($0) != nil }) else {
            throw CommandFailure(code: 2, message: "意见对象“\(TerminalSafe.sanitize(text))”写法不对：单元格如 t3.r1.np，行如 row:t3.r1，文字部分如 text:s1，整份报告为 report。")
        }
        return .cells(cells.sorted())
    }

    /// Writes the report back atomically, unless the file changed since it was read or an editor holds it.
    private func save(_ report: Report, replacing original: [UInt8]) throws {
        var lock: FileLock?
        switch FileLock.acquire(for: file) {
        case .acquired(let l), .stale(_, let l): lock = l
        case .heldByOther(let owner):
            throw CommandFailure(code: 2, message: "\(file) 正在被 \(owner.user)@\(owner.host)（进程 \(owner.pid)）编辑：请等对方保存退出后再记录意见。")
        case .unavailable: lock = nil
        }
        defer { lock?.release() }
        let now = (try? BatchLoader.readBytes(path: file)) ?? []
        guard now == original else {
            throw CommandFailure(code: 2, message: "\(file) 在读取后被改动过：未记录，请重新运行。")
        }
        do { try AtomicFileWriter.write(ReportFile.encode(report), to: file) } catch {
            throw CommandFailure(code: 2, message: "\(error)")
        }
    }
}

extension Console {
    /// Today in local time.
    static var today: CalendarDate? {
        var t = time(nil)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return nil }
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}

/// Review notes and decisions as text for `check` and `review`.
enum ReviewText {
    static func decision(_ d: ReviewDecision) -> String {
        var text = d.status.label + " — " + d.reviewer
        if let date = d.date { text += " " + date.description }
        if !d.reasons.isEmpty { text += "：" + d.reasons }
        return text
    }

    static func byline(_ author: String, _ date: CalendarDate?) -> String {
        author + (date.map { " " + $0.description } ?? "")
    }

    /// The line under a finding that has a verdict.
    static func verdictLine(_ item: ReviewedFinding, note: ReviewNote) -> String {
        let recorded = note.status?.label ?? "意见"
        var text: String
        if item.stale {
            text = "\(recorded)（已过时：相关单元格或文字已改动，请重新核对）"
        } else if note.status == .dismissed, item.finding.severity.blocksSubmission {
            text = "误报标记无效：错误和未填不能标为误报"
        } else {
            text = recorded
        }
        if !note.text.isEmpty { text += "：" + note.text }
        text += " — " + byline(note.author, note.date)
        if !note.replies.isEmpty { text += "（回复 \(note.replies.count) 条）" }
        return text
    }

    static func targetLabel(_ target: ReviewTarget, form: FormVersion) -> String {
        let def = form.definition
        switch target {
        case .finding(let rule, let cells, let part):
            return ReviewFingerprint(rule: rule, cells: cells, part: part).description
        case .cells(let ids):
            return ids.map { id in CellRef(id).flatMap(def.cell).map(\.label) ?? id }.joined(separator: "；")
        case .row(let table, let row):
            let t = def.table(table)
            return ([t.numeral] + (t.row(row)?.labelPath ?? [row])).joinedText(separator: " › ")
        case .text(let part):
            return part.label(in: form)
        case .report:
            return "整份报告"
        }
    }

    /// Everything `review FILE` lists: findings with identifiers and verdicts, then every note.
    static func listing(_ report: Report, findings: [Finding], path: String) -> String {
        let s = { (t: String) in TerminalSafe.sanitize(t) }
        var out = "\(s(path))：\(s(report.agency)) \(report.year) 年度（\(report.form.displayName)）\n"
        if let d = report.review.decision { out += "审核结论：\(s(decision(d)))\n" }
        let reviewed = report.review.annotate(findings, in: report)
        out += reviewed.isEmpty ? "没有发现问题。\n" : "问题 \(reviewed.count) 个：\n"
        for item in reviewed {
            let verdict = item.status.map { "·" + $0.label } ?? (item.stale ? "·意见已过时" : "")
            out += "  [\(item.finding.severity.label)\(verdict)] \(item.fingerprint)  \(s(item.finding.message))\n"
        }
        let stale = Set(report.review.staleNotes(in: report))
        let resolved = Set(report.review.resolvedNotes(current: findings))
        if !report.review.notes.isEmpty { out += "意见 \(report.review.notes.count) 条：\n" }
        for (i, note) in report.review.notes.enumerated() {
            var flags: [String] = []
            if let status = note.status { flags.append(status.label) }
            if stale.contains(i) { flags.append("已过时") }
            if resolved.contains(i) { flags.append("问题已不再出现") }
            let flag = flags.isEmpty ? "" : "[" + flags.joined(separator: "，") + "] "
            out += "  \(i + 1). \(flag)\(s(targetLabel(note.target, form: report.form)))：\(s(note.text)) — \(s(byline(note.author, note.date)))\n"
            for r in note.replies { out += "      回复：\(s(r.text)) — \(s(byline(r.author, r.date)))\n" }
        }
        return out
    }

    static func listingJSON(_ report: Report, findings: [Finding], path: String) -> JSONValue {
        let reviewed = report.review.annotate(findings, in: report)
        let counts = SeverityCounts(reviewed)
        let result = CheckResult(path: path, report: report, error: nil, findings: findings)
        return JSONReport.file(result, reviewed: reviewed, counts: counts, options: CheckOutputOptions(format: .json))
    }

    /// A file's review in `check --format json`: the decision and how many notes, stale ones among them.
    static func summaryJSON(_ report: Report) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("notes", .number(JSONNumber(Int64(report.review.notes.count)))),
            ("stale", .number(JSONNumber(Int64(report.review.staleNotes(in: report).count)))),
        ]
        if let d = report.review.decision {
            var m: [(key: String, value: JSONValue)] = [("status", .string(d.status.rawValue)), ("reviewer", .string(d.reviewer))]
            if let date = d.date { m.append(("date", .string(date.description))) }
            if !d.reasons.isEmpty { m.append(("reasons", .string(d.reasons))) }
            members.append(("decision", .object(JSONObject(m))))
        }
        return .object(JSONObject(members))
    }
}
