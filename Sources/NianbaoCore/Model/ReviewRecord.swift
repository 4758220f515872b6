/// What reviewers said about a report: notes on findings, cells, rows and text, and a decision.
///
/// Stored in the file's `review` block and left out of the content digest, so adding a note
/// does not change the digest of what was reviewed.
public struct ReviewRecord: Sendable, Hashable {
    public var notes: [ReviewNote]
    public var decision: ReviewDecision?

    public init(notes: [ReviewNote] = [], decision: ReviewDecision? = nil) {
        self.notes = notes
        self.decision = decision
    }

    /// No notes and no decision.
    public var isEmpty: Bool { notes.isEmpty && decision == nil }
}

/// One reviewer note, with the clerk's and reviewers' replies.
public struct ReviewNote: Sendable, Hashable {
    public var target: ReviewTarget
    /// For notes on a finding: what the reviewer decided about it.
    public var status: ReviewStatus?
    public var text: String
    public var author: String
    public var date: CalendarDate?
    /// A digest of the values the note was about, to tell when they change (empty when unknown).
    public var basis: String
    public var replies: [ReviewReply]

    public init(target: ReviewTarget, status: ReviewStatus? = nil, text: String, author: String,
                date: CalendarDate? = nil, basis: String = "", replies: [ReviewReply] = []) {
        self.target = target
        self.status = status
        self.text = text
        self.author = author
        self.date = date
        self.basis = basis
        self.replies = replies
    }
}

/// What a note is about.
public enum ReviewTarget: Sendable, Hashable {
    /// A finding, by rule id and the dotted ids of its cells (and the prose part, for text findings).
    case finding(rule: String, cells: [String], part: TextPart?)
    /// One or more cells, by dotted id.
    case cells([String])
    /// A table row.
    case row(table: TableID, row: String)
    /// A prose part.
    case text(TextPart)
    /// The report as a whole.
    case report

    /// Id of the kind in files.
    public var kind: String {
        switch self {
        case .finding: "finding"
        case .cells: "cells"
        case .row: "row"
        case .text: "text"
        case .report: "report"
        }
    }
}

/// A reviewer's verdict on a finding.
public enum ReviewStatus: String, Sendable, Hashable, CaseIterable {
    /// 已核实: the problem is real.
    case confirmed
    /// 已说明: explained, with the reason in the note's text.
    case explained
    /// 误报: not a problem (warnings and info only), with the reason in the note's text.
    case dismissed

    public var label: String {
        switch self {
        case .confirmed: "已核实"
        case .explained: "已说明"
        case .dismissed: "误报"
        }
    }
}

/// A reply under a note.
public struct ReviewReply: Sendable, Hashable {
    public var author: String
    public var date: CalendarDate?
    public var text: String

    public init(author: String, date: CalendarDate? = nil, text: String) {
        self.author = author
        self.date = date
        self.text = text
    }
}

/// The reviewer's decision on the report.
public struct ReviewDecision: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// 退回: sent back, with reasons.
        case returned
        /// 通过: accepted.
        case accepted

        public var label: String {
            switch self {
            case .returned: "退回"
            case .accepted: "通过"
            }
        }
    }

    public var status: Status
    public var reviewer: String
    public var date: CalendarDate?
    public var reasons: String

    public init(status: Status, reviewer: String, date: CalendarDate? = nil, reasons: String = "") {
        self.status = status
        self.reviewer = reviewer
        self.date = date
        self.reasons = reasons
    }
}
