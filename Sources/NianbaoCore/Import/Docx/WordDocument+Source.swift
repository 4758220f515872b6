extension SourceDocument {
    /// The document for a Word body: paragraphs as lines, table rows as rows of cells on the
    /// real grid, as `HTMLReader` gives for a web page.
    ///
    /// A cell's column is `w:gridBefore` plus the spans of the cells before it; a cell that
    /// continues a vertical merge (`w:vMerge` without `restart`, under a merged cell of the row
    /// above) is covered and gives no cell, as a `rowspan` does. Nested tables' rows come before
    /// the row that holds them, as in a page. Locations: `line` counts the body's paragraphs and
    /// table rows from 1; tables are numbered in order, rows and columns on the grid.
    static func word(_ document: WordDocument) throws(ImportError) -> SourceDocument {
        var builder = WordSourceBuilder()
        try builder.add(document.body)
        var source = SourceDocument(kind: .html, lines: builder.lines, lineIsRow: true, valuesMayWrap: false,
                                    hasImages: document.hasImages)
        if !source.lines.contains(where: \.isTable) {
            source = paragraphsAsText(source)
        }
        return source
    }

    /// A structured document without tables (the tables typed as text, or pasted as
    /// paragraphs) read again as text, keeping each paragraph's line number.
    static func paragraphsAsText(_ document: SourceDocument) -> SourceDocument {
        let paragraphs = document.lines
        var text = SourceDocument.text(paragraphs.map(\.text).joined(separator: "\n"))
        // Paragraph texts may hold line feeds, so text lines are mapped back by counting them.
        var origin: [Int] = []
        origin.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs {
            let breaks = paragraph.text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            for _ in 0...breaks { origin.append(paragraph.location.line) }
        }
        for index in text.lines.indices where index < origin.count {
            text.lines[index].location.line = origin[index]
            for c in text.lines[index].cells.indices { text.lines[index].cells[c].location.line = origin[index] }
        }
        text.kind = document.kind
        text.hasImages = document.hasImages
        text.exportedScope = document.exportedScope
        return text
    }
}

/// Builds the lines of a Word body.
struct WordSourceBuilder {
    var lines: [SourceDocument.Line] = []
    var tableCount = 0

    /// The next line's number.
    var nextLine: Int { lines.count + 1 }

    mutating func add(_ blocks: [WordBlock]) throws(ImportError) {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                // A line break inside a body paragraph ends a line, as `<br>` does on a page.
                for part in paragraph.text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    let location = ImportLocation(line: nextLine)
                    lines.append(SourceDocument.Line(text: String(decoding: part, as: UTF8.self), location: location,
                                                     isTable: false, cells: []))
                }
            case .table(let table):
                try add(table)
            }
        }
    }

    mutating func add(_ table: WordTable) throws(ImportError) {
        tableCount += 1
        let index = tableCount
        // For each grid column, the last row whose cell there took part in a vertical merge.
        var mergedRow: [Int] = []
        for (r, row) in table.rows.enumerated() {
            var cells: [SourceDocument.Cell] = []
            var column = row.gridBefore
            for cell in row.cells {
                let span = max(1, cell.gridSpan)
                guard column + span <= HTMLReader.maxColumns else {
                    throw .overLimit(ImportLimitExceeded(what: "表格列数", limit: HTMLReader.maxColumns,
                                                         location: ImportLocation(line: nextLine, htmlTable: index, tableRow: r + 1, tableColumn: column + 1)))
                }
                if mergedRow.count < column + span { mergedRow += Array(repeating: -2, count: column + span - mergedRow.count) }
                let covered = cell.verticalMerge == .continue && mergedRow[column] == r - 1
                for c in column..<(column + span) { mergedRow[c] = cell.verticalMerge == nil ? -2 : r }
                if !covered {
                    var texts: [String] = []
                    for block in cell.content {
                        switch block {
                        case .paragraph(let paragraph): texts.append(paragraph.text)
                        case .table(let nested): try add(nested)
                        }
                    }
                    let raw = Self.cellText(texts)
                    let location = ImportLocation(line: nextLine, htmlTable: index, tableRow: r + 1, tableColumn: column + 1)
                    cells.append(SourceDocument.Cell(raw: raw, key: LabelKey.of(raw), location: location))
                }
                column += span
            }
            // Nested tables' rows were added meanwhile: the row's line is the one it now takes.
            for c in cells.indices { cells[c].location.line = nextLine }
            let text = cells.map(\.raw).joined(separator: " | ")
            lines.append(SourceDocument.Line(text: text, location: ImportLocation(line: nextLine, htmlTable: index, tableRow: r + 1),
                                             isTable: true, cells: cells))
        }
    }

    /// A cell's paragraphs as one text: whitespace runs (tabs, line breaks, paragraph ends) as
    /// one space, trimmed, as a page's cell text is.
    static func cellText(_ paragraphs: [String]) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for paragraph in paragraphs {
            if !out.isEmpty { pendingSpace = true }
            for b in paragraph.utf8 {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                    if !out.isEmpty { pendingSpace = true }
                } else {
                    if pendingSpace {
                        out.append(0x20)
                        pendingSpace = false
                    }
                    out.append(b)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
