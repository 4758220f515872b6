import NianbaoCore

/// One terminal cell: a character, how many columns it covers, and its style.
public struct ScreenCell: Sendable, Hashable {
    /// The grapheme drawn here; a space for blanks and for the second half of a wide character.
    public var character: Character
    /// 1 or 2 for a cell that starts a character; 0 for the second half of a wide character.
    public var width: Int
    public var role: StyleRole

    public static let blank = ScreenCell(character: " ", width: 1, role: .normal)
}

/// A rectangle of terminal cells, written by the views and drawn by the terminal adapter.
public struct ScreenGrid: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public private(set) var cells: [ScreenCell]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    public subscript(row: Int, column: Int) -> ScreenCell {
        cells[row * columns + column]
    }

    /// Fills part of a row with blanks of a role.
    public mutating func fill(row: Int, from column: Int = 0, width: Int? = nil, role: StyleRole) {
        guard row >= 0, row < rows else { return }
        let start = max(0, column)
        let end = min(columns, width.map { column + $0 } ?? columns)
        guard start < end else { return }
        for c in start..<end { cells[row * columns + c] = ScreenCell(character: " ", width: 1, role: role) }
    }

    /// Writes text at a position, clipped to `maxWidth` columns and the grid; returns the columns used.
    ///
    /// Text is made terminal-safe (control characters appear as `^[` in the `.control` role),
    /// and a wide character that would not fit is replaced by a blank, never split.
    @discardableResult
    public mutating func put(_ text: some Sequence<Character>, row: Int, column: Int, maxWidth: Int? = nil,
                             role: StyleRole) -> Int {
        guard row >= 0, row < rows, column < columns else { return 0 }
        let limit = min(columns, maxWidth.map { column + max(0, $0) } ?? columns)
        var x = column
        for character in text {
            let w: Int
            if let plain = Self.plainWidth(of: character) {
                w = plain
            } else if let escaped = TerminalSafe.escape(character) {
                for scalar in escaped.unicodeScalars {
                    guard x < limit else { return x - column }
                    set(row: row, column: x, character: Character(scalar), width: 1, role: .control)
                    x += 1
                }
                continue
            } else {
                w = DisplayWidth.of(character)
            }
            if w == 0 { continue }
            if x + w > limit {
                if x < limit { set(row: row, column: x, character: " ", width: 1, role: role); x += 1 }
                return x - column
            }
            set(row: row, column: x, character: character, width: w, role: role)
            x += w
        }
        return x - column
    }

    /// Writes text clipped to `width` columns, ending in `…` when it does not fit; pads with blanks.
    @discardableResult
    public mutating func putTruncated(_ text: String, row: Int, column: Int, width: Int, role: StyleRole,
                                      alignRight: Bool = false) -> Int {
        guard width > 0 else { return 0 }
        let shown = Self.truncate(text, to: width)
        let w = Self.cellWidth(of: shown)
        fill(row: row, from: column, width: width, role: role)
        let start = alignRight ? column + width - w : column
        return put(shown, row: row, column: start, maxWidth: width - (start - column), role: role)
    }

    /// Cells a string takes on screen, counting escaped control characters as drawn.
    public static func cellWidth(of text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += cellWidth(of: character) }
        return total
    }

    /// Cells one character takes on screen, counting an escaped control character as drawn.
    public static func cellWidth(of character: Character) -> Int {
        if let width = plainWidth(of: character) { return width }
        if let escaped = TerminalSafe.escape(character) { return escaped.unicodeScalars.count }
        return DisplayWidth.of(character)
    }

    /// The width of what reports are mostly made of, found from the bytes: 1 for printable
    /// ASCII, 2 for a CJK ideograph (U+4E00–U+9FFF); nil for anything else. Neither needs escaping.
    @inline(__always)
    static func plainWidth(of character: Character) -> Int? {
        let utf8 = character.utf8
        switch utf8.count {
        case 1:
            if let b = utf8.first, b >= 0x20, b < 0x7F { return 1 }
        case 3:
            var bytes = utf8.makeIterator()
            let b0 = UInt32(bytes.next()!), b1 = UInt32(bytes.next()!), b2 = UInt32(bytes.next()!)
            // One three-byte scalar (not, say, a letter and a two-byte combining mark).
            if b0 & 0xF0 == 0xE0 {
                let scalar = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
                if scalar >= 0x4E00, scalar <= 0x9FFF { return 2 }
            }
        default:
            break
        }
        return nil
    }

    /// The longest prefix that fits in `width` cells, with `…` appended when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // One pass: note where a prefix stops fitting in `width - 1` (room for the `…`), and
        // cut there only once the whole text turns out not to fit in `width`.
        var used = 0
        var cut: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let w = cellWidth(of: text[i])
            if cut == nil, used + w > width - 1 { cut = i }
            used += w
            if used > width, let cut { return String(text[..<cut]) + "…" }
            i = text.index(after: i)
        }
        return text
    }

    private mutating func set(row: Int, column: Int, character: Character, width: Int, role: StyleRole) {
        let i = row * columns + column
        // Overwriting half of an earlier wide character blanks its other half.
        if cells[i].width == 0, column > 0 {
            cells[i - 1] = ScreenCell(character: " ", width: 1, role: cells[i - 1].role)
        }
        if cells[i].width == 2, column + 1 < columns {
            cells[i + 1] = ScreenCell(character: " ", width: 1, role: cells[i + 1].role)
        }
        cells[i] = ScreenCell(character: character, width: width, role: role)
        if width == 2 {
            if column + 1 < columns {
                if cells[i + 1].width == 2, column + 2 < columns {
                    cells[i + 2] = ScreenCell(character: " ", width: 1, role: cells[i + 2].role)
                }
                cells[i + 1] = ScreenCell(character: " ", width: 0, role: role)
            }
        }
    }

    /// The characters of one row as text (wide characters once).
    public func text(row: Int) -> String {
        var out = ""
        for c in 0..<columns where self[row, c].width > 0 { out.append(self[row, c].character) }
        return out
    }

    /// The style letters of one row, one per cell.
    public func styles(row: Int) -> String {
        String((0..<columns).map { self[row, $0].role.letter })
    }
}

/// A rendered screen: the cell grid plus where the hardware cursor goes.
public struct Frame: Sendable, Equatable {
    public var grid: ScreenGrid
    /// Column and row of the hardware cursor, or nil to hide it.
    public var cursor: (column: Int, row: Int)?

    public init(grid: ScreenGrid, cursor: (column: Int, row: Int)?) {
        self.grid = grid
        self.cursor = cursor
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.grid == b.grid && a.cursor?.column == b.cursor?.column && a.cursor?.row == b.cursor?.row
    }

    /// The whole frame as text: character rows, then style rows, then the cursor position.
    public var snapshotText: String {
        var out = "size \(grid.columns)x\(grid.rows)\n-- text --\n"
        for r in 0..<grid.rows { out += grid.text(row: r) + "\n" }
        out += "-- styles --\n"
        for r in 0..<grid.rows { out += grid.styles(row: r) + "\n" }
        if let cursor { out += "-- cursor --\n\(cursor.column),\(cursor.row)\n" } else { out += "-- cursor --\nhidden\n" }
        return out
    }
}
