import NianbaoCore

/// Something the editor should do, independent of which key asked for it.
public enum EditorAction: Sendable {
    // Typing and editing
    case insert(Character)
    case paste(String)
    case newline
    case deleteBackward
    case deleteForward
    case clearCell
    case beginEdit
    case cancel
    case undo
    case redo
    // Movement
    case move(Direction)
    case home
    case end
    case pageUp
    case pageDown
    case goToSection(SectionID)
    case nextSection
    case previousSection
    case nextProblem
    case previousProblem
    case cycleFocus(forward: Bool)
    /// Tab / Shift-Tab: the next (previous) input cell, wrapping to the next row's first one.
    case nextCell(forward: Bool)
    /// Next / previous error, skipping warnings and blank-cell notes.
    case nextError(forward: Bool)
    /// Esc (or an Alt chord) while typing: cancel the entry, then do the action.
    indirect case cancelEditThen(EditorAction)
    /// Shift-arrow: grow or shrink the selected block of cells.
    case extendSelection(Direction)
    /// Set blank input cells to 0: asks which (row, column, selection, table) unless given.
    case fillZero(FillScope?)
    /// Ctrl-D / Ctrl-T: copy the cell above (left) into the cursor cell or down (right) through the selection.
    case fillDown
    case fillRight
    /// Copy the selection (or the whole table) as tab-separated text.
    case copyOut
    /// Alt-I / F11: the report's details (agency, year, form, scope, preface, sign-off).
    case editInfo
    /// Ctrl-A in a table: select every cell.
    case selectAll
    /// `/`, Ctrl-F: search labels, findings and text; `n` / `N` repeat.
    case search
    case repeatSearch(forward: Bool)
    /// Show the selected finding (or the cursor cell's) in full.
    case expandFinding
    /// Alt-M: a note on the selected finding, cell or text (view), or a reply to one (edit).
    case note
    /// Alt-V: 退回 / 通过 for the report (view).
    case decide
    // Text sections
    case wordLeft
    case wordRight
    case lineStart
    case lineEnd
    case documentStart
    case documentEnd
    case killToLineEnd
    case joinLines
    case activate
    // Files and the session
    case save
    case quit
    case suspend
    case toggleHelp
    case redraw
    case resize(columns: Int, rows: Int)
    case answer(Character)
    /// A key the map does not bind; shows a hint.
    case unbound(String)
    // Reports from the app shell
    case saveFinished(Result<SaveOutcome, SaveFailure>)
    case idle
    case hangup
    case resumed
}

extension EditorAction {
    /// True for Ctrl-K in text.
    var isKill: Bool { if case .killToLineEnd = self { true } else { false } }
}

/// Which blank cells a fill with 0 covers.
public enum FillScope: Sendable, Hashable {
    case row, column, selection, table
}

/// A direction for the arrow keys.
public enum Direction: Sendable, Hashable {
    case up, down, left, right
}
