import NianbaoCore

/// The text shapes published reports reach the importer in (shared/reference/published-layouts.md §1).
public enum PublishedShape: String, CaseIterable, Sendable {
    /// §1.1 `| label | 1 | 2 |`.
    case pipeLeading
    /// §1.2 `label | 1 | 2 |` or `label | 1 | 2`, spaces around pipes varying.
    case pipeNoLeading
    /// §1.3 one cell per line ending ` |`, rows ended by a `|` line (the seed's shape).
    case cellPerLineTrailingPipe
    /// §1.3 one cell per line, blank cells vanished.
    case cellPerLine
    /// §1.3 one cell per paragraph (every `<td>` became a `<p>`), blank cells collapsed.
    case cellPerParagraph
    /// §1.4 values and `|` on alternating lines.
    case alternatingPipes
    /// §1.5 one row per line, its cells run together with no separator (stray spaces now and then).
    case runTogether
    /// §1.5 the whole body on one line, cells separated by single spaces (crawled text).
    case oneLineSpaced
    /// §1.5 the whole body on one line, cells run together.
    case oneLineRunTogether
    /// §1.6 `pdftotext -layout`: label then the row's numbers; one-character-per-line headers,
    /// wrapped labels, page footers, hard line breaks, table 四 as one fifteen-number line.
    case pdfText
    /// §1.6 as `pdfText`, table 四 as three tables of five numbers.
    case pdfTextT4Blocks
    /// §1.7 Markdown made from PDF: several small tables with repeated or wrong headers, labels without 一、/（一）.
    case markdownFromPDF
    /// §2 a Traditional-script copy (a CMS's 繁体 button) of `pipeLeading`, half of them with
    /// pinyin printed after converted characters (`國務(wù)院`, corpus 014).
    case traditionalPipe
    /// §2 a Traditional-script copy of `oneLineSpaced` (crawled text of a converted page).
    case traditionalOneLine

    /// The shape a Traditional copy was converted from (the shape itself otherwise).
    public var base: PublishedShape {
        switch self {
        case .traditionalPipe: .pipeLeading
        case .traditionalOneLine: .oneLineSpaced
        default: self
        }
    }

    /// True when a printed blank cell survives in the shape (so the row can still be placed).
    public var keepsBlankCells: Bool {
        if base != self { return base.keepsBlankCells }
        return switch self {
        case .pipeLeading, .pipeNoLeading, .cellPerLineTrailingPipe, .alternatingPipes, .markdownFromPDF: true
        default: false
        }
    }
}

/// Renders reports into the published shapes, deterministically from a seed.
///
/// Tables are rebuilt from the form declaration the way a CMS prints them (caption rows,
/// header rows, group labels on the first row of their group) and then flattened the way a
/// browser copy, a crawler, `pdftotext` or a PDF-to-Markdown converter flattens them.
public enum PublishedShapes {
    /// One printed table row: its cells' texts, and whether it is a header (labels only).
    struct PrintedRow {
        var cells: [String]
        var isHeader: Bool
    }

    /// A generated report for measurement: usually with consistent totals (as most published
    /// reports have), sometimes with the random inconsistent totals of a badly drafted one.
    public static func report(seed: UInt64, form: FormVersion) -> Report {
        var report = SampleReports.report(seed: seed, form: form)
        var g = SampleReports.Generator(seed: seed ^ 0x5A5A_1234)
        // Mostly realistic magnitudes: published tables rarely reach millions.
        for cell in report.definition.cells {
            if case .count(let n) = report.cells[cell.index], n.magnitude > 99_999, Int.random(in: 0..<10, using: &g) < 9 {
                report.cells[cell.index] = .count(n % 1000)
            }
        }
        if Int.random(in: 0..<10, using: &g) < 8 { report.fillComputed() }
        return report
    }

    /// `report` printed in `shape`.
    public static func render(_ report: Report, as shape: PublishedShape, seed: UInt64 = 0) -> String {
        if shape.base != shape { return traditional(render(report, as: shape.base, seed: seed), seed: seed) }
        var g = SampleReports.Generator(seed: seed &+ 0x9E37)
        var blocks: [String] = []
        let title = ReportExporter.title(report)
        let definition = report.definition
        let oneLine = shape == .oneLineSpaced || shape == .oneLineRunTogether
        let pdf = shape == .pdfText || shape == .pdfTextT4Blocks
        if shape == .markdownFromPDF { blocks.append("# " + title) } else if pdf, Bool.random(using: &g) {
            // A title broken over two lines.
            let cut = title.range(of: "政府信息公开")!.lowerBound
            blocks.append(String(title[..<cut]) + "\n" + String(title[cut...]))
        } else {
            blocks.append(title)
        }
        var body: [String] = []
        for section in definition.sections {
            let heading = shape == .markdownFromPDF ? "## " + section.title : section.title
            body.append(heading)
            switch section.content {
            case .text:
                let text = report.text(section.id)
                if text.isEmpty { continue }
                if pdf {
                    body.append(hardWrap(text, width: 30))
                } else if shape == .cellPerParagraph || shape == .markdownFromPDF {
                    body.append(text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n\n"))
                } else {
                    body.append(text)
                }
            case .table(let id):
                let rows = printedRows(definition.table(id), report: report)
                body.append(renderTable(rows, table: definition.table(id), shape: shape, report: report, g: &g))
            }
        }
        if oneLine {
            blocks.append(body.map { $0.replacingNewlines(with: " ") }.joined(separator: " "))
        } else if shape == .cellPerParagraph || shape == .markdownFromPDF {
            blocks.append(body.joined(separator: "\n\n"))
        } else {
            blocks.append(body.joined(separator: "\n"))
        }
        var text = blocks.joined(separator: "\n") + "\n"
        if pdf { text = addPageFooters(text, g: &g) }
        return text
    }

    // MARK: tables as printed

    static func value(_ report: Report, _ table: TableID, _ row: String, _ column: String) -> String {
        report[CellRef(table: table, row: row, column: column)].description
    }

    /// The table's printed rows in reading order, as a browser shows them.
    static func printedRows(_ table: TableDefinition, report: Report) -> [PrintedRow] {
        var rows: [PrintedRow] = []
        switch table.layout {
        case .grid:
            if table.id == .t3 {
                rows.append(PrintedRow(cells: [table.cornerNote ?? "", "申请人情况"], isHeader: true))
                rows.append(PrintedRow(cells: ["自然人", "法人或其他组织", "总计"], isHeader: true))
                rows.append(PrintedRow(cells: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], isHeader: true))
            }
            var seenGroups: Set<String> = []
            for block in table.blocks {
                if let caption = block.caption { rows.append(PrintedRow(cells: [caption], isHeader: true)) }
                if table.id == .t2 {
                    rows.append(PrintedRow(cells: [table.rowHeader ?? "信息内容"] + block.columns.map(\.displayLabel), isHeader: true))
                }
                for row in block.rows {
                    var cells: [String] = []
                    for group in row.groups where !seenGroups.contains(group) {
                        seenGroups.insert(group)
                        cells.append(group)
                    }
                    cells.append(row.label)
                    for column in block.columns where row.hasCell(in: column.id) {
                        cells.append(value(report, table.id, row.id, column.id))
                    }
                    rows.append(PrintedRow(cells: cells, isHeader: false))
                }
            }
        case .blocksSideBySide:
            let block = table.blocks[0]
            rows.append(PrintedRow(cells: ["行政复议", "行政诉讼"], isHeader: true))
            rows.append(PrintedRow(cells: block.columns.map(\.label) + ["未经复议直接起诉", "复议后起诉"], isHeader: true))
            rows.append(PrintedRow(cells: block.columns.map(\.label) + block.columns.map(\.label), isHeader: true))
            var values: [String] = []
            for row in block.rows { for column in block.columns { values.append(value(report, table.id, row.id, column.id)) } }
            rows.append(PrintedRow(cells: values, isHeader: false))
        }
        return rows
    }

    static func isValueText(_ text: String) -> Bool {
        guard let f = text.unicodeScalars.first else { return true }
        return (f.value >= 0x30 && f.value <= 0x39) || f == "-"
    }

    static func renderTable(_ rows: [PrintedRow], table: TableDefinition, shape: PublishedShape, report: Report,
                            g: inout SampleReports.Generator) -> String {
        var lines: [String] = []
        switch shape {
        case .pipeLeading:
            for row in rows { lines.append("| " + row.cells.joined(separator: " | ") + " |") }
        case .pipeNoLeading:
            for row in rows {
                let separator = [" | ", "|", " |", "| "].randomElement(using: &g)!
                // A blank cell keeps a space (`行政强制 | |||`, corpus 021); `||` is span residue.
                var line = row.cells.map { $0.isEmpty ? " " : $0 }.joined(separator: separator)
                if Bool.random(using: &g) { line += " |" }
                lines.append(line)
            }
        case .cellPerLineTrailingPipe:
            for row in rows {
                for cell in row.cells { lines.append(cell + " |") }
                lines.append("|")
            }
        case .cellPerLine:
            for row in rows { for cell in row.cells where !cell.isEmpty { lines.append(cell) } }
        case .cellPerParagraph:
            for row in rows { for cell in row.cells where !cell.isEmpty { lines.append(" " + cell + "\n") } }
        case .alternatingPipes:
            for row in rows {
                for (k, cell) in row.cells.enumerated() {
                    if k > 0 { lines.append("|") }
                    lines.append(cell)
                }
            }
        case .runTogether, .oneLineRunTogether:
            for row in rows {
                var line = ""
                // A blank cell's `&nbsp;` survives as a space.
                for (k, cell) in row.cells.map({ $0.isEmpty ? " " : $0 }).enumerated() {
                    // A stray space (from &nbsp;) between two values now and then.
                    if k > 0, isValueText(cell), isValueText(row.cells[k - 1]), !row.cells[k - 1].isEmpty,
                       Int.random(in: 0..<8, using: &g) == 0 {
                        line += " "
                    }
                    line += cell
                }
                lines.append(line)
            }
            if shape == .oneLineRunTogether { return lines.joined() }
        case .oneLineSpaced:
            for row in rows { lines.append(row.cells.filter { !$0.isEmpty }.joined(separator: " ")) }
        case .pdfText, .pdfTextT4Blocks:
            lines = pdfTable(rows, table: table, shape: shape, report: report, g: &g)
        case .markdownFromPDF:
            lines = markdownTables(rows, table: table, g: &g)
        case .traditionalPipe, .traditionalOneLine:
            return renderTable(rows, table: table, shape: shape.base, report: report, g: &g)
        }
        return lines.joined(separator: "\n")
    }

    /// `pdftotext -layout`-like lines: headers one character per line (tables 三, 四) or in one
    /// line (table 二), each data row a label and its numbers, long labels wrapped.
    static func pdfTable(_ rows: [PrintedRow], table: TableDefinition, shape: PublishedShape, report: Report,
                         g: inout SampleReports.Generator) -> [String] {
        var lines: [String] = []
        for row in rows where row.isHeader {
            if table.id == .t2 || row.cells.count == 1 && row.cells[0].hasPrefix("第二十条") {
                lines.append(row.cells.joined(separator: "   "))
            } else {
                for cell in row.cells where !cell.hasPrefix("（本列") { for c in cell { lines.append("  " + String(c)) } }
            }
        }
        if table.layout == .blocksSideBySide {
            let block = table.blocks[0]
            let values = block.rows.map { r in block.columns.map { value(report, table.id, r.id, $0.id) } }
            if shape == .pdfTextT4Blocks {
                for (r, row) in block.rows.enumerated() {
                    lines.append(row.label)
                    lines.append(block.columns.map(\.label).joined(separator: "  "))
                    lines.append(values[r].filter { !$0.isEmpty }.joined(separator: "      "))
                }
            } else {
                lines.append(values.joined().filter { !$0.isEmpty }.joined(separator: "   "))
            }
            return lines
        }
        for row in rows where !row.isHeader {
            let labels = row.cells.prefix { !isValueText($0) }
            let values = row.cells.dropFirst(labels.count).filter { !$0.isEmpty }
            let label = labels.joined()
            let numbers = values.joined(separator: "    ")
            if label.count > 14, Bool.random(using: &g) {
                // The label wraps: its second half and the numbers on the next line.
                let cut = label.index(label.startIndex, offsetBy: 10)
                lines.append(String(label[..<cut]))
                lines.append(String(label[cut...]) + "    " + numbers)
            } else {
                lines.append(label + "    " + numbers)
            }
        }
        return lines
    }

    /// Several small Markdown tables per printed table, headers repeated or wrong, ordinals dropped.
    static func markdownTables(_ rows: [PrintedRow], table: TableDefinition, g: inout SampleReports.Generator) -> [String] {
        var out: [String] = []
        let bodyRows = rows.filter { !$0.isHeader }
        let width = (bodyRows.map(\.cells.count).max() ?? 1)
        func header() -> [String] {
            let cells = Bool.random(using: &g)
                ? (0..<width).map { $0 == 0 ? "项目" : "列\($0)" }
                : (0..<width).map { $0 == 0 ? (table.rowHeader ?? "项目") : "" }
            return ["| " + cells.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: width)]
        }
        if table.layout == .blocksSideBySide {
            out.append("| " + table.blocks[0].columns.map(\.label).joined(separator: " | ") + " |")
            out.append("|" + String(repeating: " --- |", count: 5))
            for row in bodyRows {
                for k in 0..<3 { out.append("| " + row.cells[k * 5..<k * 5 + 5].joined(separator: " | ") + " |") }
            }
            return out
        }
        out += header()
        for (k, row) in bodyRows.enumerated() {
            if k > 0, Int.random(in: 0..<6, using: &g) == 0 {
                out.append("")
                out += header()
            }
            var cells = row.cells
            if let last = cells.lastIndex(where: { !isValueText($0) }) {
                cells = [cells[...last].map(stripOrdinal).joined(separator: " ")] + cells[(last + 1)...]
            }
            cells += Array(repeating: "", count: max(0, width - cells.count))
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        return out
    }

    /// `一、本年新收…` → `本年新收…`, `（一）予以公开` → `予以公开`; `1.属于…` is kept.
    static func stripOrdinal(_ label: String) -> String {
        let numerals = "一二三四五六七八九"
        if let f = label.first, numerals.contains(f), label.dropFirst().first == "、" { return String(label.dropFirst(2)) }
        if label.hasPrefix("（"), label.count > 3, numerals.contains(label[label.index(after: label.startIndex)]),
           label[label.index(label.startIndex, offsetBy: 2)] == "）" {
            return String(label.dropFirst(3))
        }
        return label
    }

    // MARK: Traditional script

    /// Syllables for the pinyin a converting CMS prints after characters (`據(jù)`). The importer
    /// drops any such annotation, so the syllable need not be the character's own reading.
    static let syllables = ["jù", "wù", "guān", "fā", "zhèn", "fù", "jìn", "xiàng", "bào", "chǔ", "kāi", "shēn", "qǐng", "lǐ", "xiàn", "de"]

    /// `text` in Traditional script, character by character through the inverse of the importer's
    /// table (each Simplified character becomes one of the Traditional characters that map back
    /// to it, chosen at random); in half the copies a third of the converted characters are
    /// followed by pinyin in parentheses.
    public static func traditional(_ text: String, seed: UInt64) -> String {
        var g = SampleReports.Generator(seed: seed ^ 0x7AD1_7E57)
        let annotated = Bool.random(using: &g)
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let forms = TraditionalChinese.traditionalForms(of: scalar)
            guard let form = forms.randomElement(using: &g) else { out.append(scalar); continue }
            out.append(form)
            if annotated, Int.random(in: 0..<3, using: &g) == 0 {
                out.append(contentsOf: ("(" + syllables.randomElement(using: &g)! + ")").unicodeScalars)
            }
        }
        return String(out)
    }

    // MARK: PDF narrative

    /// Hard line breaks every `width` characters inside paragraphs, as PDF text has.
    static func hardWrap(_ text: String, width: Int) -> String {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if paragraph.isEmpty { out.append(""); continue }
            var rest = Substring(paragraph)
            while rest.count > width {
                let cut = rest.index(rest.startIndex, offsetBy: width)
                out.append(String(rest[..<cut]))
                rest = rest[cut...]
            }
            out.append(String(rest))
        }
        return out.joined(separator: "\n")
    }

    /// Page footers (`— 3 —`, `- 3 -`, `第 3 页`) every 40 lines or so.
    static func addPageFooters(_ text: String, g: inout SampleReports.Generator) -> String {
        var out: [Substring] = []
        var page = 1
        let style = Int.random(in: 0..<3, using: &g)
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            out.append(line)
            if k > 0, k % 40 == 0 {
                switch style {
                case 0: out.append("— \(page) —")
                case 1: out.append("- \(page) -")
                default: out.append("第 \(page) 页")
                }
                page += 1
            }
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: true).joined(separator: replacement)
    }
}
