import NianbaoCore

/// The status board as text, Markdown (for a 通报), TSV and HTML.
enum BoardRendering {
    static func timelinessLabel(_ row: StatusBoard.Row) -> String {
        switch row.timeliness {
        case .onTime?: "按时"
        case .late?: "逾期"
        case .unknown?: row.due == nil ? "期限未定" : "日期不明"
        case nil: ""
        }
    }

    static func decisionLabel(_ row: StatusBoard.Row) -> String {
        switch row.report?.decision {
        case .returned?: "已退回"
        case .accepted?: "已通过"
        case nil: ""
        }
    }

    /// The headline in the shape offices publish.
    static func headline(_ b: StatusBoard) -> String {
        var text = "\(b.year) 年度：应公布年度报告单位 \(b.unitCount) 个，已报 \(b.filedCount) 个，未报 \(b.missing.count) 个；"
        text += "按时公布 \(b.onTimeCount) 个，按时公布率 \(b.onTimeRateText)"
        if b.late.count > 0 { text += "，逾期 \(b.late.count) 个" }
        if b.unknownTimelinessCount > 0 { text += "，\(b.unknownTimelinessCount) 个日期不明（未计入按时）" }
        text += "。"
        return text
    }

    static func tallies(_ b: StatusBoard) -> String {
        "有错误或未填 \(b.count(.blocked)) 个，仅有警告 \(b.count(.warningsOnly)) 个，无问题 \(b.count(.clean)) 个，"
            + "无数据可报 \(b.count(.nothingToReport)) 个，重复报送 \(b.count(.duplicate)) 个；"
            + "已退回 \(b.count(.returned)) 个，已通过 \(b.count(.accepted)) 个。"
    }

    static func names(_ rows: [StatusBoard.Row]) -> String {
        rows.map(\.unit.name).joined(separator: "、")
    }

    static func unmatchedLine(_ u: StatusBoard.Unmatched) -> String {
        u.candidates.isEmpty
            ? "\(u.report.agency)（\(u.report.path)）：不在名单上"
            : "\(u.report.agency)（\(u.report.path)）：可能是 \(u.candidates.joined(separator: "、")) 之一，未归入任何单位"
    }

    static func text(_ b: StatusBoard, unreadable: [String]) -> String {
        let s = { (t: String) in TerminalSafe.sanitize(t) }
        var out = headline(b) + "\n" + tallies(b) + "\n\n"
        let nameWidth = min(30, b.rows.map { DisplayWidth.of(s($0.unit.name)) }.max() ?? 8)
        for row in b.rows {
            let name = s(row.unit.name)
            let pad = String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)))
            var line = "\(name)\(pad)  \(row.state.label)"
            let when = timelinessLabel(row)
            if !when.isEmpty { line += "  \(when)" }
            if let signed = row.report?.signedOn { line += "  落款 \(signed)" }
            if let due = row.due, row.timeliness == .late { line += "（截止 \(due)）" }
            let decision = decisionLabel(row)
            if !decision.isEmpty { line += "  \(decision)" }
            if let r = row.report, r.errors + r.blanks + r.warnings > 0 {
                line += "  错误 \(r.errors) 未填 \(r.blanks) 警告 \(r.warnings)"
            }
            if row.matchedByEnding {
                let agencies = row.reports.map { $0.agency }.joined(separator: "、")
                line += "  （按名称末尾匹配：\(s(agencies))）"
            }
            if row.state == .duplicate { line += "  " + s(row.reports.map(\.path).joined(separator: "、")) }
            else if let r = row.report { line += "  " + s(r.path) }
            out += line + "\n"
        }
        if !b.missing.isEmpty { out += "\n未报（\(b.missing.count) 个）：" + s(names(b.missing)) + "\n" }
        if !b.late.isEmpty { out += "逾期（\(b.late.count) 个）：" + s(names(b.late)) + "\n" }
        if !b.unmatched.isEmpty {
            out += "\n未能对应到名单的报告（\(b.unmatched.count) 份）：\n"
            for u in b.unmatched { out += "  " + s(unmatchedLine(u)) + "\n" }
        }
        if !b.otherYears.isEmpty {
            out += "\n其他年度的报告（未统计，\(b.otherYears.count) 份）：" + s(b.otherYears.map { "\($0.agency) \($0.year)" }.joined(separator: "、")) + "\n"
        }
        if !unreadable.isEmpty {
            out += "\n无法读取的文件（\(unreadable.count) 个）：\n"
            for u in unreadable { out += "  " + s(u) + "\n" }
        }
        return out
    }

    /// A Markdown cell: pipes and line breaks escaped.
    static func md(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "\\", "*", "_", "`", "[", "]", "<", ">": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    static func markdown(_ b: StatusBoard, unreadable: [String]) -> String {
        var out = "# \(b.year) 年度政府信息公开工作年度报告报送情况\n\n" + headline(b) + "\n\n" + tallies(b) + "\n\n"
        if !b.missing.isEmpty { out += "**未报单位（\(b.missing.count) 个）：** " + md(names(b.missing)) + "\n\n" }
        if !b.late.isEmpty { out += "**逾期公布单位（\(b.late.count) 个）：** " + md(names(b.late)) + "\n\n" }
        out += "| 序号 | 单位 | 上级 | 状态 | 时限 | 落款日期 | 截止日期 | 错误 | 未填 | 警告 | 审核 |\n"
        out += "|---:|---|---|---|---|---|---|---:|---:|---:|---|\n"
        for (n, row) in b.rows.enumerated() {
            let r = row.report
            out += "| \(n + 1) | \(md(row.unit.name)) | \(md(row.unit.parent)) | \(row.state.label) | \(timelinessLabel(row)) | "
                + "\(r?.signedOn?.description ?? "") | \(row.due?.description ?? "") | "
                + "\(r.map { String($0.errors) } ?? "") | \(r.map { String($0.blanks) } ?? "") | \(r.map { String($0.warnings) } ?? "") | \(decisionLabel(row)) |\n"
        }
        if !b.unmatched.isEmpty {
            out += "\n**未能对应到名单的报告（\(b.unmatched.count) 份）：**\n\n"
            for u in b.unmatched { out += "- " + md(unmatchedLine(u)) + "\n" }
        }
        if !unreadable.isEmpty {
            out += "\n**无法读取的文件（\(unreadable.count) 个）：**\n\n"
            for u in unreadable { out += "- " + md(u) + "\n" }
        }
        return out
    }

    static func tsv(_ b: StatusBoard) -> String {
        var out = "unit\tlevel\tparent\tcontact\tstate\ttimeliness\tsigned_on\tdue\terrors\tblanks\twarnings\tdecision\tagency\tpath\n"
        let f = TSVReport.field
        for row in b.rows {
            let r = row.report
            out += [f(row.unit.name), f(row.unit.level), f(row.unit.parent), f(row.unit.contact), row.state.rawValue,
                    row.timeliness?.rawValue ?? "", r?.signedOn?.description ?? "", row.due?.description ?? "",
                    r.map { String($0.errors) } ?? "", r.map { String($0.blanks) } ?? "", r.map { String($0.warnings) } ?? "",
                    r?.decision?.rawValue ?? "", f(row.reports.map(\.agency).joined(separator: ";")),
                    f(row.reports.map(\.path).joined(separator: ";"))].joined(separator: "\t") + "\n"
        }
        for u in b.unmatched {
            out += ["", "", "", "", u.candidates.isEmpty ? "unmatched" : "ambiguous", "", u.report.signedOn?.description ?? "", "",
                    String(u.report.errors), String(u.report.blanks), String(u.report.warnings), "",
                    f(u.report.agency), f(u.report.path)].joined(separator: "\t") + "\n"
        }
        return out
    }

    static func html(_ b: StatusBoard, unreadable: [String]) -> String {
        let h = { (t: String) in ReportExporter.escapeHTML(t) }
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(b.year) 年度年度报告报送情况</title>\n"
        out += "<style>table{border-collapse:collapse}td,th{border:1px solid #888;padding:2px 6px}td.n{text-align:right}"
            + "tr.missing{background:#fdd}tr.blocked{background:#ffe9c6}tr.late td.t{color:#b00;font-weight:bold}</style>\n</head>\n<body>\n"
        out += "<h1>\(b.year) 年度政府信息公开工作年度报告报送情况</h1>\n<p>\(h(headline(b)))</p>\n<p>\(h(tallies(b)))</p>\n"
        if !b.missing.isEmpty { out += "<p><strong>未报单位（\(b.missing.count) 个）：</strong>\(h(names(b.missing)))</p>\n" }
        if !b.late.isEmpty { out += "<p><strong>逾期公布单位（\(b.late.count) 个）：</strong>\(h(names(b.late)))</p>\n" }
        out += "<table>\n<tr><th>序号</th><th>单位</th><th>上级</th><th>状态</th><th>时限</th><th>落款日期</th><th>截止日期</th><th>错误</th><th>未填</th><th>警告</th><th>审核</th></tr>\n"
        for (n, row) in b.rows.enumerated() {
            let r = row.report
            var classes: [String] = []
            if row.state == .missing { classes.append("missing") }
            if row.state == .blocked { classes.append("blocked") }
            if row.timeliness == .late { classes.append("late") }
            let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            out += "<tr\(cls)><td class=\"n\">\(n + 1)</td><td>\(h(row.unit.name))</td><td>\(h(row.unit.parent))</td><td>\(row.state.label)</td>"
                + "<td class=\"t\">\(timelinessLabel(row))</td><td>\(r?.signedOn?.description ?? "")</td><td>\(row.due?.description ?? "")</td>"
                + "<td class=\"n\">\(r.map { String($0.errors) } ?? "")</td><td class=\"n\">\(r.map { String($0.blanks) } ?? "")</td>"
                + "<td class=\"n\">\(r.map { String($0.warnings) } ?? "")</td><td>\(decisionLabel(row))</td></tr>\n"
        }
        out += "</table>\n"
        if !b.unmatched.isEmpty {
            out += "<h2>未能对应到名单的报告（\(b.unmatched.count) 份）</h2>\n<ul>\n"
            for u in b.unmatched { out += "<li>\(h(unmatchedLine(u)))</li>\n" }
            out += "</ul>\n"
        }
        if !unreadable.isEmpty {
            out += "<h2>无法读取的文件（\(unreadable.count) 个）</h2>\n<ul>\n"
            for u in unreadable { out += "<li>\(h(u))</li>\n" }
            out += "</ul>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
