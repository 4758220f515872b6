/// Reading the members schema version 2 added: `preface`, `sign_off`, `origin` and `review`.
extension ReportDecoder {
    static let signOffKeys = KeySet(["agency", "date"])
    static let originKeys = KeySet(["copied_text_from", "summed"])
    static let summedKeys = KeySet(["units", "blanks"])
    /// Members of `summed` a file may leave out (written only when not empty).
    static let summedOptionalKeys = ["overflowed", "not_summed"]
    static let reviewKeys = KeySet(["notes", "decision"])
    static let decisionKeys = KeySet(["status", "reviewer", "date", "reasons"])
    static let noteKeys = KeySet(["target", "status", "text", "author", "date", "basis", "replies"])
    static let replyKeys = KeySet(["author", "date", "text"])
    static let targetKeys: [String: KeySet] = [
        "finding": KeySet(["kind", "rule", "cells", "part"]),
        "cells": KeySet(["kind", "cells"]),
        "row": KeySet(["kind", "table", "row"]),
        "text": KeySet(["kind", "part"]),
        "report": KeySet(["kind"]),
    ]

    func decodeVersion2(preface: JSONValue, signOff: JSONValue, origin: JSONValue, review: JSONValue,
                        into report: inout Report) throws(ReportFileError) {
        report.preface = try string(preface, at: ["preface"], what: "preface（前言）")
        if signOff != .null {
            let m = try members(signOff, at: ["sign_off"], expected: Self.signOffKeys, what: "sign_off（落款）")
            let agency = try string(m[0], at: ["sign_off", "agency"], what: "落款机关")
            try checkLength(agency, at: ["sign_off", "agency"], what: "落款机关")
            report.signOff = SignOff(agency: agency, date: try date(m[1], at: ["sign_off", "date"], what: "落款日期"))
        }
        report.origin = try decodeOrigin(origin, form: report.form)
        report.review = try decodeReview(review, form: report.form)
    }

    func string(_ value: JSONValue, at pointer: [String], what: String) throws(ReportFileError) -> String {
        guard case .string(let text) = value else {
            throw fail(pointer, "\(what)应为字符串，实际为\(Self.kindName(value))。")
        }
        return text
    }

    func optionalString(_ value: JSONValue, at pointer: [String], what: String) throws(ReportFileError) -> String? {
        value == .null ? nil : try string(value, at: pointer, what: what)
    }

    func checkLength(_ text: String, at pointer: [String], what: String) throws(ReportFileError) {
        guard text.utf8.count <= ReportFile.maxAgencyLength * 4 else {
            throw fail(pointer, "\(what)过长：\(text.utf8.count) 字节，上限 \(ReportFile.maxAgencyLength * 4)。")
        }
    }

    func date(_ value: JSONValue, at pointer: [String], what: String) throws(ReportFileError) -> CalendarDate? {
        if value == .null { return nil }
        let text = try string(value, at: pointer, what: what)
        guard let date = CalendarDate(text) else {
            throw fail(pointer, "\(what) “\(text)” 不是有效日期，应为 YYYY-MM-DD，如 \"2022-01-20\"。")
        }
        return date
    }

    func array(_ value: JSONValue, at pointer: [String], what: String, limit: Int) throws(ReportFileError) -> [JSONValue] {
        guard case .array(let items) = value else {
            throw fail(pointer, "\(what)应为 JSON 数组 […]，实际为\(Self.kindName(value))。")
        }
        guard items.count <= limit else { throw fail(pointer, "\(what)过多：\(items.count) 项，上限 \(limit)。") }
        return items
    }

    func cellID(_ value: JSONValue, at pointer: [String], form: FormVersion) throws(ReportFileError) -> String {
        let id = try string(value, at: pointer, what: "单元格编号")
        guard let ref = CellRef(id), form.definition.index(of: ref) != nil else {
            throw fail(pointer, "“\(id)” 不是 \(form.rawValue) 版表格中的单元格编号（如 \"t3.r1.np\"）。")
        }
        return id
    }

    func part(_ value: JSONValue, at pointer: [String]) throws(ReportFileError) -> TextPart {
        let id = try string(value, at: pointer, what: "正文部分")
        guard let part = TextPart(id: id) else {
            throw fail(pointer, "“\(id)” 不是正文部分；应为 preface、s1、s5、s6 或 sign_off。")
        }
        return part
    }

    func decodeOrigin(_ value: JSONValue, form: FormVersion) throws(ReportFileError) -> ReportOrigin {
        let m = try members(value, at: ["origin"], expected: Self.originKeys, what: "origin（来源）")
        var origin = ReportOrigin()
        origin.copiedTextFrom = try optionalString(m[0], at: ["origin", "copied_text_from"], what: "copied_text_from")
        if m[1] != .null {
            // `overflowed` and `not_summed` are optional: take them out before the strict check of the rest.
            var optional: [String: JSONValue] = [:]
            var required = m[1]
            if case .object(var object) = m[1] {
                for key in Self.summedOptionalKeys {
                    if let value = object[key] {
                        optional[key] = value
                        object[key] = nil
                    }
                }
                required = .object(object)
            }
            let s = try members(required, at: ["origin", "summed"], expected: Self.summedKeys, what: "summed（汇总来源）")
            var units: [String] = []
            for (i, unit) in try array(s[0], at: ["origin", "summed", "units"], what: "汇总单位", limit: 1_000_000).enumerated() {
                units.append(try string(unit, at: ["origin", "summed", "units", String(i)], what: "汇总单位名称"))
            }
            guard case .object(let blanksObject) = s[1] else {
                throw fail(["origin", "summed", "blanks"], "blanks 应为 JSON 对象 {…}，实际为\(Self.kindName(s[1]))。")
            }
            var blanks: [String: [Int]] = [:]
            for member in blanksObject.members {
                let at = ["origin", "summed", "blanks", member.key]
                let id = try cellID(.string(member.key), at: at, form: form)
                var indices: [Int] = []
                for (i, item) in try array(member.value, at: at, what: "未填单位", limit: units.count).enumerated() {
                    guard case .number(let n) = item, let k = n.int64, k >= 0, k < Int64(units.count) else {
                        throw fail(at + [String(i)], "应为 units 中的序号（0 到 \(units.count - 1) 的整数）。")
                    }
                    indices.append(Int(k))
                }
                blanks[id] = indices
            }
            var lists: [String: [String]] = [:]
            for key in Self.summedOptionalKeys {
                guard let value = optional[key] else { continue }
                var ids: [String] = []
                for (i, item) in try array(value, at: ["origin", "summed", key], what: key, limit: form.definition.cells.count).enumerated() {
                    ids.append(try cellID(item, at: ["origin", "summed", key, String(i)], form: form))
                }
                lists[key] = ids
            }
            origin.summed = SumProvenance(units: units, blanks: blanks, overflowed: lists["overflowed"] ?? [],
                                          notSummed: lists["not_summed"] ?? [])
        }
        return origin
    }

    func decodeReview(_ value: JSONValue, form: FormVersion) throws(ReportFileError) -> ReviewRecord {
        let m = try members(value, at: ["review"], expected: Self.reviewKeys, what: "review（审核记录）")
        var record = ReviewRecord()
        for (i, item) in try array(m[0], at: ["review", "notes"], what: "审核意见", limit: ReportFile.maxReviewNotes).enumerated() {
            record.notes.append(try decodeNote(item, at: ["review", "notes", String(i)], form: form))
        }
        if m[1] != .null {
            let at = ["review", "decision"]
            let d = try members(m[1], at: at, expected: Self.decisionKeys, what: "decision（审核结论）")
            let statusText = try string(d[0], at: at + ["status"], what: "审核结论")
            guard let status = ReviewDecision.Status(rawValue: statusText) else {
                throw fail(at + ["status"], "审核结论 “\(statusText)” 无效；应为 \"returned\"（退回）或 \"accepted\"（通过）。")
            }
            record.decision = ReviewDecision(status: status,
                                             reviewer: try string(d[1], at: at + ["reviewer"], what: "审核人"),
                                             date: try date(d[2], at: at + ["date"], what: "审核日期"),
                                             reasons: try string(d[3], at: at + ["reasons"], what: "退回理由"))
        }
        return record
    }

    func decodeNote(_ value: JSONValue, at pointer: [String], form: FormVersion) throws(ReportFileError) -> ReviewNote {
        let m = try members(value, at: pointer, expected: Self.noteKeys, what: "审核意见")
        let target = try decodeTarget(m[0], at: pointer + ["target"], form: form)
        var status: ReviewStatus?
        if m[1] != .null {
            let text = try string(m[1], at: pointer + ["status"], what: "意见状态")
            guard let s = ReviewStatus(rawValue: text) else {
                throw fail(pointer + ["status"], "意见状态 “\(text)” 无效；应为 confirmed（已核实）、explained（已说明）、dismissed（误报）或 null。")
            }
            status = s
        }
        var replies: [ReviewReply] = []
        for (i, item) in try array(m[6], at: pointer + ["replies"], what: "回复", limit: ReportFile.maxReviewNotes).enumerated() {
            let at = pointer + ["replies", String(i)]
            let r = try members(item, at: at, expected: Self.replyKeys, what: "回复")
            replies.append(ReviewReply(author: try string(r[0], at: at + ["author"], what: "回复人"),
                                       date: try date(r[1], at: at + ["date"], what: "回复日期"),
                                       text: try string(r[2], at: at + ["text"], what: "回复内容")))
        }
        return ReviewNote(target: target, status: status,
                          text: try string(m[2], at: pointer + ["text"], what: "意见内容"),
                          author: try string(m[3], at: pointer + ["author"], what: "审核人"),
                          date: try date(m[4], at: pointer + ["date"], what: "意见日期"),
                          basis: try string(m[5], at: pointer + ["basis"], what: "basis"),
                          replies: replies)
    }

    func decodeTarget(_ value: JSONValue, at pointer: [String], form: FormVersion) throws(ReportFileError) -> ReviewTarget {
        guard case .object(let object) = value else {
            throw fail(pointer, "target（意见对象）应为 JSON 对象 {…}，实际为\(Self.kindName(value))。")
        }
        guard case .string(let kind)? = object["kind"], let keys = Self.targetKeys[kind] else {
            throw fail(pointer + ["kind"], "target.kind 应为 finding、cells、row、text 或 report。")
        }
        let m = try members(value, at: pointer, expected: keys, what: "target（意见对象）")
        func cells(_ v: JSONValue) throws(ReportFileError) -> [String] {
            var ids: [String] = []
            for (i, item) in try array(v, at: pointer + ["cells"], what: "单元格", limit: 10_000).enumerated() {
                ids.append(try cellID(item, at: pointer + ["cells", String(i)], form: form))
            }
            return ids
        }
        switch kind {
        case "finding":
            let rule = try string(m[1], at: pointer + ["rule"], what: "规则编号")
            return .finding(rule: rule, cells: try cells(m[2]), part: m[3] == .null ? nil : try part(m[3], at: pointer + ["part"]))
        case "cells":
            return .cells(try cells(m[1]))
        case "row":
            let tableText = try string(m[1], at: pointer + ["table"], what: "表格编号")
            let row = try string(m[2], at: pointer + ["row"], what: "行编号")
            guard let table = TableID(rawValue: tableText), form.definition.tables.contains(where: { $0.id == table }),
                  form.definition.table(table).row(row) != nil else {
                throw fail(pointer, "“\(tableText).\(row)” 不是 \(form.rawValue) 版表格中的行。")
            }
            return .row(table: table, row: row)
        case "text":
            return .text(try part(m[1], at: pointer + ["part"]))
        default:
            return .report
        }
    }
}
