/// Writing the members schema version 2 added: `preface`, `sign_off`, `origin` and `review`.
extension ReportFile {
    /// Most review notes a file may hold.
    public static let maxReviewNotes = 100_000

    static func version2Members(_ report: Report, includeReview: Bool) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [
            ("preface", .string(report.preface)),
            ("sign_off", report.signOff.map { signOff in
                object([("agency", .string(signOff.agency)), ("date", dateJSON(signOff.date))])
            } ?? .null),
            ("origin", originJSON(report.origin)),
        ]
        if includeReview { members.append(("review", reviewJSON(report.review))) }
        return members
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    static func dateJSON(_ date: CalendarDate?) -> JSONValue {
        date.map { .string($0.description) } ?? .null
    }

    static func originJSON(_ origin: ReportOrigin) -> JSONValue {
        object([
            ("copied_text_from", origin.copiedTextFrom.map { .string($0) } ?? .null),
            ("summed", origin.summed.map { summed -> JSONValue in
                var members: [(String, JSONValue)] = [
                    ("units", .array(summed.units.map { .string($0) })),
                    ("blanks", .object(JSONObject(summed.blanks.keys.sorted().map { key in
                        (key: key, value: JSONValue.array((summed.blanks[key] ?? []).map { .number(JSONNumber(Int64($0))) }))
                    }))),
                ]
                // Optional members, written only when there is something to say (older files stay byte for byte).
                if !summed.overflowed.isEmpty { members.append(("overflowed", .array(summed.overflowed.map { .string($0) }))) }
                if !summed.notSummed.isEmpty { members.append(("not_summed", .array(summed.notSummed.map { .string($0) }))) }
                return object(members)
            } ?? .null),
        ])
    }

    static func reviewJSON(_ review: ReviewRecord) -> JSONValue {
        object([
            ("notes", .array(review.notes.map(noteJSON))),
            ("decision", review.decision.map { decision in
                object([
                    ("status", .string(decision.status.rawValue)),
                    ("reviewer", .string(decision.reviewer)),
                    ("date", dateJSON(decision.date)),
                    ("reasons", .string(decision.reasons)),
                ])
            } ?? .null),
        ])
    }

    static func noteJSON(_ note: ReviewNote) -> JSONValue {
        object([
            ("target", targetJSON(note.target)),
            ("status", note.status.map { .string($0.rawValue) } ?? .null),
            ("text", .string(note.text)),
            ("author", .string(note.author)),
            ("date", dateJSON(note.date)),
            ("basis", .string(note.basis)),
            ("replies", .array(note.replies.map { reply in
                object([("author", .string(reply.author)), ("date", dateJSON(reply.date)), ("text", .string(reply.text))])
            })),
        ])
    }

    static func targetJSON(_ target: ReviewTarget) -> JSONValue {
        let kind: (String, JSONValue) = ("kind", .string(target.kind))
        switch target {
        case .finding(let rule, let cells, let part):
            return object([kind, ("rule", .string(rule)), ("cells", .array(cells.map { .string($0) })),
                           ("part", part.map { .string($0.id) } ?? .null)])
        case .cells(let cells):
            return object([kind, ("cells", .array(cells.map { .string($0) }))])
        case .row(let table, let row):
            return object([kind, ("table", .string(table.rawValue)), ("row", .string(row))])
        case .text(let part):
            return object([kind, ("part", .string(part.id))])
        case .report:
            return object([kind])
        }
    }
}
