/// The date a report states for itself when it has no sign-off (落款) in the model: a last line of
/// the text that is only a date (`2026年1月20日`), as reports written before schema version 2 end
/// their 六 section, or their 前言.
public enum StatedDate {
    /// Where a report's publication date was read from.
    public enum Source: String, Sendable, Equatable {
        /// `Report.signOff.date`.
        case signOff = "sign_off"
        /// A date line at the end of a text section.
        case text
    }

    /// The publication date: the sign-off date when the model has it, else the date the text
    /// states on its own last line, else nil.
    public static func of(_ report: Report) -> (date: CalendarDate, source: Source)? {
        if let date = report.signOff?.date { return (date, .signOff) }
        for text in [report.text(.s6), report.text(.s5), report.preface] {
            if let date = trailingDate(text) { return (date, .text) }
        }
        return nil
    }

    /// The date on the last non-empty line of `text`, when that line is a date and nothing else.
    static func trailingDate(_ text: String) -> CalendarDate? {
        let lastLine = text.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }
        guard let line = lastLine?.filter({ !$0.isWhitespace }), line.count <= 16 else { return nil }
        return CalendarDate(lenient: line)
    }
}
