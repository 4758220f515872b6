import CNcursesw
import NianbaoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be used.
public enum TerminalError: Error, Sendable, CustomStringConvertible {
    case notATerminal
    case unsupported(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "nianbao edit/view 需要在终端中运行（标准输入和输出必须是终端）。"
        case .unsupported(let term):
            "无法使用终端类型 TERM=\(term)：它不支持全屏显示。请设置 TERM=xterm-256color 后重试，或用 nianbao check 检查文件。"
        }
    }
}

/// The only code that talks to ncursesw: starts and ends curses, reads keys, draws frames.
final class NcursesTerminal {
    private var screen: OpaquePointer?
    private var monochrome = true
    /// Attribute and colour pair per role, indexed by the role's raw value.
    private var pairs = [(attr: attr_t, pair: Int16)](repeating: (0, 0), count: StyleRole.allCases.count)
    private static let pasteStart: Int32 = 0x300
    private static let pasteEnd: Int32 = 0x301
    /// xterm's modified arrow and Home/End sequences, with our own key codes (selection, word motion).
    private static let modifiedKeys: [(String, Int32, Key)] = [
        ("\u{1B}[1;2A", 0x310, .shiftUp), ("\u{1B}[1;2B", 0x311, .shiftDown),
        ("\u{1B}[1;2C", 0x312, .shiftRight), ("\u{1B}[1;2D", 0x313, .shiftLeft),
        ("\u{1B}[1;5C", 0x314, .ctrlRight), ("\u{1B}[1;5D", 0x315, .ctrlLeft),
        ("\u{1B}[1;5H", 0x316, .ctrlHome), ("\u{1B}[1;5F", 0x317, .ctrlEnd),
        ("\u{1B}[1;3C", 0x318, .ctrlRight), ("\u{1B}[1;3D", 0x319, .ctrlLeft),
    ]
    private var stopped = false
    /// The grid as last handed to curses; cells that have not changed since are not handed over again.
    private var shown = ScreenGrid(columns: 0, rows: 0)
    /// False until the first frame has been sent.
    private var running = false
    /// Watches for a terminal that has gone away without a SIGHUP.
    private var hangup = HangupDetector()
    /// True once reads show the terminal is gone (see `HangupDetector`).
    private(set) var isGone = false

    /// Starts curses on the controlling terminal; throws a clear error for unusable terminals.
    init() throws(TerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        Self.setUTF8Locale()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else { throw .unsupported(term.isEmpty ? "（未设置）" : term) }
        TerminalGuard.saveShellModes()
        guard let screen = newterm(nil, cncw_stdout(), cncw_stdin()) else { throw .unsupported(term) }
        self.screen = screen
        set_term(screen)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        raw()
        noecho()
        nonl()
        keypad(cncw_stdscr(), true)
        wtimeout(cncw_stdscr(), 200)
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        for (sequence, code, _) in Self.modifiedKeys { define_key(sequence, code) }
        setUpColors()
        TerminalGuard.install()
        Self.writeRaw("\u{1B}[?2004h")
    }

    /// UTF-8 character handling from the environment, or C.UTF-8 when the environment's is not UTF-8.
    ///
    /// Only LC_CTYPE: it is all ncursesw needs for wide characters, and loading the other
    /// categories (time, money, collation …) is start-up time nothing here uses.
    static func setUTF8Locale() {
        let current = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? ""
        if !namesUTF8(current) {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    /// True when a locale name such as `zh_CN.UTF-8` or `C.utf8` names the UTF-8 encoding.
    ///
    /// Compared by bytes: `String.contains` would bring in the string-search machinery, whose
    /// first use costs more than the rest of locale set-up.
    static func namesUTF8(_ locale: String) -> Bool {
        let lower = String(decoding: locale.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return TextSearch.containsBytes(lower, "utf-8") || TextSearch.containsBytes(lower, "utf8")
    }

    private static func writeRaw(_ s: String) {
        fflush(cncw_stdout())
        var bytes = Array(s.utf8)
        _ = write(1, &bytes, bytes.count)
    }

    /// Ends curses and gives the terminal back in cooked mode on the normal screen.
    func stop() {
        // Nothing to give back when curses never started (e.g. TERM=dumb was refused).
        guard !stopped, screen != nil else { return }
        stopped = true
        Self.writeRaw("\u{1B}[?2004l")
        endwin()
        TerminalGuard.uninstall()
        if let screen { delscreen(screen) }
        screen = nil
    }

    deinit { stop() }

    /// Columns and rows of the terminal now.
    var size: (columns: Int, rows: Int) {
        (Int(getmaxx(cncw_stdscr())), Int(getmaxy(cncw_stdscr())))
    }

    /// Stops the process (Ctrl-Z) and, after `fg`, takes the terminal again.
    func suspend() {
        Self.writeRaw("\u{1B}[?2004l")
        endwin()
        kill(getpid(), SIGSTOP)
        refresh()
        Self.writeRaw("\u{1B}[?2004h")
        clearok(cncw_stdscr(), true)
    }

    /// Forces the next draw to repaint every cell.
    func invalidate() { clearok(cncw_stdscr(), true) }

    func beep() { _ = CNcursesw.beep() }

    /// Puts text on the clerk's clipboard with OSC 52.
    func copyToClipboard(_ text: String) { Self.writeRaw(ClipboardText.osc52(text)) }

    // MARK: Keys

    /// The next key, or nil after the 200 ms timeout (or a signal) with nothing typed.
    ///
    /// A read that shows the terminal has gone sets `isGone`.
    func readKey() -> Key? {
        var ch: wint_t = 0
        let started = ContinuousClock.now
        let r = get_wch(&ch)
        if r == ERR {
            if hangup.noKey(after: ContinuousClock.now - started, input: Self.inputState()) { isGone = true }
            return nil
        }
        hangup.keyRead()
        if r == KEY_CODE_YES { return functionKey(Int32(ch)) }
        return plainKey(UInt32(ch))
    }

    /// What `poll` says of standard input right now, without waiting.
    private static func inputState() -> HangupDetector.Input {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        let n = poll(&fd, 1, 0)
        if n < 0 { return errno == EINTR ? .quiet : .hungUp }
        if n == 0 { return .quiet }
        if Int32(fd.revents) & (POLLHUP | POLLERR | POLLNVAL) != 0 { return .hungUp }
        return .readable
    }

    private func plainKey(_ v: UInt32) -> Key? {
        switch v {
        case 27: return altOrEscape()
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(v) else { return nil }
            return .character(Character(scalar))
        }
    }

    private func altOrEscape() -> Key {
        nodelay(cncw_stdscr(), true)
        defer { wtimeout(cncw_stdscr(), 200) }
        var ch: wint_t = 0
        let r = get_wch(&ch)
        if r == OK, ch > 32, ch != 127, let s = Unicode.Scalar(UInt32(ch)) { return .alt(Character(s)) }
        if r == OK { _ = unget_wch(wchar_t(ch)) } else if r == KEY_CODE_YES { _ = ungetch(Int32(ch)) }
        return .escape
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize(columns: size.columns, rows: size.rows)
        case Self.pasteStart: return .paste(readPaste())
        case Self.pasteEnd: return nil
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        case KEY_SLEFT: return .shiftLeft
        case KEY_SRIGHT: return .shiftRight
        default:
            if let key = Self.modifiedKeys.first(where: { $0.1 == code })?.2 { return key }
            for n in 1...24 where code == cncw_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// Reads a bracketed paste up to its end marker, as one string.
    private func readPaste() -> String {
        var text = ""
        var idle = 0
        while idle < 10 {
            var ch: wint_t = 0
            let r = get_wch(&ch)
            if r == ERR { idle += 1; continue }
            idle = 0
            if r == KEY_CODE_YES {
                let code = Int32(ch)
                if code == Self.pasteEnd { break }
                if code == KEY_ENTER { text.append("\n") }
                continue
            }
            if ch == 13 || ch == 10 { text.append("\n"); continue }
            if let s = Unicode.Scalar(UInt32(ch)) { text.unicodeScalars.append(s) }
        }
        return text
    }

    // MARK: Drawing

    private func setUpColors() {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        monochrome = noColor || !has_colors()
        let bold = cncw_a_bold(), rev = cncw_a_reverse(), under = cncw_a_underline()
        func mono(_ role: StyleRole) -> attr_t {
            switch role {
            case .header, .cursor, .findingSelected, .keyName, .dialog: rev
            case .navActive, .messageError: rev | bold
            case .navProblem, .title, .columnHeader, .caption, .findingError: bold
            case .computed: under
            case .editing, .cursorProblem: rev | bold | under
            case .problem, .control: bold | under
            case .normal, .nav, .label, .input, .status, .findingWarning, .findingInfo, .messageInfo, .keyText: 0
            }
        }
        if monochrome {
            for role in StyleRole.allCases { self[role] = (mono(role), 0) }
            return
        }
        start_color()
        use_default_colors()
        let scheme: [(StyleRole, Int16, Int16, attr_t)] = [
            (.header, Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0),
            (.navActive, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), bold),
            (.navProblem, Int16(COLOR_RED), -1, bold),
            (.columnHeader, Int16(COLOR_CYAN), -1, bold),
            (.caption, Int16(COLOR_MAGENTA), -1, bold),
            (.computed, Int16(COLOR_CYAN), -1, 0),
            (.editing, Int16(COLOR_BLACK), Int16(COLOR_WHITE), bold),
            (.problem, Int16(COLOR_WHITE), Int16(COLOR_RED), bold),
            (.cursorProblem, Int16(COLOR_RED), Int16(COLOR_WHITE), bold | rev),
            (.status, Int16(COLOR_GREEN), -1, 0),
            (.findingError, Int16(COLOR_RED), -1, bold),
            (.findingWarning, Int16(COLOR_YELLOW), -1, 0),
            (.messageInfo, Int16(COLOR_GREEN), -1, bold),
            (.messageError, Int16(COLOR_WHITE), Int16(COLOR_RED), bold),
            (.control, Int16(COLOR_BLACK), Int16(COLOR_MAGENTA), 0),
            (.dialog, Int16(COLOR_BLACK), Int16(COLOR_WHITE), bold),
        ]
        for role in StyleRole.allCases { self[role] = (mono(role) & (rev | bold), 0) }
        self[.title] = (bold, 0)
        for (i, (role, fg, bg, attr)) in scheme.enumerated() {
            let pair = Int16(i + 1)
            init_pair(pair, fg, bg)
            self[role] = (attr, pair)
        }
        self[.cursor] = (rev, 0)
        self[.findingSelected] = (rev, 0)
        self[.keyName] = (rev, 0)
    }

    /// The curses attribute and colour pair that draw a role.
    private subscript(role: StyleRole) -> (attr: attr_t, pair: Int16) {
        get { pairs[Int(role.rawValue)] }
        set { pairs[Int(role.rawValue)] = newValue }
    }

    /// A blank in the normal style: what an erased screen already shows.
    private static func isBlank(_ cell: ScreenCell) -> Bool {
        guard cell.width == 1, cell.role == .normal else { return false }
        let bytes = cell.character.utf8
        return bytes.count == 1 && bytes.first == 0x20
    }

    /// Same character (byte for byte), width and style. `Character ==` compares by Unicode
    /// equivalence, which is slow for the many cells that differ on a new screen.
    private static func looksTheSame(_ a: ScreenCell, _ b: ScreenCell) -> Bool {
        guard a.width == b.width, a.role == b.role else { return false }
        let x = a.character.utf8, y = b.character.utf8
        guard x.count == y.count else { return false }
        // Most cells hold one byte (ASCII, blanks): compare it without the generic sequence walk.
        return x.count == 1 ? x.first == y.first : x.elementsEqual(y)
    }

    /// Draws a frame and puts the hardware cursor at the caret (so an IME's candidates appear there).
    func draw(_ frame: Frame) {
        let (columns, rows) = size
        let grid = frame.grid
        // A new size (or the first frame) starts from a blank screen: then only the cells that
        // are not blank need sending, and there is no earlier grid to compare with.
        let fresh = shown.columns != grid.columns || shown.rows != grid.rows
        if fresh { werase(cncw_stdscr()) }
        var cc = cchar_t()
        let pairs = self.pairs
        var wbuf = [wchar_t](repeating: 0, count: 8)
        let visibleRows = min(rows, grid.rows), visibleColumns = min(columns, grid.columns)
        // Read in place: copying a cell out of the arrays would retain and release its character.
        grid.cells.withUnsafeBufferPointer { cells in
            shown.cells.withUnsafeBufferPointer { before in
                for r in 0..<visibleRows {
                    for c in 0..<visibleColumns {
                        let i = r * grid.columns + c
                        let cell = cells[i]
                        if cell.width == 0 || (fresh ? Self.isBlank(cell) : Self.looksTheSame(cell, before[i])) { continue }
                        if cell.width == 2, c + 1 >= columns { continue }
                        var n = 0
                        for scalar in cell.character.unicodeScalars where n < 5 {
                            wbuf[n] = wchar_t(bitPattern: scalar.value)
                            n += 1
                        }
                        wbuf[n] = 0
                        let style = pairs[Int(cell.role.rawValue)]
                        wbuf.withUnsafeBufferPointer { p in _ = setcchar(&cc, p.baseAddress, style.attr, style.pair, nil) }
                        _ = mvadd_wch(Int32(r), Int32(c), &cc)
                    }
                }
            }
        }
        shown = grid
        if let cursor = frame.cursor, cursor.row < rows, cursor.column < columns {
            curs_set(1)
            move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        if !running {
            // Until a screen has been through endwin() once, ncurses treats it as not yet started
            // (the case meant for low-level terminfo programs) and flushes its output at every
            // cursor movement: each frame would leave as dozens of small writes, a line or less
            // each, with the terminal woken for every one. An endwin() before the first refresh
            // puts the screen in its running state as that refresh resumes it, so this frame
            // and every later one leave in a few large writes. The drawn window is kept; the
            // only extra output is the alternate screen being left and entered again.
            endwin()
            running = true
        }
        refresh()
    }
}
