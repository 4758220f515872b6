import NianbaoCore

/// Reads a pasted block: tab-separated text from Excel (quoted cells with tabs, newlines and
/// `""` included) or rows copied from a web page (separated by tabs or spaces, or one value a line).
enum PastedTable {
    /// Rows of cell texts; blank lines dropped.
    static func parse(_ text: String) -> [[String]] {
        let normalised = TextLines.unixLineEnds(text)
        let rows = normalised.contains("\t") ? tabSeparated(normalised) : spaceSeparated(normalised)
        return rows.filter { !$0.allSatisfy { $0.isEmpty } }
    }

    /// Excel's clipboard format: tab between cells, newline between rows, `"…"` around a cell
    /// holding a tab, newline or quote, with `""` for a quote inside.
    static func tabSeparated(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var atCellStart = true
        var chars = text.makeIterator()
        var pending = chars.next()
        while let c = pending {
            pending = chars.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" { cell.append("\""); pending = chars.next() } else { quoted = false }
                } else {
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atCellStart:
                quoted = true
                atCellStart = false
            case "\t":
                row.append(clean(cell))
                cell = ""
                atCellStart = true
            case "\n":
                row.append(clean(cell))
                rows.append(row)
                row = []
                cell = ""
                atCellStart = true
            default:
                cell.append(c)
                atCellStart = false
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(clean(cell)); rows.append(row) }
        return rows
    }

    /// Web-copied rows: cells split on runs of spaces (including the ideographic space).
    static func spaceSeparated(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }).map { clean(String($0)) }
        }
    }

    /// A cell's text without surrounding spaces; newlines inside a quoted cell become spaces.
    static func clean(_ text: String) -> String {
        String(text.map { $0 == "\n" ? " " : $0 }).trimmingAllSpaceText
    }

    /// Placeholders printed for "nothing": they paste as an empty cell, never as 0.
    static let placeholders: Set<String> = ["", "-", "—", "——", "－", "/", "／", "无", "–", "\\"]

    /// The value of one pasted cell text for a cell of `kind`; units and separators stripped.
    static func value(_ text: String, kind: CellKind) -> Result<CellValue, Refusal> {
        var t = text
        if placeholders.contains(t) { return .success(.empty) }
        t.removeAll { $0 == " " }
        var yuan = false
        if t.hasSuffix("万元") {
            t.removeLast(2)
        } else if t.hasSuffix("元") {
            t.removeLast()
            yuan = true
        } else if t.hasSuffix("件") || t.hasSuffix("条") || t.hasSuffix("个") {
            t.removeLast()
        }
        var buffer = ""
        for c in t { buffer = CellInput.typing(c, into: buffer) }
        if yuan {
            // Yuan into a 万元 cell: exact division by 10,000 (only for amount cells, where the unit is certain).
            guard kind == .amount else { return .failure(Refusal("“\(text)”带单位元，但此格不是金额。")) }
            buffer.removeAll { $0 == "," }
            guard let a = Amount(buffer), let scaled = Self.yuanToWan(a) else {
                return .failure(Refusal("无法识别的金额：\(text)"))
            }
            return .success(.amount(scaled))
        }
        return CellInput.value(of: buffer, kind: kind)
    }

    /// An amount in yuan as 万元, when it fits the form's four decimal places.
    static func yuanToWan(_ a: Amount) -> Amount? {
        let scale = a.scale + 4
        guard scale <= Amount.formScale else { return nil }
        return Amount(normalizing: a.units, scale: scale)
    }

    /// True when a pasted cell is text rather than a number or a placeholder.
    static func isLabel(_ text: String) -> Bool {
        if placeholders.contains(text) { return false }
        guard case .failure = value(text, kind: .signedCount), case .failure = value(text, kind: .amount) else { return false }
        return text.contains { $0.isLetter }
    }

    /// True when a pasted label names the row (either contains the other, ignoring spaces and numbering).
    static func label(_ text: String, matches rowLabel: String) -> Bool {
        func core(_ s: String) -> String {
            var out = s.filter { !$0.isWhitespace }
            // Drop leading numbering such as 一、 （一） 1. so that 予以公开 matches （一）予以公开.
            while let f = out.first, "一二三四五六七八九十（）()、.．0123456789".contains(f) { out.removeFirst() }
            return out
        }
        let a = Array(core(text)), b = Array(core(rowLabel))
        guard !a.isEmpty, !b.isEmpty else { return false }
        // A label copied from a page is often shortened or wrapped: the same first four characters do.
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        return common >= min(4, a.count, b.count)
    }
}

/// Line-end handling shared by pastes.
enum TextLines {
    /// `\r\n` and `\r` as `\n`.
    static func unixLineEnds(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if c == "\r\n" || c == "\r" { out.append("\n") } else { out.append(c) }
        }
        return out
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII, ideographic, non-breaking) and tabs.
    var trimmingAllSpaceText: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" }
        var s = Substring(self)
        while let f = s.first, isSpace(f) { s.removeFirst() }
        while let l = s.last, isSpace(l) { s.removeLast() }
        return String(s)
    }
}
