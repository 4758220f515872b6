/// The input reduced to lines of text and table rows, whatever its shape: what every reader
/// (HTML, pipe text, cell-per-line text, PDF text, one-line bodies) produces for the matcher.
struct SourceDocument {
    /// One table cell, or one label/text token of a text line.
    struct Cell: Equatable {
        /// The text as published (whitespace collapsed in HTML).
        var raw: String
        /// `LabelKey.of(raw)`.
        var key: String
        var location: ImportLocation
        /// A digit run printed against the text before it with no separator (`数量1210000013`):
        /// it may hold several cells, split only by the form's arithmetic.
        var glued: Bool = false
    }

    /// A line of narrative text, or one table row.
    struct Line: Equatable {
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
    /// Page headers and footers (`— 3 —`, `第 3 页`) dropped while reading.
    var droppedPageMarks: Int = 0
    /// A web page without table elements, read as its text.
    var fromHTML: Bool = false
    /// True for text `pdftotext` took out of a PDF, where a table wider than the page loses the
    /// end of its last column.
    var fromPDF: Bool = false

    /// The longest line (in UTF-8 bytes) read as a possible heading. A narrative segment of a
    /// one-line body longer than this has no cell: it is no heading, label or value.
    static let maxHeadingBytes = 240
}


extension SourceDocument {
    /// Builds the document for plain text (see `PlainTextReader`).
    static func text(_ text: String) -> SourceDocument { PlainTextReader.document(text) }
}

extension Substring {
    var trimmingAllSpaceSub: Substring { String(self).trimmingAllSpace }
}
