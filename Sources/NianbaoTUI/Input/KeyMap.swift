import NianbaoCore

/// Turns keys into editor actions. Every F-key binding has a Ctrl or Alt twin for PuTTY and Xshell.
public enum KeyMap {
    /// The action for a key, given the current state (dialogs take letters as answers).
    public static func action(for key: Key, in state: EditorState) -> EditorAction {
        if case .confirmQuit = state.dialog, case .character(let c) = key { return .answer(c) }
        if case .confirmOverwrite = state.dialog, case .character(let c) = key { return .answer(c) }
        switch key {
        case .character(let c): return .insert(c)
        case .paste(let text): return .paste(text)
        case .resize(let c, let r): return .resize(columns: c, rows: r)
        case .enter: return .activate
        case .tab: return .cycleFocus(forward: true)
        case .backTab: return .cycleFocus(forward: false)
        case .escape: return .cancel
        case .backspace: return .deleteBackward
        case .delete: return .deleteForward
        case .up: return .move(.up)
        case .down: return .move(.down)
        case .left: return .move(.left)
        case .right: return .move(.right)
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
            case "r": return .redo
            case "k": return .clearCell
            default: return .unbound("Ctrl-\(c.uppercased())")
            }
        case .alt(let c):
            switch c {
            case "n", "N": return .nextProblem
            case "p", "P": return .previousProblem
            case "u", "U": return .undo
            case "r", "R": return .redo
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
            case 6: return .cycleFocus(forward: true)
            case 8: return .nextProblem
            case 20: return .previousProblem  // Shift-F8
            case 9: return .undo
            case 21: return .redo  // Shift-F9
            case 10: return .quit
            default: return .unbound("F\(n)")
            }
        }
    }
}
