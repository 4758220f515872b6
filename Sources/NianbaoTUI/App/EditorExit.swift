#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an editing session ended, for the process exit status.
public struct EditorExit: Sendable, Equatable {
    /// The signal that ended the session (SIGHUP, SIGTERM, SIGINT …), nil for a normal quit.
    public var signal: Int32?
    /// True when unsaved edits were lost: the session ended by a signal and no recovery copy
    /// could be written.
    public var lostUnsavedEdits: Bool

    /// True when the terminal went away without a signal (reads failed for good); the session
    /// ended as after SIGHUP.
    public var terminalLost: Bool

    public init(signal: Int32? = nil, lostUnsavedEdits: Bool = false, terminalLost: Bool = false) {
        self.signal = signal
        self.lostUnsavedEdits = lostUnsavedEdits
        self.terminalLost = terminalLost
    }

    /// Exit status 3 when unsaved edits were lost, else the conventional 128 + signal (a lost
    /// terminal counts as SIGHUP, the hang-up it stands for), else 0.
    public static let lostEditsStatus: Int32 = 3

    /// The process exit status for this ending.
    public var status: Int32 {
        if lostUnsavedEdits { return Self.lostEditsStatus }
        if let signal { return 128 + signal }
        if terminalLost { return 128 + SIGHUP }
        return 0
    }

    /// `SIGHUP`, `SIGTERM` … for messages.
    public static func signalName(_ signo: Int32) -> String {
        switch signo {
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        case SIGQUIT: "SIGQUIT"
        case SIGTERM: "SIGTERM"
        case SIGUSR1: "SIGUSR1"
        case SIGUSR2: "SIGUSR2"
        case SIGALRM: "SIGALRM"
        case SIGPIPE: "SIGPIPE"
        default: "信号 \(signo)"
        }
    }
}
