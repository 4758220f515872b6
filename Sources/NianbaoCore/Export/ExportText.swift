/// Text from a report made fit for an export that may end up on a terminal (`cat`, a pager).
///
/// A hostile draft may carry ESC sequences (set the window title, write the clipboard with
/// OSC 52, switch screens, `ESC c` reset), C1 controls or bidi overrides in any field. Every
/// export shows them visibly, as `view` and `check` do (`^[`, `<U+202E>`), and treats CR, CR LF,
/// NEL, U+2028 and U+2029 as line ends so that no line can hide another.
enum ExportText {
    /// A multi-line text: line ends normalised to `\n`, everything else unsafe shown visibly.
    static func paragraphs(_ text: String) -> String {
        TerminalSafe.sanitizeKeepingNewlines(normalizingLineEnds(text))
    }

    /// A one-line value (agency, title): every unsafe character shown, line breaks included.
    static func line(_ text: String) -> String {
        TerminalSafe.sanitize(text)
    }

    /// The lines of a text, split at every kind of line end.
    static func lines(_ text: String) -> [Substring] {
        paragraphs(text).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// CR LF, CR, NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR become `\n`.
    static func normalizingLineEnds(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isLineEnd($0) && $0 != "\n" }) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousCR {
                previousCR = false
                continue
            }
            previousCR = scalar == "\r"
            out.append(isLineEnd(scalar) ? "\n" : scalar)
        }
        return String(out)
    }

    static func isLineEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
