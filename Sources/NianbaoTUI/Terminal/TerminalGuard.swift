#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the terminal back from signal handlers, using only async-signal-safe calls.
///
/// Crash signals (SEGV, ILL, ABRT, BUS, FPE, TRAP) restore the saved tty modes and leave the
/// alternate screen, then hand over to the handler that was installed before (the Swift runtime's
/// backtracer). SIGINT, SIGTERM and SIGHUP only set a flag the main loop reads, so recovery and
/// an orderly `endwin` happen outside signal context.
enum TerminalGuard {
    nonisolated(unsafe) static var savedModes = termios()
    nonisolated(unsafe) static var hasSavedModes = false
    nonisolated(unsafe) static var previous: UnsafeMutablePointer<sigaction>? = nil
    nonisolated(unsafe) static var pending: Int32 = 0
    nonisolated(unsafe) static var leave: UnsafeMutablePointer<UInt8>? = nil
    nonisolated(unsafe) static var leaveCount = 0

    /// Reset attributes, bracketed paste, keypad mode and cursor visibility, then leave the alternate screen.
    static let leaveSequence = "\u{1B}[0m\u{1B}[?2004l\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[?1049l"

    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP]
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Saves the shell's tty modes; call before curses starts.
    static func saveShellModes() {
        if tcgetattr(0, &savedModes) == 0 { hasSavedModes = true }
        if leave == nil {
            let bytes = Array(leaveSequence.utf8)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            leave = buffer
            leaveCount = bytes.count
        }
    }

    /// Installs the handlers; call after curses starts (ncurses installs its own only over SIG_DFL).
    static func install() {
        if previous == nil {
            previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
            previous!.initialize(repeating: sigaction(), count: 65)
        }
        for signo in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = crashHandler
            action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER
            sigemptyset(&action.sa_mask)
            sigaction(signo, &action, previous! + Int(signo))
        }
        for signo in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = stopHandler
            action.sa_flags = 0  // no SA_RESTART: a blocked read returns so the loop sees the flag
            sigemptyset(&action.sa_mask)
            sigaction(signo, &action, nil)
        }
    }

    /// Puts the crash handlers back as they were (after curses has ended normally).
    static func uninstall() {
        guard let previous else { return }
        for signo in crashSignals { sigaction(signo, previous + Int(signo), nil) }
        var dfl = sigaction()
        for signo in stopSignals { sigaction(signo, &dfl, nil) }
    }

    /// The stop signal that arrived since the last call, if any.
    static func takePending() -> Int32? {
        let s = pending
        if s == 0 { return nil }
        pending = 0
        return s
    }

    /// Restores tty modes and leaves the alternate screen; async-signal-safe.
    static func restoreFromSignal() {
        if hasSavedModes { tcsetattr(0, TCSANOW, &savedModes) }
        if let leave { _ = write(1, leave, leaveCount) }
    }
}

private func stopHandler(_ signo: Int32) {
    TerminalGuard.pending = signo
}

private func crashHandler(_ signo: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    TerminalGuard.restoreFromSignal()
    if let previous = TerminalGuard.previous {
        let old = previous + Int(signo)
        sigaction(signo, old, nil)
        if old.pointee.sa_flags & SA_SIGINFO != 0, let handler = old.pointee.__sigaction_handler.sa_sigaction {
            handler(signo, info, context)
        } else if let handler = old.pointee.__sigaction_handler.sa_handler,
                  unsafeBitCast(handler, to: Int.self) > 1 {
            handler(signo)
        }
    }
    var dfl = sigaction()
    sigaction(signo, &dfl, nil)
    raise(signo)
}
