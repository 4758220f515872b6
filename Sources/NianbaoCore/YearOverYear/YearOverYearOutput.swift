/// `nianbao diff` output: plain text, Markdown, HTML and JSON of a `YearOverYear`.
extension YearOverYear {
    /// A ratio as a percentage with one decimal, or `—`.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }

    static func factor(_ ratio: Ratio) -> String {
        guard let f = ratio.factor else { return "—" }
        let hundredths = Int((f * 100).rounded())
        return "×\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    static func signed(_ value: CellValue?) -> String {
        guard let value else { return "" }
        let text = value.displayText
        return value.isNegative || value.isZero ? text : "+" + text
    }

    var title: String { Self.oneLine("\(report.agency)：\(previous.year) 年度 → \(report.year) 年度") }

    /// Text from the file on one line: a quoted passage may span paragraphs, and in the text and
    /// Markdown forms a line break from the file must not start a line (a heading, a list) of its own.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " ⏎ "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A passage as quoted in the text and Markdown forms: one line, at most 60 characters.
    static func quoted(_ passage: TextSpan) -> String {
        let quote = passage.quote.count > 60 ? String(passage.quote.prefix(60)) + "…" : passage.quote
        return "“" + oneLine(quote) + "”"
    }

    /// Rows of the changed cells only (the text and Markdown forms; HTML and JSON list every cell).
    var changedCells: [CellChange] { cells.filter { !($0.change?.isZero ?? ($0.last == $0.this)) } }

    /// Plain text, aligned for a terminal (the caller sanitises it).
    public func text() -> String {
        var out: [String] = [title]
        if let mismatch { out.append("注意：" + Self.oneLine(mismatch.message)) }
        out.append("")
        out.append("比率（narrative-checks §6）")
        for ratio in ratios {
            out.append("  \(ratio.name)：\(Self.percent(ratio.last)) → \(Self.percent(ratio.this))  \(Self.factor(ratio))"
                + (ratio.isJump ? "  ⚠ 变化异常" : "") + "    \(ratio.formula)")
        }
        out.append("")
        out.append("有变化的单元格（\(changedCells.count) / \(cells.count)）")
        for cell in changedCells {
            out.append("  \(cell.label)：\(cell.last.displayText) → \(cell.this.displayText)  \(Self.signed(cell.change))")
        }
        out.append("")
        out.append("文字与上一年度相同的比例（年份、数字不计）")
        for section in sections {
            let title = section.part.label(in: report.form)
            out.append("  \(title)：\(Self.percent(section.overlap.share))，相同段落 \(section.passages.count) 处")
            for passage in section.passages.prefix(5) {
                out.append("    " + Self.quoted(passage))
            }
        }
        out.append("")
        out.append("跨年度检查（\(findings.count) 项）")
        for finding in findings { out.append("  \(finding.severity.label) \(finding.ruleID) \(Self.oneLine(finding.message))") }
        return out.joinedText(separator: "\n") + "\n"
    }

    /// Markdown, for a knowledge base or an email.
    public func markdown() -> String {
        func md(_ s: String) -> String { ReportExporter.escapeMarkdown(s) }
        var out: [String] = ["# " + md(title), ""]
        if let mismatch { out += ["> 注意：" + md(Self.oneLine(mismatch.message)), ""] }
        out += ["## 比率", "", "| 比率 | \(previous.year) | \(report.year) | 变化 | 公式 |", "|---|---|---|---|---|"]
        for r in ratios {
            out.append("| \(r.name)\(r.isJump ? " ⚠" : "") | \(Self.percent(r.last)) | \(Self.percent(r.this)) | \(Self.factor(r)) | \(md(r.formula)) |")
        }
        out += ["", "## 单元格", "", "| 单元格 | \(previous.year) | \(report.year) | 变化 |", "|---|---|---|---|"]
        for c in changedCells {
            out.append("| \(md(c.label)) | \(c.last.displayText) | \(c.this.displayText) | \(Self.signed(c.change)) |")
        }
        out += ["", "## 文字相同比例", ""]
        for s in sections {
            out.append("- \(md(s.part.label(in: report.form)))：\(Self.percent(s.overlap.share))，相同段落 \(s.passages.count) 处")
            for p in s.passages.prefix(5) { out.append("  - " + md(Self.quoted(p))) }
        }
        out += ["", "## 跨年度检查", ""]
        for f in findings { out.append("- \(f.severity.label) `\(f.ruleID)` \(md(Self.oneLine(f.message)))") }
        return out.joinedText(separator: "\n") + "\n"
    }

    /// One HTML page (styles inline).
    public func html() -> String {
        func h(_ s: String) -> String { ReportExporter.escapeHTML(s) }
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(h(title))</title>"
        out += "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
        out += ".jump{color:#b00;font-weight:bold}.same{background:#ffe9a8}</style></head><body>\n"
        out += "<h1>\(h(title))</h1>\n"
        if let mismatch { out += "<p class=\"jump\">注意：\(h(mismatch.message))</p>\n" }
        out += "<h2>比率</h2>\n<table><tr><th>比率</th><th>\(previous.year)</th><th>\(report.year)</th><th>变化</th><th>公式</th></tr>\n"
        for r in ratios {
            out += "<tr\(r.isJump ? " class=\"jump\"" : "")><td>\(h(r.name))</td><td>\(Self.percent(r.last))</td><td>\(Self.percent(r.this))</td>"
                + "<td>\(Self.factor(r))</td><td>\(h(r.formula))</td></tr>\n"
        }
        out += "</table>\n<h2>单元格</h2>\n<table><tr><th>单元格</th><th>\(previous.year)</th><th>\(report.year)</th><th>变化</th></tr>\n"
        for c in cells {
            out += "<tr><td>\(h(c.label))</td><td>\(h(c.last.displayText))</td><td>\(h(c.this.displayText))</td><td>\(h(Self.signed(c.change)))</td></tr>\n"
        }
        out += "</table>\n<h2>文字相同比例（年份、数字不计）</h2>\n"
        for s in sections {
            out += "<h3>\(h(s.part.label(in: report.form)))：\(Self.percent(s.overlap.share))</h3>\n<p>"
            // The text with its identical passages marked.
            let characters = Array(report.text(of: s.part))
            var i = 0
            for p in s.passages {
                out += h(String(characters[i..<p.range.lowerBound])) + "<mark class=\"same\">" + h(p.quote) + "</mark>"
                i = p.range.upperBound
            }
            out += h(String(characters[i...])).replacingNewlines() + "</p>\n"
        }
        out += "<h2>跨年度检查</h2>\n<ul>\n"
        for f in findings { out += "<li>\(h(f.severity.label)) \(h(f.ruleID)) \(h(f.message))</li>\n" }
        return out + "</ul>\n</body></html>\n"
    }

    /// JSON (pretty, canonical key order as written).
    public func json() -> String {
        func number(_ d: Double?) -> JSONValue {
            guard let d, let n = JSONNumber((d * 10_000).rounded() / 10_000) else { return .null }
            return .number(n)
        }
        func span(_ s: TextSpan) -> JSONValue {
            ["part": .string(s.part.id), "start": .number(JSONNumber(s.range.lowerBound)),
             "end": .number(JSONNumber(s.range.upperBound)), "quote": .string(s.quote)]
        }
        let value: JSONValue = [
            "agency": .string(report.agency), "previous_year": .number(JSONNumber(previous.year)),
            "year": .number(JSONNumber(report.year)),
            "mismatch": mismatch.map { .string($0.message) } ?? .null,
            "ratios": .array(ratios.map { r in
                ["name": .string(r.name), "formula": .string(r.formula), "previous": number(r.last), "this": number(r.this),
                 "factor": number(r.factor), "jump": .bool(r.isJump)]
            }),
            "cells": .array(cells.map { c in
                ["id": .string(c.id), "previous": .string(c.last.description), "this": .string(c.this.description),
                 "change": c.change.map { .string($0.description) } ?? .null]
            }),
            "sections": .array(sections.map { s in
                ["part": .string(s.part.id), "identical_share": number(s.overlap.share), "passages": .array(s.passages.map(span))]
            }),
            "findings": .array(findings.map { f in
                ["rule": .string(f.ruleID), "severity": .string(f.severity.rawValue), "message": .string(f.message),
                 "cells": .array(f.cellRefs.map { .string($0.description) }), "span": f.span.map(span) ?? .null]
            }),
        ]
        return PrettyCanonicalWriter.string(value)
    }
}

extension String {
    /// Line breaks as `<br>` for HTML (the text is escaped already).
    func replacingNewlines() -> String {
        var out = ""
        for c in self { out += c == "\n" ? "<br>\n" : String(c) }
        return out
    }
}
