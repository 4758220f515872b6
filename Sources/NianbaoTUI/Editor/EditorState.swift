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
    /// Which blank cells to fill with 0: 本行 / 本列 / 选区 / 全表.
    case fillZero
    /// The search (and go-to) prompt with what has been typed so far.
    case search(query: String)
    /// The report's details page (agency, year, form, scope, preface, sign-off).
    case info(InfoForm)
    /// A form change that would drop values: the page to apply and what would be lost.
    case confirmConversion(InfoForm, [String])
    /// A list to read (e.g. the totals recomputed on opening), scrolled to a line; any other key closes it.
    case notice(title: String, lines: [String], top: Int)
    /// A review note being written (verdict, comment, reply or decision).
    case note(NoteDraft)
}

/// A cell being typed into.
public struct CellEdit: Sendable, Hashable {
    public var cell: Int
    /// Text typed so far, normalised (ASCII digits, `-`, `.`, `,`), refused characters included.
    public var buffer: String
    /// Why the buffer cannot be saved as it is; the entry stays open and marked until fixed or cancelled.
    public var refusal: Refusal?

    public init(cell: Int, buffer: String, refusal: Refusal? = nil) {
        self.cell = cell
        self.buffer = buffer
        self.refusal = refusal
    }
}

/// A line for the message row.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
    /// Kept until the next edit, instead of vanishing at the next key.
    public var sticky: Bool

    public init(text: String, isError: Bool, sticky: Bool = false) {
        self.text = text
        self.isError = isError
        self.sticky = sticky
    }
}

/// A point to return to on undo: the report before an edit and where the edit happened.
public struct UndoEntry: Sendable, Equatable {
    public var report: Report
    /// The edit version of that report (see `EditorState.version`).
    public var version: Int = 0
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
    /// The other corner of the selected block (Shift-arrows); the cursor is the moving corner.
    public var selectionAnchor: TableCursor?
    /// The last search, for `n` / `N`.
    public var lastSearch: String?
    /// Selected line of the findings pane, in `orderedFindings` order.
    public var findingIndex = 0
    public var findingsTop = 0
    public var dialog: Dialog?
    public var message: StatusMessage?
    /// Identifies the report's content: every edit makes a new version, undo and redo return to an
    /// earlier one. `dirty` compares it with the version last saved.
    public var version = 0
    /// The version last saved (or opened); nil when no state of the undo history is saved.
    public var savedVersion: Int? = 0
    /// The next version number to hand out.
    var nextVersion = 1
    /// True when the report differs from the last saved state (undo back to it clears it).
    public var dirty: Bool {
        get { savedVersion != version }
        set { savedVersion = newValue ? (savedVersion == version ? nil : savedVersion) : version }
    }
    public var undoStack = UndoHistory(limit: EditorState.undoLimit)
    public var redoStack = UndoHistory(limit: EditorState.undoLimit)
    public var lastTextEdit: TextEditKind?
    /// Edits since the last recovery copy was asked for.
    public var editsSinceRecovery = 0
    public var quitAfterSave = false
    /// Who writes review notes and replies in this session (asked for at the first note).
    public var reviewer = ""
    /// The date notes are written with.
    public var today: CalendarDate? = EditorState.localToday()
    public var layout: ScreenLayout
    /// The shown text section's characters and wrapped lines, kept from the last action for the
    /// next one and the frame (a cache: each use checks it is the layout of the text on screen).
    var textLayout: SectionTextLayout?

    /// Most undo steps kept.
    public static let undoLimit = 500
    /// A recovery copy is asked for at least every this many edits.
    public static let recoveryEveryEdits = 30

    /// A fresh editor on a report.
    public init(report: Report, mode: EditorMode = .edit, fileName: String, previous: Report? = nil,
                columns: Int = 80, rows: Int = 24) {
        let printed = report
        var report = report
        if mode == .edit {
            // The editor owns the totals; a file with stale totals is corrected (and marked modified).
            report.fillComputed()
        }
        self.report = report
        self.previous = previous
        self.mode = mode
        self.fileName = fileName
        self.layout = ScreenLayout(columns: columns, rows: rows)
        self.findings = Validator.validate(report, previous: previous)
        let changes = Self.recomputedTotals(from: printed, to: report)
        if !changes.isEmpty {
            // The printed values stay one undo step away.
            undoStack.append(UndoEntry(report: printed, version: 0, section: section, tableCursor: nil, caret: nil))
            version = 1
            nextVersion = 2
            dialog = .notice(title: "文件中有 \(changes.count) 个合计与分项不符，已按分项重新计算（原值 → 新值）：",
                             lines: changes + ["", "按 Ctrl-U 撤销可恢复文件中的原值。按 Esc 或 Enter 关闭。"], top: 0)
            message = StatusMessage(text: "已重新计算 \(changes.count) 个合计；Ctrl-U 撤销可恢复文件中的原值。",
                                    isError: false, sticky: true)
        }
    }

    /// `label：old → new` for every total that differs between two versions of a report.
    static func recomputedTotals(from old: Report, to new: Report) -> [String] {
        guard old.form == new.form else { return [] }
        var lines: [String] = []
        for cell in new.definition.cells where cell.isComputed && old.cells[cell.index] != new.cells[cell.index] {
            let before = old.cells[cell.index].isEmpty ? "（空）" : old.cells[cell.index].displayText
            let after = new.cells[cell.index].isEmpty ? "（空）" : new.cells[cell.index].displayText
            lines.append("\(cell.label)：\(before) → \(after)")
        }
        return lines
    }

    /// The report with the cell being typed into included, when its text is a valid value
    /// (for recovery copies written while an entry is open).
    public func reportIncludingPendingEdit() -> Report {
        guard let edit = cellEdit,
              case .success(let value) = CellInput.value(of: edit.buffer, kind: report.definition.cells[edit.cell].kind),
              report.cells[edit.cell] != value else { return report }
        var r = report
        r.cells[edit.cell] = value
        r.fillComputed()
        return r
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

    /// The layout of a text section at the current width: the one kept from the last action
    /// when it is the layout of that text, else made now.
    func wrappedText(_ section: SectionID) -> WrappedText {
        let text = report.text(section)
        if let kept = textLayout, kept.section == section, kept.wrapped.isLayout(of: text, width: layout.wrapWidth) {
            return kept.wrapped
        }
        return WrappedText(text, width: layout.wrapWidth)
    }

    /// Keeps the layout of the text section shown (if one is) for the next action and frame.
    mutating func keepTextLayout() {
        guard currentTable == nil else { return }
        if let kept = textLayout, kept.section == section,
           kept.wrapped.isLayout(of: report.text(section), width: layout.wrapWidth) { return }
        textLayout = SectionTextLayout(section: section, wrapped: WrappedText(report.text(section), width: layout.wrapWidth))
    }

    /// The caret of a section whose text is already split up, without counting its characters again.
    func caret(in section: SectionID, _ wrapped: WrappedText) -> Int {
        min(textCarets[section] ?? 0, wrapped.chars.count)
    }

    /// Findings in a fixed order (section, then cell), whatever the cursor touches: the list
    /// does not jump about while the clerk moves; the findings of the cursor cell are marked.
    public var orderedFindings: [Finding] {
        findings.enumerated().sorted { a, b in
            let ka = problemKey(a.element) ?? (Int.max, Int.max), kb = problemKey(b.element) ?? (Int.max, Int.max)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    /// Problem count per section.
    public func problemCount(_ section: SectionID) -> Int {
        findings.reduce(0) { $0 + ($1.section == section ? 1 : 0) }
    }
}
