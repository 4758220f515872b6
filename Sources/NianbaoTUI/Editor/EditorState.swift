import NianbaoCore

/// Whether edits are allowed.
public enum EditorMode: Sendable, Hashable {
    case edit
    /// Read-only review (`nianbao view`).
    case view
}

/// Which pane receives keys.
public enum Focus: Sendable, Hashable {
    case work
    case findings
}

/// A modal question or overlay.
public enum Dialog: Sendable, Hashable {
    /// Unsaved changes on quit: 保存 / 不保存 / 取消.
    case confirmQuit
    /// The file changed on disk: overwrite or cancel.
    case confirmOverwrite
    /// The built-in help, scrolled to a line.
    case help(top: Int)
}

/// A cell being typed into.
public struct CellEdit: Sendable, Hashable {
    public var cell: Int
    /// Normalised text typed so far (ASCII digits, `-`, `.`).
    public var buffer: String
}

/// A line for the message row.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
}

/// A point to return to on undo: the report before an edit and where the edit happened.
public struct UndoEntry: Sendable, Equatable {
    public var report: Report
    public var section: SectionID
    public var tableCursor: TableCursor?
    public var caret: Int?
}

/// Kinds of text edits, for grouping typing into undo steps.
public enum TextEditKind: Sendable, Hashable {
    case insert
    case delete
}

/// Everything the editor shows and remembers; a plain value.
public struct EditorState: Sendable {
    public var report: Report
    public var findings: [Finding]
    /// Last year's report, for cross-year rules, when known.
    public var previous: Report?
    public var mode: EditorMode
    public var fileName: String
    public var section: SectionID = .s1
    public var focus: Focus = .work
    public var tableCursors: [TableID: TableCursor] = [:]
    /// First content line and first column shown, per table.
    public var tableTop: [TableID: Int] = [:]
    public var tableLeft: [TableID: Int] = [:]
    public var textCarets = SectionMap<Int>()
    public var textTop = SectionMap<Int>()
    /// The screen column up/down try to keep in a text section.
    public var preferredColumn: Int?
    public var cellEdit: CellEdit?
    /// Selected line of the findings pane, in `orderedFindings` order.
    public var findingIndex = 0
    public var findingsTop = 0
    public var dialog: Dialog?
    public var message: StatusMessage?
    /// True when the report differs from the last saved state.
    public var dirty = false
    public var undoStack: [UndoEntry] = []
    public var redoStack: [UndoEntry] = []
    public var lastTextEdit: TextEditKind?
    /// Edits since the last recovery copy was asked for.
    public var editsSinceRecovery = 0
    public var quitAfterSave = false
    public var layout: ScreenLayout

    /// Most undo steps kept.
    public static let undoLimit = 500
    /// A recovery copy is asked for at least every this many edits.
    public static let recoveryEveryEdits = 30

    /// A fresh editor on a report.
    public init(report: Report, mode: EditorMode = .edit, fileName: String, previous: Report? = nil,
                columns: Int = 80, rows: Int = 24) {
        var report = report
        var recomputed = false
        if mode == .edit {
            // The editor owns the totals; a file with stale totals is corrected (and marked modified).
            let before = report.cells
            report.fillComputed()
            recomputed = before != report.cells
        }
        self.report = report
        self.previous = previous
        self.mode = mode
        self.fileName = fileName
        self.layout = ScreenLayout(columns: columns, rows: rows)
        self.findings = Validator.validate(report, previous: previous)
        if recomputed {
            dirty = true
            message = StatusMessage(text: "文件中的合计与分项不符，已按分项重新计算。", isError: false)
        }
    }

    /// The section being shown.
    public var sectionDefinition: SectionDefinition { report.definition.section(section) }

    /// The table of the current section, if it has one.
    public var currentTable: TableID? {
        if case .table(let t) = sectionDefinition.content { return t }
        return nil
    }

    /// The cursor of a table (top-left input cell by default).
    public func cursor(in table: TableID) -> TableCursor {
        tableCursors[table] ?? TableCursor(row: 0, column: 0)
    }

    /// The cell index under the cursor, if the current section is a table.
    public var cursorCell: Int? {
        guard let t = currentTable else { return nil }
        let model = TableModel.of(t, form: report.form)
        let c = cursor(in: t)
        guard c.row < model.dataRows.count else { return nil }
        let cells = model.dataRows[c.row].cells
        return c.column < cells.count ? cells[c.column] : nil
    }

    /// The caret of a text section.
    public func caret(in section: SectionID) -> Int {
        min(textCarets[section] ?? 0, Graphemes.count(report.text(section)))
    }

    /// The caret of a section whose text is already split up, without counting its characters again.
    func caret(in section: SectionID, _ wrapped: WrappedText) -> Int {
        min(textCarets[section] ?? 0, wrapped.chars.count)
    }

    /// Findings, those touching the cursor cell (or the current text section) first.
    public var orderedFindings: [Finding] {
        let here: (Finding) -> Bool
        if let cell = cursorCell {
            here = { $0.involves(cell: cell) }
        } else if currentTable == nil {
            let s = section
            here = { $0.section == s && $0.cells.isEmpty }
        } else {
            here = { _ in false }
        }
        return findings.filter(here) + findings.filter { !here($0) }
    }

    /// Problem count per section.
    public func problemCount(_ section: SectionID) -> Int {
        findings.reduce(0) { $0 + ($1.section == section ? 1 : 0) }
    }
}
