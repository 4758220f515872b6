/// A finding together with what reviewers said about it.
public struct ReviewedFinding: Sendable {
    public let finding: Finding
    private let knownFingerprint: ReviewFingerprint?
    /// The finding's fingerprint (made when asked for, when no note needed it).
    public var fingerprint: ReviewFingerprint { knownFingerprint ?? ReviewFingerprint(finding) }
    /// Index in `ReviewRecord.notes` of the verdict note on this finding, if any.
    public let noteIndex: Int?
    public let note: ReviewNote?
    /// The cells or text changed since the note was written: the verdict no longer holds.
    public let stale: Bool

    /// The verdict in force: the note's status unless the note is stale, or a dismissal that
    /// does not apply (an error or a blank cannot be dismissed).
    public var status: ReviewStatus? {
        guard !stale, let status = note?.status else { return nil }
        if status == .dismissed, finding.severity.blocksSubmission { return nil }
        return status
    }

    /// True unless the finding is dismissed (误报) by a note that still holds.
    public var isOpen: Bool { status != .dismissed }

    public init(finding: Finding, fingerprint: ReviewFingerprint?, noteIndex: Int?, note: ReviewNote?, stale: Bool) {
        self.finding = finding
        self.knownFingerprint = fingerprint
        self.noteIndex = noteIndex
        self.note = note
        self.stale = stale
    }

    /// A finding no reviewer has written about.
    public init(unreviewed finding: Finding) {
        self.finding = finding
        knownFingerprint = nil
        noteIndex = nil
        note = nil
        stale = false
    }
}

extension ReviewRecord {
    /// Index of the latest note on the finding with this fingerprint.
    public func noteIndex(for fingerprint: ReviewFingerprint) -> Int? {
        notes.lastIndex { ReviewFingerprint($0.target) == fingerprint }
    }

    /// Each finding with its note, in the findings' order.
    public func annotate(_ findings: [Finding], in report: Report) -> [ReviewedFinding] {
        var latest: [ReviewFingerprint: Int] = [:]
        for (i, note) in notes.enumerated() {
            if let fp = ReviewFingerprint(note.target) { latest[fp] = i }
        }
        return findings.map { f in
            let fp = ReviewFingerprint(f)
            let index = latest[fp]
            let note = index.map { notes[$0] }
            return ReviewedFinding(finding: f, fingerprint: fp, noteIndex: index, note: note,
                                   stale: note.map { ReviewBasis.isStale($0, in: report) } ?? false)
        }
    }

    /// Notes on findings that are not raised any more (the problem was mended, or the rule changed).
    public func resolvedNotes(current findings: [Finding]) -> [Int] {
        let raised = Set(findings.map(ReviewFingerprint.init))
        return notes.indices.filter { i in
            guard let fp = ReviewFingerprint(notes[i].target) else { return false }
            return !raised.contains(fp)
        }
    }

    /// Notes about a cell (dotted id): on the cell, on its row, or on a finding involving it.
    public func notes(onCell id: String) -> [Int] {
        guard let ref = CellRef(id) else { return [] }
        return notes.indices.filter { i in
            switch notes[i].target {
            case .cells(let cells), .finding(_, let cells, _): cells.contains(id)
            case .row(let table, let row): table == ref.table && row == ref.row
            case .text, .report: false
            }
        }
    }

    /// Notes about a prose part: comments on it and notes on findings in it.
    public func notes(onText part: TextPart) -> [Int] {
        notes.indices.filter { i in
            switch notes[i].target {
            case .text(let p): p == part
            case .finding(_, _, let p): p == part
            default: false
            }
        }
    }

    /// Notes on the report as a whole.
    public var reportNotes: [Int] {
        notes.indices.filter { if case .report = notes[$0].target { true } else { false } }
    }

    /// Indices of the notes whose values changed since they were written.
    public func staleNotes(in report: Report) -> [Int] {
        notes.indices.filter { ReviewBasis.isStale(notes[$0], in: report) }
    }
}
