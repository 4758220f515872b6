/// The input reduced to lines of text and table rows, whatever its shape.
struct SourceDocument {
    /// One table cell, or one label/text token of a text line.
    struct Cell {
        /// The text as published (whitespace collapsed in HTML).
        var raw: String
        /// `LabelKey.of(raw)`.
        var key: String
        var location: ImportLocation
    }

    /// A line of narrative text, or one table row.
    struct Line {
        /// The text exactly as published (for narrative and headings).
        var text: String
        var location: ImportLocation
        /// True for table rows (HTML `<tr>`, pipe rows, flattened cell lines).
        var isTable: Bool
        /// The cells or tokens this line contributes to table reading.
        var cells: [Cell]
    }

    var kind: ImportInputKind
    var lines: [Line]
    /// True when each table line is one table row (HTML, line text); false for flattened text.
    var lineIsRow: Bool
    /// True when a row's values may continue on the next line (PDF text).
    var valuesMayWrap: Bool
    /// The page has `<img>` elements.
    var hasImages: Bool = false
    /// The scope written by our own HTML export.
    var exportedScope: ReportScope? = nil
}

extension SourceDocument {
    /// Builds the document for plain text: flattened web text or line text, detected from the lines.
    static func text(_ text: String) -> SourceDocument {
        let pipe = UInt8(ascii: "|")
        var rawLines: [Substring] = []
        var flattened = 0
        var rows = 0
        for slice in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var bytes = slice
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            rawLines.append(Substring(bytes))
            guard bytes.contains(pipe) else { continue }
            // Count cells with content between pipes.
            var nonEmpty = 0
            var content = false
            var lastNonSpace: UInt8 = 0
            for b in bytes {
                if b == pipe {
                    if content { nonEmpty += 1 }
                    content = false
                } else if b != 0x20 && b != 0x09 {
                    content = true
                }
                if b != 0x20 && b != 0x09 { lastNonSpace = b }
            }
            if content { nonEmpty += 1 }
            if nonEmpty >= 2 { rows += 1 } else if nonEmpty == 1 && lastNonSpace == pipe { flattened += 1 }
        }
        if flattened >= 10 && flattened > rows {
            return flattenedDocument(rawLines)
        }
        return lineDocument(rawLines)
    }

    private static func flattenedDocument(_ rawLines: [Substring]) -> SourceDocument {
        var lines: [Line] = []
        lines.reserveCapacity(rawLines.count)
        for (n, raw) in rawLines.enumerated() {
            let text = String(raw)
            let location = ImportLocation(line: n + 1)
            guard raw.utf8.contains(UInt8(ascii: "|")) else {
                let key = LabelKey.of(text)
                lines.append(Line(text: text, location: location, isTable: false,
                                  cells: key.isEmpty ? [] : [Cell(raw: String(text.trimmingAllSpace), key: key, location: location)]))
                continue
            }
            var cells: [Cell] = []
            var column = 1
            let segments = raw.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            for (k, segmentBytes) in segments.enumerated() {
                let segment = Substring(segmentBytes)
                defer { column += segment.count + 1 }
                // A zero-length segment is a row or span separator; whitespace-only is a blank cell;
                // the segment after the final `|` is the line ending, not a cell.
                if segmentBytes.isEmpty { continue }
                let trimmed = String(String(segment).trimmingAllSpace)
                if k == segments.count - 1 && trimmed.isEmpty { continue }
                cells.append(Cell(raw: trimmed, key: LabelKey.of(trimmed), location: ImportLocation(line: n + 1, column: column)))
            }
            lines.append(Line(text: text, location: location, isTable: true, cells: cells))
        }
        return SourceDocument(kind: .flattenedText, lines: lines, lineIsRow: false, valuesMayWrap: true)
    }

    private static func lineDocument(_ rawLines: [Substring]) -> SourceDocument {
        var lines: [Line] = []
        lines.reserveCapacity(rawLines.count)
        for (n, raw) in rawLines.enumerated() {
            let text = String(raw)
            let trimmed = text.trimmingAllSpace
            // Pipe rows: our plain-text export, Markdown, and tables pasted from Word.
            if trimmed.hasPrefix("|") && trimmed.dropFirst().contains("|") {
                var segments = trimmed.split(separator: "|", omittingEmptySubsequences: false)
                if segments.first?.isEmpty == true { segments.removeFirst() }
                if segments.last.map({ String($0).trimmingAllSpace.isEmpty }) == true { segments.removeLast() }
                let isRule = segments.allSatisfy { seg in
                    let s = String(seg).trimmingAllSpace
                    return !s.isEmpty && s.allSatisfy { $0 == "-" || $0 == ":" || $0 == "=" || $0 == "+" }
                }
                if isRule {
                    lines.append(Line(text: text, location: ImportLocation(line: n + 1), isTable: true, cells: []))
                    continue
                }
                var cells: [Cell] = []
                var column = text.distance(from: text.startIndex, to: trimmed.startIndex) + 2
                for segment in segments {
                    let cellText = String(String(segment).trimmingAllSpace)
                    cells.append(Cell(raw: cellText, key: LabelKey.of(cellText),
                                      location: ImportLocation(line: n + 1, column: column)))
                    column += segment.count + 1
                }
                lines.append(Line(text: text, location: ImportLocation(line: n + 1), isTable: true, cells: cells))
                continue
            }
            if trimmed.hasPrefix("+") && trimmed.allSatisfy({ $0 == "+" || $0 == "-" || $0 == "=" }) {
                lines.append(Line(text: text, location: ImportLocation(line: n + 1), isTable: true, cells: []))
                continue
            }
            // Otherwise: a label followed by the row's values, separated by spaces.
            var words: [(Substring, Int)] = []
            var start: String.Index? = nil
            var col = 1
            var startCol = 1
            for index in text.indices {
                let isSpace = text[index].unicodeScalars.allSatisfy(LabelKey.isSpace)
                if isSpace {
                    if let s = start { words.append((text[s..<index], startCol)); start = nil }
                } else if start == nil {
                    start = index
                    startCol = col
                }
                col += 1
            }
            if let s = start { words.append((text[s...], startCol)) }
            var values: [Cell] = []
            while let last = words.last {
                let key = LabelKey.of(last.0)
                guard CellReader.looksLikeValue(key: key), !key.isEmpty else { break }
                // A lone 无 or dash at the end of narrative is text, unless other values precede it.
                values.insert(Cell(raw: String(last.0), key: key, location: ImportLocation(line: n + 1, column: last.1)), at: 0)
                words.removeLast()
            }
            var cells: [Cell] = []
            if let first = words.first {
                let labelText = String(text[first.0.startIndex..<words.last!.0.endIndex])
                cells.append(Cell(raw: labelText, key: LabelKey.of(labelText), location: ImportLocation(line: n + 1, column: first.1)))
            }
            cells += values
            lines.append(Line(text: text, location: ImportLocation(line: n + 1), isTable: !values.isEmpty, cells: cells))
        }
        return SourceDocument(kind: .lineText, lines: lines, lineIsRow: true, valuesMayWrap: true)
    }
}

extension Substring {
    var trimmingAllSpaceSub: Substring { String(self).trimmingAllSpace }
}
