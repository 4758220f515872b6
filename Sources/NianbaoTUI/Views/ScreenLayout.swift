/// Where each part of the screen goes for a terminal size; shared by the reducer (scrolling) and the renderer.
public struct ScreenLayout: Sendable, Equatable {
    public let columns: Int
    public let rows: Int

    /// The smallest terminal the full screen needs.
    public static let minimumColumns = 40
    public static let minimumRows = 12

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    /// True when the terminal is below the minimum and only the size message is shown.
    public var tooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }

    public var headerRow: Int { 0 }
    public var navRow: Int { 1 }
    public var titleRow: Int { 2 }
    /// First row of the working pane.
    public var workTop: Int { 3 }
    /// Lines of the findings pane below its title line.
    public var findingsHeight: Int { max(2, min(12, (rows - 8) / 4)) }
    public var workHeight: Int { max(1, rows - 8 - findingsHeight) }
    public var statusRow: Int { workTop + workHeight }
    public var findingsTitleRow: Int { statusRow + 1 }
    public var findingsTop: Int { findingsTitleRow + 1 }
    public var messageRow: Int { findingsTop + findingsHeight }
    public var keyBarRow: Int { messageRow + 1 }

    /// Lines of a full-screen page (help, notices): from the title row down to the message row.
    public var dialogPageHeight: Int { max(1, messageRow - titleRow) }

    /// Width of the frozen row-label column of tables.
    public var labelWidth: Int { max(14, min(44, columns * 3 / 10)) }
    /// Width the text editor wraps at (one column stays free for the caret).
    public var wrapWidth: Int { max(2, columns - 3) }
}
