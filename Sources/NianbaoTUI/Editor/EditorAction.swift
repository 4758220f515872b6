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

/// A direction for the arrow keys.
public enum Direction: Sendable, Hashable {
    case up, down, left, right
}
