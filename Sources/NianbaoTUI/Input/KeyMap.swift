import NianbaoCore

/// Turns keys into editor actions. Every F-key binding has a Ctrl or Alt twin for PuTTY and Xshell.
public enum KeyMap {
    /// The action for a key, given the current state (dialogs take letters as answers).
    public static func action(for key: Key, in state: EditorState) -> EditorAction {
        switch state.dialog {
        case .confirmQuit, .confirmOverwrite, .fillZero:
            if case .character(let c) = key { return .answer(c) }
        case .search, .info, .note:
            if case .character(let c) = key { return .insert(c) }
        case .confirmConversion:
            if case .character(let c) = key { return .answer(c) }
        default:
            break
        }
        let inTable = state.currentTable != nil && state.focus == .work && state.dialog == nil
        let inText = state.currentTable == nil && state.focus == .work && state.dialog == nil
        // An Alt chord while typing into a cell is Esc and a key that arrived together (a laggy
        // link sends them in one read): the Esc cancels the entry; a digit then starts a new one.
        if state.cellEdit != nil, case .alt(let c) = key {
            if c.isLetter { return .cancelEditThen(action(for: key, inState: state, inTable: inTable, inText: inText)) }
            return .cancelEditThen(.insert(c))
        }
        return action(for: key, inState: state, inTable: inTable, inText: inText)
    }

    private static func action(for key: Key, inState state: EditorState, inTable: Bool, inText: Bool) -> EditorAction {
        let typing = state.cellEdit != nil
        switch key {
        case .character(let c):
            if inTable, !typing {
                switch c {
                case "/": return .search
                case "n": return .repeatSearch(forward: true)
                case "N": return .repeatSearch(forward: false)
                default: break
                }
            }
            if state.focus == .findings, state.dialog == nil {
                switch c {
                case " ", "e", "E", "+": return .expandFinding
                case "/": return .search
                case "n": return .repeatSearch(forward: true)
                case "N": return .repeatSearch(forward: false)
                default: break
                }
            }
            return .insert(c)
        case .paste(let text): return .paste(text)
        case .resize(let c, let r): return .resize(columns: c, rows: r)
        case .enter: return .activate
        case .tab: return .nextCell(forward: true)
        case .backTab: return .nextCell(forward: false)
        case .escape: return .cancel
        case .backspace: return .deleteBackward
        case .delete: return .deleteForward
        case .up: return .move(.up)
        case .down: return .move(.down)
        case .left: return .move(.left)
        case .right: return .move(.right)
        case .shiftUp: return inTable ? .extendSelection(.up) : .move(.up)
        case .shiftDown: return inTable ? .extendSelection(.down) : .move(.down)
        case .shiftLeft: return inTable ? .extendSelection(.left) : .move(.left)
        case .shiftRight: return inTable ? .extendSelection(.right) : .move(.right)
        case .ctrlLeft: return inText ? .wordLeft : .move(.left)
        case .ctrlRight: return inText ? .wordRight : .move(.right)
        case .ctrlHome: return .documentStart
        case .ctrlEnd: return .documentEnd
        case .home: return .home
        case .end: return .end
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .ctrl(let c):
            switch c {
            case "s": return .save
            case "x", "q", "c": return .quit
            case "z": return .suspend
            case "l": return .redraw
            case "g": return .toggleHelp
            case "n": return .nextProblem
            case "p": return .previousProblem
            case "u": return .undo
            case "r", "y": return .redo
            case "f": return .search
            case "k": return inText ? .killToLineEnd : .clearCell
            case "a": return inText ? .lineStart : .selectAll
            case "e": return inText ? .lineEnd : .unbound("Ctrl-E")
            case "d": return .fillDown
            case "t": return .fillRight
            case "o": return .fillZero(nil)
            case "w": return .copyOut
            default: return .unbound("Ctrl-\(c.uppercased())")
            }
        case .alt(let c):
            switch c {
            case "n", "N": return .nextProblem
            case "p", "P": return .previousProblem
            case "e": return .nextError(forward: true)
            case "E": return .nextError(forward: false)
            case "u", "U": return .undo
            case "r", "R": return .redo
            case "b", "B": return inText ? .wordLeft : .unbound("Alt-B")
            case "f", "F": return inText ? .wordRight : .unbound("Alt-F")
            case "j", "J": return inText ? .joinLines : .unbound("Alt-J")
            case "d", "D": return .fillDown
            case "t", "T": return .fillRight
            case "0": return .fillZero(nil)
            case "w", "W": return .copyOut
            case "i", "I": return .editInfo
            case "m", "M": return .note
            case "v", "V": return .decide
            case "1", "2", "3", "4", "5", "6":
                return .goToSection(SectionID.allCases[Int(String(c))! - 1])
            default: return .unbound("Alt-\(c)")
            }
        case .function(let n):
            switch n {
            case 1: return .toggleHelp
            case 2: return .save
            case 3: return .previousSection
            case 4: return .nextSection
            case 5: return .search
            case 6: return .cycleFocus(forward: true)
            case 7: return .nextError(forward: true)
            case 19: return .nextError(forward: false)  // Shift-F7
            case 8: return .nextProblem
            case 20: return .previousProblem  // Shift-F8
            case 9: return .undo
            case 21: return .redo  // Shift-F9
            case 10: return .quit
            case 11: return .editInfo
            default: return .unbound("F\(n)")
            }
        }
    }
}
