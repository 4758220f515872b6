/// Why a review action was refused, in Chinese.
public enum ReviewRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotDismissBlocking(String)
    case reasonRequired(String)
    case noSuchFinding(String)
    case ambiguousFinding(String, [String])
    case noSuchNote(Int)
    case emptyText
    case noReviewer
    case noSuchCell(String)
    case noSuchRow(String)
    case openProblems(Int)

    public var message: String {
        switch self {
        case .cannotDismissBlocking(let fp):
            "\(fp) 是错误或未填，不能标为误报；只能核实（--confirm）或说明原因（--explain）。"
        case .reasonRequired(let what):
            "\(what)需要写明理由（--reason）。"
        case .noSuchFinding(let fp):
            "报告现在没有 \(fp) 这个问题（先用 nianbao review 文件 列出全部问题及其标识）。"
        case .ambiguousFinding(let fp, let candidates):
            "\(fp) 对应多个问题：\(candidates.joined(separator: "、"))；请写全单元格。"
        case .noSuchNote(let n):
            "没有第 \(n) 条意见（用 nianbao review 文件 查看意见编号）。"
        case .emptyText:
            "意见内容不能为空。"
        case .noReviewer:
            "请写明审核人（--reviewer）。"
        case .noSuchCell(let id):
            "报告的表格中没有单元格 \(id)（单元格写法如 t3.r1.np，见 docs/file-format.md）。"
        case .noSuchRow(let id):
            "报告的表格中没有行 \(id)（写法如 t3.r1）。"
        case .openProblems(let n):
            "报告还有 \(n) 个错误或未填没有处理（没有核实或说明），不能通过；请退回（--return），或逐条说明。"
        }
    }

    public var description: String { message }
}

extension ReviewRecord {
    /// The finding a typed fingerprint picks out among `findings` (exactly one, or a refusal).
    public static func finding(_ selector: ReviewFingerprint, among findings: [Finding]) throws(ReviewRefusal) -> Finding {
        let matches = findings.filter { selector.selects(ReviewFingerprint($0)) }
        let distinct = Array(Set(matches.map(ReviewFingerprint.init)))
        guard let first = matches.first else { throw .noSuchFinding(selector.description) }
        if distinct.count > 1 {
            throw .ambiguousFinding(selector.description, distinct.map(\.description).sorted())
        }
        return first
    }

    /// Records a verdict on a finding: 已核实, 已说明 (with the reason) or 误报 (with the reason;
    /// warnings and info only). A verdict replaces the previous one on the same finding and keeps its replies.
    public mutating func setVerdict(_ status: ReviewStatus, on finding: Finding, reason: String, author: String,
                                    date: CalendarDate?, in report: Report) throws(ReviewRefusal) {
        let fp = ReviewFingerprint(finding)
        let author = String(author.trimmingAllSpace), reason = String(reason.trimmingAllSpace)
        guard !author.isEmpty else { throw .noReviewer }
        if status == .dismissed, finding.severity.blocksSubmission { throw .cannotDismissBlocking(fp.description) }
        if status != .confirmed, reason.isEmpty { throw .reasonRequired(status == .dismissed ? "标为误报" : "说明") }
        var note = ReviewNote(target: fp.target, status: status, text: reason, author: author, date: date,
                              basis: ReviewBasis.of(fp.target, in: report))
        if let i = noteIndex(for: fp) {
            note.replies = notes[i].replies
            notes[i] = note
        } else {
            notes.append(note)
        }
    }

    /// Adds a free comment on cells, a row, a prose part or the report; returns its index.
    @discardableResult
    public mutating func comment(on target: ReviewTarget, text: String, author: String, date: CalendarDate?,
                                 in report: Report) throws(ReviewRefusal) -> Int {
        let author = String(author.trimmingAllSpace), text = String(text.trimmingAllSpace)
        guard !author.isEmpty else { throw .noReviewer }
        guard !text.isEmpty else { throw .emptyText }
        let def = report.definition
        switch target {
        case .cells(let ids), .finding(_, let ids, _):
            for id in ids where CellRef(id).flatMap(def.index(of:)) == nil { throw .noSuchCell(id) }
        case .row(let table, let row):
            if def.rowCells(table, row).isEmpty { throw .noSuchRow("\(table.rawValue).\(row)") }
        case .text, .report:
            break
        }
        notes.append(ReviewNote(target: target, status: nil, text: text, author: author, date: date,
                                basis: ReviewBasis.of(target, in: report)))
        return notes.count - 1
    }

    /// Adds a reply under note `index` (0-based).
    public mutating func reply(to index: Int, text: String, author: String, date: CalendarDate?) throws(ReviewRefusal) {
        let author = String(author.trimmingAllSpace), text = String(text.trimmingAllSpace)
        guard notes.indices.contains(index) else { throw .noSuchNote(index + 1) }
        guard !author.isEmpty else { throw .noReviewer }
        guard !text.isEmpty else { throw .emptyText }
        notes[index].replies.append(ReviewReply(author: author, date: date, text: text))
    }

    /// Records 退回 (with reasons) or 通过. A report is not accepted while an error or a blank
    /// cell is not explained (已说明) by a verdict still in force.
    public mutating func decide(_ status: ReviewDecision.Status, reviewer: String, date: CalendarDate?, reasons: String,
                                findings: [Finding], in report: Report) throws(ReviewRefusal) {
        let reviewer = String(reviewer.trimmingAllSpace), reasons = String(reasons.trimmingAllSpace)
        guard !reviewer.isEmpty else { throw .noReviewer }
        switch status {
        case .returned:
            guard !reasons.isEmpty else { throw .reasonRequired("退回") }
        case .accepted:
            let open = annotate(findings, in: report).filter { $0.finding.severity.blocksSubmission && $0.status != .explained }
            guard open.isEmpty else { throw .openProblems(open.count) }
        }
        decision = ReviewDecision(status: status, reviewer: reviewer, date: date, reasons: reasons)
    }
}
