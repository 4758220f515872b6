/// Wraps a message into screen lines by display width, with the same Chinese line breaking as text sections.
enum TextWrap {
    /// The lines of `text` at most `width` cells wide (line breaks kept).
    static func lines(_ text: String, width: Int) -> [String] {
        let chars = Graphemes.split(text)
        return TextLayout.lines(chars, width: max(2, width)).map { String(chars[$0.start..<$0.end]) }
    }
}
