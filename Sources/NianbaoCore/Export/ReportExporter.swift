/// Writes a report in the official layout: title, the six sections with their official
/// headings, and the three tables with the exact official labels, generated from the form
/// declaration. Empty cells are written blank; amounts are written exactly.
public enum ReportExporter {
    /// `<agency><year>年政府信息公开工作年度报告`.
    ///
    /// The agency is shown on one line, with any control or format character made visible.
    public static func title(_ report: Report) -> String {
        "\(ExportText.line(report.agency))\(report.year)年政府信息公开工作年度报告"
    }

    // MARK: HTML

    static let css = """
    @page { size: A4; margin: 18mm 15mm; }
    html { background: #fff; }
    body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 12pt;
      line-height: 1.6; color: #000; background: #fff; max-width: 190mm; margin: 0 auto; padding: 16px; }
    h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 18pt; text-align: center; margin: 0.5em 0 1em; }
    h2 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 1.2em 0 0.5em;
      break-after: avoid; page-break-after: avoid; }
    p { margin: 0 0 0.4em; text-indent: 2em; white-space: pre-wrap; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt; line-height: 1.35; }
    th, td { border: 1px solid #000; padding: 3px 4px; text-align: center; vertical-align: middle; }
    th { font-weight: normal; }
    th.cap { font-weight: bold; background: #f2f2f2; }
    th.hd { font-weight: bold; }
    th.lb { text-align: left; }
    th.corner { font-size: 9pt; font-weight: normal; }
    p.sign { text-align: right; text-indent: 0; margin: 0; }
    td.v { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    thead { display: table-header-group; }
    table.t2 td.v { width: 24%; }
    table.t3 td.v { width: 7.5%; }
    table.t4 { font-size: 9pt; table-layout: fixed; }
    table.t4 th, table.t4 td { padding: 2px 1px; }
    @media print {
      body { max-width: none; padding: 0; }
      th.cap { background: none; }
    }
    """

    /// One self-contained HTML file (inline CSS) that reads well on screen and prints on A4.
    public static func html(_ report: Report) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"nianbao\">\n"
        out += "<meta name=\"nianbao-form\" content=\"\(report.form.rawValue)\">\n"
        out += "<meta name=\"nianbao-scope\" content=\"\(report.scope.rawValue)\">\n"
        out += "<title>\(escapeHTML(title(report)))</title>\n<style>\n\(css)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(escapeHTML(title(report)))</h1>\n"
        for line in ExportText.lines(report.preface) where !report.preface.isEmpty {
            out += "<p>\(escapeHTMLText(String(line)))</p>\n"
        }
        let definition = report.definition
        for section in definition.sections {
            out += "<h2>\(escapeHTML(section.title))</h2>\n"
            switch section.content {
            case .text:
                let text = report.text(section.id)
                if !text.isEmpty {
                    for line in ExportText.lines(text) {
                        out += "<p>\(escapeHTMLText(String(line)))</p>\n"
                    }
                }
            case .table(let id):
                out += htmlTable(PrintedTable.make(definition.table(id), report: report))
            }
        }
        for line in signOffLines(report) { out += "<p class=\"sign\">\(escapeHTML(line))</p>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// 落款: the agency and the date (`2024年1月20日`), each on one line, when the report has one.
    static func signOffLines(_ report: Report) -> [String] {
        guard let signOff = report.signOff else { return [] }
        var lines: [String] = []
        if !signOff.agency.isEmpty { lines.append(ExportText.line(signOff.agency)) }
        if let date = signOff.date { lines.append(date.chinese) }
        return lines
    }

    static func htmlTable(_ table: PrintedTable) -> String {
        var out = "<table class=\"\(table.tableID.rawValue)\">\n"
        func row(_ cells: [PrintedTable.Cell]) -> String {
            var s = "<tr>"
            for cell in cells {
                let tag = cell.role == .value || cell.role == .filler ? "td" : "th"
                var attributes = ""
                switch cell.role {
                case .caption: attributes += " class=\"cap\""
                case .header: attributes += cell.text.hasPrefix("（本列") ? " class=\"corner\"" : " class=\"hd\""
                case .rowLabel: attributes += " class=\"lb\" scope=\"row\""
                case .value: attributes += " class=\"v\""
                case .filler: break
                }
                if cell.rowspan > 1 { attributes += " rowspan=\"\(cell.rowspan)\"" }
                if cell.colspan > 1 { attributes += " colspan=\"\(cell.colspan)\"" }
                s += "<\(tag)\(attributes)>\(escapeHTML(cell.text))</\(tag)>"
            }
            return s + "</tr>\n"
        }
        if !table.headerRows.isEmpty {
            out += "<thead>\n"
            for r in table.headerRows { out += row(r) }
            out += "</thead>\n"
        }
        out += "<tbody>\n"
        for r in table.bodyRows { out += row(r) }
        out += "</tbody>\n</table>\n"
        return out
    }

    /// Escapes `& < > " '`.
    public static func escapeHTML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes narrative text so that every space survives HTML whitespace collapsing:
    /// single spaces between words stay literal, the rest become `&#32;`.
    static func escapeHTMLText(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (i, scalar) in scalars.enumerated() {
            if scalar == " " {
                let lone = i > 0 && i + 1 < scalars.count && scalars[i - 1] != " " && scalars[i + 1] != " "
                    && !isHTMLSpace(scalars[i - 1]) && !isHTMLSpace(scalars[i + 1])
                out += lone ? " " : "&#32;"
            } else if scalar == "\n" {
                out += "&#10;"
            } else if scalar == "\u{0C}" {
                out += "&#12;"
            } else {
                out += escapeHTML(String(scalar))
            }
        }
        return out
    }

    private static func isHTMLSpace(_ s: Unicode.Scalar) -> Bool { s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" }

    // MARK: Markdown

    /// Markdown for wikis and documents. Pipe tables cannot merge cells, so header paths are
    /// flattened (`申请人情况/法人或其他组织/商业企业`).
    public static func markdown(_ report: Report) -> String {
        var out = "# \(escapeMarkdown(title(report)))\n"
        let preface = ExportText.lines(report.preface).filter { !$0.isEmpty }.map { escapeMarkdownLine(String($0)) }
        if !preface.isEmpty { out += "\n" + preface.joined(separator: "\n\n") + "\n" }
        let definition = report.definition
        for section in definition.sections {
            out += "\n## \(escapeMarkdown(section.title))\n\n"
            switch section.content {
            case .text:
                let text = report.text(section.id)
                var paragraphs: [String] = []
                for line in ExportText.lines(text) where !line.isEmpty {
                    paragraphs.append(escapeMarkdownLine(String(line)))
                }
                if !paragraphs.isEmpty { out += paragraphs.joined(separator: "\n\n") + "\n" }
            case .table(let id):
                out += markdownTable(definition.table(id), report: report)
            }
        }
        let signOff = signOffLines(report).map { escapeMarkdownLine($0) }
        if !signOff.isEmpty { out += "\n" + signOff.joined(separator: "\n\n") + "\n" }
        return out
    }

    static func markdownTable(_ table: TableDefinition, report: Report) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map(escapeMarkdownCell).joined(separator: " | ") + " |\n" }
        func rule(_ alignments: [Bool]) -> String { "|" + alignments.map { $0 ? " ---: |" : " --- |" }.joined() + "\n" }
        var out = ""
        switch table.layout {
        case .grid:
            for block in table.blocks {
                if let caption = block.caption { out += "**\(escapeMarkdown(caption))**\n\n" }
                let corner = table.cornerNote ?? table.rowHeader ?? "项目"
                out += row([corner] + block.columns.map { $0.labelPath.joined(separator: "/") })
                out += rule([false] + block.columns.map { _ in true })
                for r in block.rows {
                    let values = block.columns.map { c in
                        r.hasCell(in: c.id) ? report[CellRef(table: table.id, row: r.id, column: c.id)].description : ""
                    }
                    out += row([r.labelPath.joined(separator: "/")] + values)
                }
                out += "\n"
            }
        case .blocksSideBySide:
            var headers: [String] = []
            var values: [String] = []
            for block in table.blocks {
                for r in block.rows {
                    for c in block.columns {
                        headers.append((r.labelPath + [c.displayLabel]).joined(separator: "/"))
                        values.append(report[CellRef(table: table.id, row: r.id, column: c.id)].description)
                    }
                }
            }
            out += row(headers) + rule(headers.map { _ in true }) + row(values) + "\n"
        }
        return out
    }

    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "*", "_", "`", "[", "]", "|", "~": out += "\\" + String(c)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// One line of narrative text as a Markdown paragraph that the text cannot give structure:
    /// leading spaces and tabs become character references (so no code block, and no marker
    /// counts as being at the line start), and a leading heading, list, quote, rule or
    /// setext marker (`#`, `-`, `+`, `=`, `1.`, `1)`) is escaped.
    static func escapeMarkdownLine(_ line: String) -> String {
        var indent = ""
        var rest = Substring(line)
        while let first = rest.first, first == " " || first == "\t" {
            indent += first == " " ? "&#32;" : "&#9;"
            rest = rest.dropFirst()
        }
        var text = escapeMarkdown(String(rest))
        if let first = text.first, "#-+=".contains(first) { text = "\\" + text }
        // An ordered-list marker: 1–9 digits, then `.` or `)`, then a space, a tab or the end.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if (1...9).contains(digits.count), let delimiter = text.dropFirst(digits.count).first,
           delimiter == "." || delimiter == ")" {
            let after = text.dropFirst(digits.count + 1).first
            if after == nil || after == " " || after == "\t" {
                text.insert("\\", at: text.index(text.startIndex, offsetBy: digits.count))
            }
        }
        return indent + text
    }

    static func escapeMarkdownCell(_ text: String) -> String { escapeMarkdown(text) }

    // MARK: flattened web text

    /// Text in the shape of a web page copied as text (like the seed): one table cell per line
    /// ending in ` |`, rows ended by a `|` line. Used to exercise the importer on that shape.
    public static func flattenedText(_ report: Report) -> String {
        var out = title(report) + "\n"
        let definition = report.definition
        for section in definition.sections {
            out += section.title + "\n"
            switch section.content {
            case .text:
                let text = report.text(section.id)
                if !text.isEmpty { out += text + "\n" }
            case .table(let id):
                let table = PrintedTable.make(definition.table(id), report: report)
                for row in table.headerRows + table.bodyRows {
                    for cell in row { out += cell.text + " |\n" }
                    out += "|\n"
                }
            }
        }
        return out
    }

    // MARK: plain text

    /// Plain text with every table drawn in columns aligned by display width (CJK = 2 cells).
    public static func plainText(_ report: Report) -> String {
        var out = title(report) + "\n"
        if !report.preface.isEmpty { out += "\n" + ExportText.paragraphs(report.preface) + "\n" }
        let definition = report.definition
        for section in definition.sections {
            out += "\n" + section.title + "\n\n"
            switch section.content {
            case .text:
                let text = report.text(section.id)
                if !text.isEmpty { out += ExportText.paragraphs(text) + "\n" }
            case .table(let id):
                out += plainTable(PrintedTable.make(definition.table(id), report: report))
            }
        }
        let signOff = signOffLines(report)
        if !signOff.isEmpty { out += "\n" + signOff.joined(separator: "\n") + "\n" }
        return out
    }

    static func plainTable(_ table: PrintedTable) -> String {
        let rows = table.placedRows
        var widths = Array(repeating: 1, count: table.width)
        // Single-column cells first, then widen for spanning cells.
        for row in rows { for p in row where p.isOrigin && p.cell.colspan == 1 {
            widths[p.column] = max(widths[p.column], DisplayWidth.of(p.cell.text))
        } }
        for row in rows { for p in row where p.isOrigin && p.cell.colspan > 1 {
            let span = p.column..<min(table.width, p.column + p.cell.colspan)
            let available = span.map { widths[$0] }.reduce(0, +) + 3 * (span.count - 1)
            let needed = DisplayWidth.of(p.cell.text)
            if needed > available { widths[span.upperBound - 1] += needed - available }
        } }
        let total = widths.reduce(0, +) + 3 * (table.width - 1) + 4
        let rule = "+" + String(repeating: "-", count: total - 2) + "+\n"
        var out = rule
        for (r, row) in rows.enumerated() {
            var line = "|"
            for p in row {
                let span = p.column..<min(table.width, p.column + p.cell.colspan)
                let width = span.map { widths[$0] }.reduce(0, +) + 3 * (span.count - 1)
                let text = p.isOrigin ? p.cell.text : ""
                let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
                line += " " + (p.cell.role == .value ? pad + text : text + pad) + " |"
            }
            out += line + "\n"
            if r + 1 == table.headerRows.count { out += rule }
        }
        return out + rule
    }
}
