/// Reads plain text (copied from a web page, crawled, taken out of a PDF or Word file, Markdown)
/// into a `SourceDocument`, line by line with `TextLineReader`, very long lines (a body on one
/// line) with `OneLineReader`; page headers and footers are dropped and counted.
enum PlainTextReader {
    /// Lines longer than this (in bytes) are searched for headings and labels run together.
    static let oneLineThreshold = 1200

    static func document(_ text: String) -> SourceDocument {
        var lines: [SourceDocument.Line] = []
        var dropped = 0
        var rowLines = 0
        var valueLines = 0
        var expanded = false
        var number = 0
        for slice in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var bytes = slice
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            let raw = Substring(bytes)
            if bytes.count <= 40, PageMarks.isPageMark(raw) {
                dropped += 1
                continue
            }
            if bytes.count > oneLineThreshold, let pieces = OneLineReader.expand(raw, number: number) {
                lines += pieces
                expanded = true
                continue
            }
            let line = TextLineReader.line(raw, number: number)
            lines.append(line)
            // Prose (a sentence with `。` or `；`) is no evidence of the table layout: figures glued to words in
            // a long narrative (`信息1234条`) would otherwise outnumber the value lines of a cell-per-line table.
            if Self.isProse(raw) { continue }
            // The cells with text: a label followed by a value is a row; a lone value (or a cell ending in `|`) a value line.
            let keyed = line.cells.lazy.filter { !$0.key.isEmpty }
            if let first = keyed.first {
                let rest = keyed.dropFirst()
                if !rest.isEmpty {
                    if !CellReader.looksLikeValue(key: first.key), rest.contains(where: { CellReader.looksLikeValue(key: $0.key) }) { rowLines += 1 }
                } else if CellReader.looksLikeValue(key: first.key) || line.text.trimmingAllSpace.hasSuffix("|") {
                    valueLines += 1
                }
            }
        }
        let stream = expanded || valueLines > rowLines
        var document = SourceDocument(kind: expanded ? .oneLineText : (stream ? .flattenedText : .lineText), lines: lines,
                                      lineIsRow: !stream, valuesMayWrap: true)
        document.droppedPageMarks = dropped
        return document
    }

    /// True for a line of narrative: it holds a full stop `。` or a semicolon `；`, which no form
    /// label or table cell has.
    static func isProse(_ raw: Substring) -> Bool {
        let line = String(raw)
        return TextSearch.containsBytes(line, "。") || TextSearch.containsBytes(line, "；")
    }
}

/// Page headers and footers that `pdftotext` leaves in the text: `— 3 —`, `- 3 -`, `第 3 页`,
/// `第3页 共10页`, `3 / 10`.
enum PageMarks {
    static func isPageMark(_ raw: Substring) -> Bool {
        let key = LabelKey.of(raw)
        guard !key.isEmpty else { return false }
        var body = Substring(key)
        let dashes: Set<Character> = ["—", "-", "–", "―", "─"]
        if let f = body.first, dashes.contains(f), let l = body.last, dashes.contains(l) {
            body = body.drop { dashes.contains($0) }
            while let l = body.last, dashes.contains(l) { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
        }
        if body.hasPrefix("第"), let ye = body.firstIndex(of: "页") {
            let n = body[body.index(after: body.startIndex)..<ye]
            let rest = body[body.index(after: ye)...]
            guard !n.isEmpty, n.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            if rest.isEmpty { return true }
            // 第 3 页 共 10 页
            return rest.hasPrefix("共") && rest.hasSuffix("页") && rest.dropFirst().dropLast().allSatisfy { $0.isASCII && $0.isNumber }
        }
        if let slash = body.firstIndex(of: "/") {
            let a = body[..<slash], b = body[body.index(after: slash)...]
            return !a.isEmpty && !b.isEmpty && (a + b).allSatisfy { $0.isASCII && $0.isNumber } && a.count <= 3 && b.count <= 3
        }
        return false
    }
}
