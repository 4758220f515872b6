/// Tells a terminal that has gone away from one where nobody is typing: curses answers both with ERR.
///
/// A terminal can close without a SIGHUP reaching the editor (an ssh link dropped under `nohup`,
/// a pane whose pty is not the editor's controlling terminal, a killed terminal emulator whose
/// child was in another session). Reads then fail at once, forever; the loop must notice, write
/// the recovery copy and end, instead of spinning on the CPU with the clerk's typing unsaved.
struct HangupDetector: Sendable, Equatable {
    /// What `poll` says about the input after a read gave no key.
    enum Input: Sendable, Equatable {
        /// Nothing to read: the timeout passed with nobody typing.
        case quiet
        /// Readable, yet no key came: end of file, or bytes curses could not use.
        case readable
        /// The other end hung up, or the descriptor is in error or closed.
        case hungUp
    }

    /// Reads that failed at once while the input claimed to be readable, in a row.
    private(set) var quickFailures = 0
    /// How many such reads in a row mean end of file (a few bytes curses discards never reach this).
    static let limit = 20
    /// A read that fails sooner than this did not wait for its timeout.
    static let quick: Duration = .milliseconds(50)

    /// A key came: the terminal is there.
    mutating func keyRead() { quickFailures = 0 }

    /// Records a read that gave no key after `elapsed`; true when the terminal is gone.
    mutating func noKey(after elapsed: Duration, input: Input) -> Bool {
        switch input {
        case .hungUp:
            return true
        case .quiet:
            quickFailures = 0
            return false
        case .readable:
            if elapsed >= Self.quick {
                quickFailures = 0
                return false
            }
            quickFailures += 1
            return quickFailures >= Self.limit
        }
    }
}
