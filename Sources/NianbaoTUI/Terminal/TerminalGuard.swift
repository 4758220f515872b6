#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoCore

/// Gives the terminal back from signal handlers, using only async-signal-safe calls.
///
/// Crash signals (SEGV, ILL, ABRT, BUS, FPE, TRAP) and SIGQUIT restore the saved tty modes and
/// leave the alternate screen, then hand over to the handler that was installed before (the
/// Swift runtime's backtracer) with its report sent to standard error and its interactive
/// prompt answered at once, so the process ends promptly instead of waiting 30 s for keys the
/// clerk meant for the editor. SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2 and SIGALRM only set a
/// flag the main loop reads, so the recovery copy and an orderly `endwin` happen outside signal
/// context. SIGPIPE is ignored while the editor runs (a write to a closed pipe fails instead).
enum TerminalGuard {
    nonisolated(unsafe) static var savedModes = termios()
    nonisolated(unsafe) static var hasSavedModes = false
    nonisolated(unsafe) static var previous: UnsafeMutablePointer<sigaction>? = nil
    nonisolated(unsafe) static var pending: Int32 = 0
    nonisolated(unsafe) static var leave: UnsafeMutablePointer<UInt8>? = nil
    nonisolated(unsafe) static var leaveCount = 0
    nonisolated(unsafe) static var notice: UnsafeMutablePointer<UInt8>? = nil
    nonisolated(unsafe) static var noticeCount = 0
    /// False when the user asked for the backtracer's prompt (`SWIFT_BACKTRACE=…interactive=yes…`).
    nonisolated(unsafe) static var answerPrompt = true

    /// Reset attributes, bracketed paste, keypad mode and cursor visibility, then leave the alternate screen.
    static let leaveSequence = "\u{1B}[0m\u{1B}[?2004l\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[?1049l"

    /// Written to standard error before the crash report.
    static let crashNotice = "\r\nnianbao: 程序异常终止，终端已恢复；崩溃报告（如有）写到标准错误。\n"

    static let crashSignals: [Int32] = [SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP, SIGQUIT]
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM]

    /// Saves the shell's tty modes; call before curses starts.
    static func saveShellModes() {
        if tcgetattr(0, &savedModes) == 0 { hasSavedModes = true }
        if leave == nil {
            let l = staticBytes(leaveSequence)
            leave = l.0
            leaveCount = l.1
            let n = staticBytes(crashNotice)
            notice = n.0
            noticeCount = n.1
            let settings = getenv("SWIFT_BACKTRACE").map { String(cString: $0) } ?? ""
            answerPrompt = !TextSearch.containsBytes(settings, "interactive=yes")
        }
    }

    private static func staticBytes(_ text: String) -> (UnsafeMutablePointer<UInt8>, Int) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        return (buffer, bytes.count)
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
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGPIPE, &ignore, nil)
    }

    /// Puts the crash handlers back as they were (after curses has ended normally).
    static func uninstall() {
        guard let previous else { return }
        for signo in crashSignals { sigaction(signo, previous + Int(signo), nil) }
        var dfl = sigaction()
        for signo in stopSignals + [SIGPIPE] { sigaction(signo, &dfl, nil) }
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

    /// Prepares the Swift backtracer, which takes its settings at start-up: its report goes to
    /// standard error and its "press a key" prompt reads a `q` already waiting, so it returns at
    /// once. Async-signal-safe (`pipe`, `write`, `dup2`, `close`).
    static func answerBacktracerPrompt() {
        if let notice { _ = write(2, notice, noticeCount) }
        guard answerPrompt else { return }
        _ = dup2(2, 1)
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        var quit: UInt8 = UInt8(ascii: "q")
        _ = write(fds[1], &quit, 1)
        close(fds[1])
        _ = dup2(fds[0], 0)
        close(fds[0])
    }
}

private func stopHandler(_ signo: Int32) {
    TerminalGuard.pending = signo
}

private func crashHandler(_ signo: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    TerminalGuard.restoreFromSignal()
    TerminalGuard.answerBacktracerPrompt()
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
