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
    public func run() throws {
        try run(report: store.load())
    }

    /// Runs the editor on a given report (e.g. a new draft, a recovered copy or the built-in sample).
    ///
    /// `modified` marks the report as not yet saved (a recovered copy); `message` is shown first.
    public func run(report: Report, modified: Bool = false, message: String? = nil) throws {
        let terminal = try NcursesTerminal()
        defer { terminal.stop() }
        let size = terminal.size
        var state = EditorState(report: report, mode: mode, fileName: store.displayName, previous: previous,
                                columns: size.columns, rows: size.rows)
        if modified { state.dirty = true }
        if let message { state.message = StatusMessage(text: message, isError: false) }
        terminal.draw(Renderer.render(state))
        let clock = ContinuousClock()
        var lastKey = clock.now
        var idleSent = true
        #if DEBUG
        let crashHook = getenv("NIANBAO_DEBUG_CRASH").map { String(cString: $0) == "1" } ?? false
        #endif
        loop: while true {
            var actions: [EditorAction] = []
            if TerminalGuard.takePending() != nil {
                actions.append(.hangup)
            } else if let key = terminal.readKey() {
                #if DEBUG
                if crashHook, key == .function(12) { fatalError("NIANBAO_DEBUG_CRASH: deliberate crash (F12)") }
                #endif
                lastKey = clock.now
                idleSent = false
                actions.append(KeyMap.action(for: key, in: state))
            } else if !idleSent, clock.now - lastKey > .milliseconds(1500) {
                idleSent = true
                actions.append(.idle)
            } else {
                continue
            }
            while !actions.isEmpty {
                let (next, effects) = Editor.reduce(state, actions.removeFirst())
                state = next
                for effect in effects {
                    switch effect {
                    case .save(let report, let force):
                        if !force, store.changedOnDisk() {
                            actions.append(.saveFinished(.failure(.changedOnDisk)))
                        } else {
                            do {
                                actions.append(.saveFinished(.success(try store.save(report))))
                            } catch let failure as SaveFailure {
                                actions.append(.saveFinished(.failure(failure)))
                            } catch {
                                actions.append(.saveFinished(.failure(.failed("\(error)"))))
                            }
                        }
                    case .quit:
                        break loop
                    case .suspend:
                        terminal.suspend()
                        let s = terminal.size
                        actions.append(.resize(columns: s.columns, rows: s.rows))
                        actions.append(.resumed)
                    case .writeRecovery(let report):
                        try? recovery?.write(report)
                    case .removeRecovery:
                        recovery?.remove()
                    case .fullRedraw:
                        terminal.invalidate()
                    case .bell:
                        terminal.beep()
                    case .copy(let text):
                        terminal.copyToClipboard(text)
                    }
                }
            }
            terminal.draw(Renderer.render(state))
        }
    }
}
