#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoCore

/// The app shell: runs the pure editor on a real terminal and carries out its effects.
public struct EditorApp {
    public var store: any DocumentStore
    public var recovery: (any RecoveryHook)?
    public var mode: EditorMode
    public var previous: Report?

    public init(store: any DocumentStore, mode: EditorMode, recovery: (any RecoveryHook)? = nil, previous: Report? = nil) {
        self.store = store
        self.mode = mode
        self.recovery = recovery
        self.previous = previous
    }

    /// Loads the report from the store and runs the editor until the user quits.
    @discardableResult
    public func run() throws -> EditorExit {
        try run(report: store.load())
    }

    /// Runs the editor on a given report (e.g. a new draft, a recovered copy or the built-in sample).
    ///
    /// `modified` marks the report as not yet saved (a recovered copy); `message` is shown first.
    /// Returns how the session ended (a signal, and whether unsaved edits were lost); what
    /// became of the recovery copies is reported on standard error once the terminal is back.
    @discardableResult
    public func run(report: Report, modified: Bool = false, message: String? = nil) throws -> EditorExit {
        if let refusal = EditorLimits.refusal(for: report) { throw refusal }
        let terminal = try NcursesTerminal()
        var session = Session(app: self)
        let exit = session.loop(terminal, report: report, modified: modified, message: message)
        terminal.stop()
        if let text = session.exitReport(exit) { Self.writeError(text) }
        return exit
    }

    /// Writes to standard error (after curses has ended); a closed terminal is ignored.
    static func writeError(_ text: String) {
        let bytes = Array(TerminalSafe.sanitizeKeepingNewlines(text).utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}

/// One run of the editor loop: the state, and what became of the recovery copies.
private struct Session {
    let app: EditorApp
    var recoveryStatus = RecoveryStatus()
    var state: EditorState!

    init(app: EditorApp) { self.app = app }

    mutating func loop(_ terminal: NcursesTerminal, report: Report, modified: Bool, message: String?) -> EditorExit {
        let size = terminal.size
        state = EditorState(report: report, mode: app.mode, fileName: app.store.displayName, previous: app.previous,
                            columns: size.columns, rows: size.rows)
        if modified { state.dirty = true }
        if let message { state.message = StatusMessage(text: message, isError: false) }
        if app.mode == .edit, let recovery = app.recovery {
            // Say at once when no recovery folder is usable, not after the first lost copy.
            // A warning takes the status line; a note that copies go elsewhere waits its turn.
            if let warning = recoveryStatus.recordProbe(recovery.probe()),
               recoveryStatus.isFailing || state.message == nil {
                state.message = StatusMessage(text: warning, isError: recoveryStatus.isFailing)
            }
        }
        terminal.draw(Renderer.render(state))
        let clock = ContinuousClock()
        var lastKey = clock.now
        var idleSent = true
        #if DEBUG
        let crashHook = getenv("NIANBAO_DEBUG_CRASH").map { String(cString: $0) == "1" } ?? false
        #endif
        while true {
            var actions: [EditorAction] = []
            if let signo = TerminalGuard.takePending() {
                return stopBySignal(signo)
            } else if let key = terminal.readKey() {
                #if DEBUG
                if crashHook, key == .function(12) { fatalError("NIANBAO_DEBUG_CRASH: deliberate crash (F12)") }
                #endif
                lastKey = clock.now
                idleSent = false
                actions.append(KeyMap.action(for: key, in: state))
            } else if terminal.isGone {
                return stopByHangup()
            } else if !idleSent, clock.now - lastKey > .milliseconds(1500) {
                idleSent = true
                actions.append(.idle)
            } else {
                continue
            }
            while !actions.isEmpty {
                let action = actions.removeFirst()
                let (next, effects) = Editor.reduce(state, action)
                state = next
                var failedSave: String?
                if case .saveFinished(.failure(.failed(let text))) = action { failedSave = text }
                var notice: String?
                for effect in effects {
                    switch effect {
                    case .save(let report, let force):
                        actions.append(.saveFinished(save(report, force: force)))
                    case .quit:
                        return EditorExit()
                    case .suspend:
                        terminal.suspend()
                        let s = terminal.size
                        actions.append(.resize(columns: s.columns, rows: s.rows))
                        actions.append(.resumed)
                    case .writeRecovery(let report):
                        notice = writeRecovery(pendingEditApplied(to: report)) ?? notice
                    case .removeRecovery:
                        app.recovery?.remove()
                    case .fullRedraw:
                        terminal.invalidate()
                    case .bell:
                        terminal.beep()
                    case .copy(let text):
                        terminal.copyToClipboard(text)
                    }
                }
                if let failedSave {
                    // Say what really became of the recovery copy, now that it has been tried.
                    state.message = StatusMessage(text: recoveryStatus.saveFailedMessage(failedSave), isError: true)
                } else if let notice {
                    state.message = StatusMessage(text: notice, isError: recoveryStatus.isFailing)
                }
            }
            // While no copy can be written, the warning stays whenever nothing else is shown.
            if state.message == nil, state.dialog == nil, let warning = recoveryStatus.warning {
                state.message = StatusMessage(text: warning, isError: true)
            }
            terminal.draw(Renderer.render(state))
        }
    }

    /// Saves unless the file changed on disk (and `force` is not set).
    func save(_ report: Report, force: Bool) -> Result<SaveOutcome, SaveFailure> {
        if !force, app.store.changedOnDisk() { return .failure(.changedOnDisk) }
        do {
            return .success(try app.store.save(report))
        } catch let failure as SaveFailure {
            return .failure(failure)
        } catch {
            return .failure(.failed("\(error)"))
        }
    }

    /// The report with the cell being typed in it, when the editor's report is the current one.
    func pendingEditApplied(to report: Report) -> Report {
        report == state.report ? state.recoveryReport : report
    }

    /// Writes a recovery copy and records the outcome; returns a message when something changed.
    mutating func writeRecovery(_ report: Report) -> String? {
        guard app.mode == .edit, let recovery = app.recovery else { return nil }
        do throws(RecoveryWriteFailure) {
            return recoveryStatus.record(.success(try recovery.write(report)))
        } catch {
            return recoveryStatus.record(.failure(error))
        }
    }

    /// SIGHUP, SIGTERM, SIGINT …: everything typed goes into a recovery copy, then the editor ends.
    mutating func stopBySignal(_ signo: Int32) -> EditorExit {
        EditorExit(signal: signo, lostUnsavedEdits: !keepUnsavedEdits())
    }

    /// The terminal went away without a signal: as after SIGHUP, the typing goes into a copy.
    mutating func stopByHangup() -> EditorExit {
        EditorExit(lostUnsavedEdits: !keepUnsavedEdits(), terminalLost: true)
    }

    /// Writes unsaved edits (the cell being typed included) to a recovery copy; false when they are lost.
    mutating func keepUnsavedEdits() -> Bool {
        guard app.mode == .edit, state.hasUnsavedEdits else { return true }
        guard app.recovery != nil else { return false }
        _ = writeRecovery(state.recoveryReport)
        return !recoveryStatus.isFailing
    }

    /// What to print on standard error once the terminal is back.
    func exitReport(_ exit: EditorExit) -> String? {
        var text = ""
        if exit.signal != nil || exit.terminalLost {
            if let signo = exit.signal {
                text += "nianbao: 收到 \(EditorExit.signalName(signo))，编辑器已退出"
            } else {
                text += "nianbao: 终端已断开（读不到输入），编辑器已退出"
            }
            if let written = recoveryStatus.lastWritten, !exit.lostUnsavedEdits, state.hasUnsavedEdits {
                text += "；未保存的修改已写入恢复副本 \(written.path)，下次打开时可以恢复"
            }
            text += "。\n"
        }
        if let report = recoveryStatus.exitReport(unsavedEdits: exit.lostUnsavedEdits) { text += report }
        return text.isEmpty ? nil : text
    }
}
