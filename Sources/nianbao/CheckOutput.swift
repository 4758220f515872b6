import NianbaoCore

/// Human-readable `check` output, grouped by section with the official labels.
enum TextReport {
    static func render(_ result: CheckResult) -> String {
        let path = TerminalSafe.sanitize(result.path)
        guard let report = result.report else {
            return "✗ \(TerminalSafe.sanitize(result.error?.description ?? path))\n"
        }
        let counts = Dictionary(grouping: result.findings, by: \.severity).mapValues(\.count)
        let tally = Severity.allCases.compactMap { s in counts[s].map { "\($0) 个\(s.label)" } }
        let mark = result.exitCode == 0 ? "✓" : "✗"
        var text = "\(mark) \(path)：\(TerminalSafe.sanitize(report.agency)) \(report.year) 年度（\(report.form.displayName)）"
        text += tally.isEmpty ? " — 未发现问题\n" : " — " + tally.joined(separator: "，") + "\n"
        if let note = result.previousMismatch { text += "  注意：\(note)\n" }
        var currentSection: SectionID?? = .none
        for finding in result.findings {
            if currentSection != .some(finding.section) {
                currentSection = .some(finding.section)
                let title = finding.section.map { report.definition.section($0).title } ?? "基本信息"
                text += "  \(title)\n"
            }
            text += "    [\(finding.severity.label)] \(finding.ruleID)  \(TerminalSafe.sanitize(finding.message))\n"
            if !finding.cells.isEmpty, finding.cells.count <= 8 {
                text += "        单元格：" + finding.cellLabels.joined(separator: "；") + "\n"
            } else if finding.cells.count > 8 {
                text += "        单元格：" + finding.cellLabels.prefix(8).joined(separator: "；") + "；等 \(finding.cells.count) 个\n"
            }
        }
        return text
    }

    static func summary(_ results: [CheckResult]) -> String {
        let unreadable = results.filter { $0.error != nil }.count
        let blocked = results.filter { $0.exitCode == 1 }.count
        let clean = results.count - unreadable - blocked
        return "\n共 \(results.count) 个文件：\(clean) 个可提交，\(blocked) 个有错误或未填，\(unreadable) 个无法读取。\n"
    }
}

/// Machine-readable `check --format json` output: one document for all files.
enum JSONReport {
    static func render(_ results: [CheckResult], previous: String?) -> JSONValue {
        var files: [JSONValue] = []
        for result in results {
            var members: [(key: String, value: JSONValue)] = [("path", .string(result.path))]
            if let error = result.error {
                members.append(("status", .string("unreadable")))
                var e: [(key: String, value: JSONValue)] = [("message", .string(error.message))]
                if let line = error.line { e.append(("line", .number(JSONNumber(Int64(line))))) }
                if let column = error.column { e.append(("column", .number(JSONNumber(Int64(column))))) }
                if let p = error.jsonPath { e.append(("json_path", .string(p))) }
                members.append(("error", .object(JSONObject(e))))
            } else if let report = result.report {
                members.append(("status", .string(result.exitCode == 0 ? "ok" : "blocked")))
                members.append(("agency", .string(report.agency)))
                members.append(("year", .number(JSONNumber(Int64(report.year)))))
                members.append(("form", .string(report.form.rawValue)))
                members.append(("digest", .string(result.digest ?? ReportFile.digest(report))))
                members.append(("findings", .array(result.findings.map(finding))))
            }
            files.append(.object(JSONObject(members)))
        }
        let count = { (code: Int32) in JSONValue.number(JSONNumber(Int64(results.filter { $0.exitCode == code }.count))) }
        var top: [(key: String, value: JSONValue)] = [
            ("format", .string("nianbao-check")),
            ("schema_version", .number(JSONNumber(1))),
            ("files", .array(files)),
            ("summary", .object(JSONObject([("ok", count(0)), ("blocked", count(1)), ("unreadable", count(2))]))),
        ]
        if let previous { top.append(("previous", .string(previous))) }
        return .object(JSONObject(top))
    }

    static func finding(_ f: Finding) -> JSONValue {
        let cells = zip(f.cellRefs, f.cellLabels).map { ref, label in
            JSONValue.object(JSONObject([("id", .string(ref.description)), ("label", .string(label))]))
        }
        var members: [(key: String, value: JSONValue)] = [
            ("rule", .string(f.ruleID)),
            ("severity", .string(f.severity.rawValue)),
            ("section", f.section.map { .string($0.rawValue) } ?? .null),
            ("cells", .array(cells)),
            ("message", .string(f.message)),
        ]
        if let e = f.expected { members.append(("expected", .string(e))) }
        if let a = f.actual { members.append(("actual", .string(a))) }
        return .object(JSONObject(members))
    }
}
