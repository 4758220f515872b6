/// The body of a Word document (`word/document.xml`) as far as a report needs it: paragraphs
/// of plain text and tables on their real grid. Read by the importer; a Word exporter writes
/// the same model.
public struct WordDocument: Sendable, Equatable {
    /// Paragraphs and tables in reading order.
    public var body: [WordBlock]
    /// The body holds pictures (`w:drawing`, `w:pict`): tables may be images.
    public var hasImages: Bool

    public init(body: [WordBlock], hasImages: Bool = false) {
        self.body = body
        self.hasImages = hasImages
    }
}

/// A paragraph or a table, in the body or inside a table cell.
public indirect enum WordBlock: Sendable, Equatable {
    case paragraph(WordParagraph)
    case table(WordTable)
}

/// A paragraph's text: its runs joined, `w:tab` as a tab, `w:br`/`w:cr` as a line feed.
public struct WordParagraph: Sendable, Equatable {
    public var text: String

    public init(_ text: String) { self.text = text }
}

/// A table (`w:tbl`): rows of cells on a grid of `gridColumns` columns (`w:tblGrid`).
public struct WordTable: Sendable, Equatable {
    /// Columns declared by `w:tblGrid` (0 when the table declares none).
    public var gridColumns: Int
    public var rows: [WordTableRow]

    public init(gridColumns: Int, rows: [WordTableRow]) {
        self.gridColumns = gridColumns
        self.rows = rows
    }
}

/// A table row (`w:tr`).
public struct WordTableRow: Sendable, Equatable {
    /// Grid columns left empty before the first cell (`w:gridBefore`).
    public var gridBefore: Int
    public var cells: [WordTableCell]

    public init(gridBefore: Int = 0, cells: [WordTableCell]) {
        self.gridBefore = gridBefore
        self.cells = cells
    }
}

/// A table cell (`w:tc`).
public struct WordTableCell: Sendable, Equatable {
    /// How a cell takes part in a vertical merge (`w:vMerge`).
    public enum VerticalMerge: Sendable, Equatable {
        /// `w:val="restart"`: the first cell of a merge; it holds the text.
        case restart
        /// A bare `w:vMerge` (or `w:val="continue"`): covered by the cell above.
        case `continue`
    }

    /// Grid columns the cell spans (`w:gridSpan`).
    public var gridSpan: Int
    public var verticalMerge: VerticalMerge?
    /// The cell's paragraphs and nested tables.
    public var content: [WordBlock]

    public init(gridSpan: Int = 1, verticalMerge: VerticalMerge? = nil, content: [WordBlock]) {
        self.gridSpan = gridSpan
        self.verticalMerge = verticalMerge
        self.content = content
    }
}
