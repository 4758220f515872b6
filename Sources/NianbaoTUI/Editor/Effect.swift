import NianbaoCore

/// Work the pure editor asks the app shell to do; results come back as actions.
public enum Effect: Sendable, Equatable {
    /// Write the report; `force` skips the changed-on-disk check. Answer with `.saveFinished`.
    case save(Report, force: Bool)
    /// Leave the editor.
    case quit
    /// Give the terminal back and stop (Ctrl-Z); answer with `.resumed` after `fg`.
    case suspend
    /// Write a recovery copy of the report (hook for the recovery-file implementation).
    case writeRecovery(Report)
    /// Remove the recovery copy after a clean save or quit.
    case removeRecovery
    /// Repaint the whole terminal.
    case fullRedraw
    /// Ring the terminal bell.
    case bell
    /// Put text on the clipboard (OSC 52, which reaches the clerk's own machine over SSH).
    case copy(String)
}

/// What a successful save reports back.
public struct SaveOutcome: Sendable, Equatable {
    /// Where the file went, for the message line.
    public let displayName: String

    public init(displayName: String) { self.displayName = displayName }
}

/// Why a save did not happen.
public enum SaveFailure: Error, Sendable, Equatable {
    /// The file changed on disk since it was opened or last saved.
    case changedOnDisk
    /// Any other failure, with a message in Chinese.
    case failed(String)
}
