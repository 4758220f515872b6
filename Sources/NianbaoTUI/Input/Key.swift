/// An abstract key event, as the terminal adapter decodes it.
public enum Key: Sendable, Hashable {
    /// A printable character (possibly a CJK character from an input method).
    case character(Character)
    /// Ctrl plus a lowercase letter, e.g. `.ctrl("s")`.
    case ctrl(Character)
    /// Alt (or Esc followed by the key) plus a character.
    case alt(Character)
    /// F1…F24 (Shift-F8 arrives as F20 in xterm-like terminals).
    case function(Int)
    case up, down, left, right
    /// Shift-arrows (selection).
    case shiftUp, shiftDown, shiftLeft, shiftRight
    /// Ctrl-arrows and Ctrl-Home/End (word and document motion in text).
    case ctrlLeft, ctrlRight, ctrlHome, ctrlEnd
    case home, end, pageUp, pageDown
    case enter, tab, backTab, escape, backspace, delete
    /// A bracketed paste, delivered whole.
    case paste(String)
    /// The terminal was resized.
    case resize(columns: Int, rows: Int)
}
