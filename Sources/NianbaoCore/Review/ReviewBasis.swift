/// The `basis` of a review note: a digest of the values the note is about.
///
/// A note is stale when its basis differs from the basis computed from the report as it is now:
/// the cells (or the text) it was about have changed since the reviewer wrote it. Cells are
/// digested by id and canonical value, prose by its exact text; a note on the whole report uses
/// the content digest.
public enum ReviewBasis {
    /// The basis of `target` in `report`.
    public static func of(_ target: ReviewTarget, in report: Report) -> String {
        switch target {
        case .finding(_, let cells, let part):
            return digest(cells: cells, part: part, in: report)
        case .cells(let cells):
            return digest(cells: cells, part: nil, in: report)
        case .row(let table, let row):
            let def = report.definition
            let ids = def.rowCells(table, row).map { def.cells[$0].ref.description }
            return digest(cells: ids, part: nil, in: report)
        case .text(let part):
            return digest(cells: [], part: part, in: report)
        case .report:
            return ReportFile.digest(report)
        }
    }

    static func digest(cells: [String], part: TextPart?, in report: Report) -> String {
        var members: [JSONValue] = cells.sorted().map { id in
            .array([.string(id), ReportFile.cellJSON(report[id])])
        }
        if let part {
            members.append(.array([.string(part.id), .string(report.text(of: part))]))
            if part == .signOff { members.append(.string(report.signOff?.date?.description ?? "")) }
        }
        return ContentDigest.sha256(.array(members))
    }

    /// True when the note was written about values that are no longer there.
    public static func isStale(_ note: ReviewNote, in report: Report) -> Bool {
        !note.basis.isEmpty && note.basis != of(note.target, in: report)
    }
}
