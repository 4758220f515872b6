import NianbaoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a note being written is for.
public enum NotePurpose: Sendable, Hashable {
    /// A verdict on a finding (reviewer, `view`).
    case verdict(ReviewFingerprint)
    /// A free comment on cells, a row or a text section (reviewer, `view`).
    case comment(ReviewTarget)
    /// A reply under note `index` (clerk, `edit`).
    case reply(Int)
    /// 退回 / 通过 for the report (reviewer, `view`).
    case decision
}

/// A note being written in the note dialog.
public struct NoteDraft: Sendable, Hashable {
    public var purpose: NotePurpose
    /// The verdict (已核实/已说明/误报) or decision chosen; nil while the dialog asks for it.
    public var status: String?
    /// Typed so far: the reviewer's name first when the editor does not know it, then the text.
    public var text: String = ""
    /// True while the dialog asks for the name of the person writing.
    public var askingName: Bool

    public init(purpose: NotePurpose, status: String? = nil, askingName: Bool) {
        self.purpose = purpose
        self.status = status
        self.askingName = askingName
    }

    /// True when a verdict or decision must be chosen before any text.
    var needsStatus: Bool {
        switch purpose {
        case .verdict, .decision: status == nil
        case .comment, .reply: false
        }
    }
}

extension EditorState {
    /// Today's date on this machine, for notes (tests set `today` themselves).
    static func localToday() -> CalendarDate? {
        var t = time(nil)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return nil }
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// The findings with their notes, in `orderedFindings` order.
    var reviewedFindings: [ReviewedFinding] { report.review.annotate(orderedFindings, in: report) }

    /// The finding selected in the findings pane, if any.
    var selectedFinding: Finding? {
        let list = orderedFindings
        return focus == .findings && findingIndex < list.count ? list[findingIndex] : nil
    }

    /// Alt-M: a verdict on the selected finding or a comment on the cursor cell or text (view), a reply (edit).
    mutating func beginNote() {
        guard commitEdit() else { return }
        let asking = reviewer.isEmpty
        if mode == .view {
            if let f = selectedFinding {
                dialog = .note(NoteDraft(purpose: .verdict(ReviewFingerprint(f)), askingName: asking))
            } else if let cell = cursorCell {
                let id = report.definition.cells[cell].ref.description
                dialog = .note(NoteDraft(purpose: .comment(.cells([id])), askingName: asking))
            } else if currentTable == nil {
                dialog = .note(NoteDraft(purpose: .comment(.text(.section(section))), askingName: asking))
            }
            return
        }
        // The clerk replies to the note on the selected finding, or the latest note on the cursor cell.
        let index: Int?
        if let f = selectedFinding {
            index = report.review.noteIndex(for: ReviewFingerprint(f))
        } else if let cell = cursorCell {
            index = report.review.notes(onCell: report.definition.cells[cell].ref.description).last
        } else {
            index = report.review.notes(onText: .section(section)).last
        }
        guard let index else {
            message = StatusMessage(text: "这里没有审核意见可以回复。", isError: false)
            return
        }
        dialog = .note(NoteDraft(purpose: .reply(index), askingName: asking))
    }

    /// Alt-V (view): 退回 or 通过 for the report.
    mutating func beginDecision() {
        guard mode == .view else {
            message = StatusMessage(text: "退回或通过由审核人在查看模式（nianbao view）中记录。", isError: false)
            return
        }
        dialog = .note(NoteDraft(purpose: .decision, askingName: reviewer.isEmpty))
    }

    mutating func noteAction(_ draft: NoteDraft, _ action: EditorAction) {
        var d = draft
        switch action {
        case .cancel:
            dialog = nil
            message = StatusMessage(text: "已取消意见。", isError: false)
            return
        case .insert(let c), .answer(let c):
            if d.needsStatus, !d.askingName {
                d.status = status(for: c, purpose: d.purpose)
                if d.status == nil { return }
            } else {
                d.text.append(c)
            }
        case .paste(let text):
            if !d.needsStatus || d.askingName { d.text += TextLines.unixLineEnds(text).filter { $0 != "\n" } }
        case .deleteBackward:
            if d.text.isEmpty, !d.askingName, d.status != nil, d.needsStatusChoice { d.status = nil } else { d.text = String(d.text.dropLast()) }
        case .activate, .newline:
            if d.askingName {
                let name = String(d.text.trimmingAllSpace)
                guard !name.isEmpty else { return }
                reviewer = name
                d.text = ""
                d.askingName = false
            } else if !d.needsStatus {
                return commitNote(d)
            }
        case .resize:
            break
        default:
            return
        }
        dialog = .note(d)
    }

    /// The verdict or decision a key picks: 1/Y 已核实 (通过 for decisions), 2/E 已说明 (退回), 3/D 误报.
    func status(for c: Character, purpose: NotePurpose) -> String? {
        if case .decision = purpose {
            switch c {
            case "1", "r", "R", "退": return ReviewDecision.Status.returned.rawValue
            case "2", "a", "A", "通": return ReviewDecision.Status.accepted.rawValue
            default: return nil
            }
        }
        switch c {
        case "1", "y", "Y", "核": return ReviewStatus.confirmed.rawValue
        case "2", "e", "E", "说": return ReviewStatus.explained.rawValue
        case "3", "d", "D", "误": return ReviewStatus.dismissed.rawValue
        default: return nil
        }
    }

    /// Records the note in `report.review` as one undo step (nothing else in the report changes).
    mutating func commitNote(_ d: NoteDraft) {
        var review = report.review
        do throws(ReviewRefusal) {
            switch d.purpose {
            case .verdict(let fp):
                let f = try ReviewRecord.finding(fp, among: findings)
                try review.setVerdict(ReviewStatus(rawValue: d.status ?? "") ?? .confirmed, on: f, reason: d.text,
                                      author: reviewer, date: today, in: report)
            case .comment(let target):
                try review.comment(on: target, text: d.text, author: reviewer, date: today, in: report)
            case .reply(let index):
                try review.reply(to: index, text: d.text, author: reviewer, date: today)
            case .decision:
                try review.decide(ReviewDecision.Status(rawValue: d.status ?? "") ?? .returned, reviewer: reviewer,
                                  date: today, reasons: d.text, findings: findings, in: report)
            }
        } catch {
            // The dialog stays open with what was typed, so the reviewer can add what is missing.
            message = StatusMessage(text: error.message, isError: true)
            dialog = .note(d)
            return
        }
        dialog = nil
        pushUndo(caret: currentTable == nil ? caret(in: section) : nil)
        report.review = review
        version = nextVersion
        nextVersion += 1
        editsSinceRecovery += 1
        let hint = mode == .view ? "按 Ctrl-S 保存（只写入审核意见，报告内容和摘要不变）。" : "按 Ctrl-S 保存。"
        message = StatusMessage(text: "已记录意见。" + hint, isError: false)
    }

    /// One line per note (and reply) for the findings pane and the cell's status line.
    func noteLines(_ index: Int) -> [String] {
        let note = report.review.notes[index]
        var head = "意见\(index + 1)"
        if let s = note.status { head += " " + s.label }
        head += " \(note.author)"
        if let date = note.date { head += " \(date)" }
        if ReviewBasis.isStale(note, in: report) { head += "（已过期：内容已改）" }
        var lines = [head + "：" + note.text]
        for r in note.replies {
            lines.append("  回复 \(r.author)\(r.date.map { " \($0)" } ?? "")：\(r.text)")
        }
        return lines
    }

    /// Cells that have notes (on them, their row or a finding involving them).
    var cellsWithNotes: Set<Int> {
        guard !report.review.notes.isEmpty else { return [] }
        let def = report.definition
        var out = Set<Int>()
        for note in report.review.notes {
            switch note.target {
            case .cells(let ids), .finding(_, let ids, _):
                for id in ids { if let i = CellRef(id).flatMap(def.index(of:)) { out.insert(i) } }
            case .row(let table, let row):
                out.formUnion(def.rowCells(table, row))
            case .text, .report:
                break
            }
        }
        return out
    }
}

extension NoteDraft {
    /// True when the purpose asks for a verdict or decision at all.
    var needsStatusChoice: Bool {
        switch purpose {
        case .verdict, .decision: true
        case .comment, .reply: false
        }
    }
}
