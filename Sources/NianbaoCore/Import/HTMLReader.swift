/// A small, tolerant HTML reader: enough to get paragraphs and real table grids out of
/// government web pages. Tags, attributes, entities (named and numeric, `&nbsp;`),
/// comments, `<script>`/`<style>` skipped, implied end tags for cells and rows,
/// rowspan/colspan placed on the real grid.
///
/// Linear in the input: positions are counted as the bytes go by, and the grid is tracked as
/// the cells that reach down from earlier rows (never a slot per spanned cell). What no report
/// needs is refused (`ImportLimits`): more table nesting, grid columns, cells or lines.
enum HTMLReader {
    /// True when the text looks like HTML rather than plain text.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = min(bytes.count, 1 << 16)
        var hits = 0
        while i < n {
            if bytes[i] == UInt8(ascii: "<"), i + 1 < n {
                let name = lowerName(bytes, from: bytes[i + 1] == UInt8(ascii: "/") ? i + 2 : i + 1)
                if ["html", "body", "table", "p", "div", "br", "td", "tr", "!doctype", "head", "span", "h1", "h2", "h3"].contains(name) {
                    hits += 1
                    if hits >= 2 { return true }
                }
            }
            i += 1
        }
        return false
    }

    private static func lowerName(_ bytes: [UInt8], from start: Int) -> String {
        var j = start
        var out: [UInt8] = []
        while j < bytes.count, out.count < 10, isNameByte(bytes[j]) || bytes[j] == UInt8(ascii: "!") {
            let c = bytes[j]
            out.append((c >= 65 && c <= 90) ? c + 32 : c)
            j += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":")
    }

    static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
        "footer", "blockquote", "pre", "hr", "dt", "dd", "dl", "title", "center", "address", "main", "nav",
        "form", "figure", "figcaption", "body", "html", "head",
    ]

    /// Widest table grid read, in columns; a cell that starts further right is refused.
    static let maxColumns = 512

    /// Reads a page into lines (paragraphs) and table rows, refusing a page beyond `ImportLimits`.
    static func read(_ bytes: [UInt8]) throws(ImportError) -> SourceDocument {
        var builder = Builder(bytes: bytes)
        builder.run()
        if let exceeded = builder.limitExceeded { throw .overLimit(exceeded) }
        return builder.document
    }

    /// Reads a page into lines (paragraphs) and table rows; past a limit, what was read until then.
    static func document(_ bytes: [UInt8]) -> SourceDocument {
        var builder = Builder(bytes: bytes)
        builder.run()
        return builder.document
    }

    /// Accumulates text with HTML whitespace rules: runs of literal whitespace become one space,
    /// edges are trimmed, characters written as entities are kept as they are.
    struct TextBuffer {
        var bytes: [UInt8] = []
        var pendingSpace = false
        var start: (line: Int, column: Int)? = nil

        var isEmpty: Bool { bytes.isEmpty }

        mutating func appendLiteral(_ c: UInt8) {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                if !bytes.isEmpty { pendingSpace = true }
            } else {
                flushSpace()
                bytes.append(c)
            }
        }

        mutating func appendExact(_ b: some Sequence<UInt8>) {
            flushSpace()
            bytes.append(contentsOf: b)
        }

        mutating func flushSpace() {
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
        }

        /// A soft break (`<br>` or a block inside a cell): one space.
        mutating func softBreak() { if !bytes.isEmpty { pendingSpace = true } }

        mutating func take() -> String {
            let s = String(decoding: bytes, as: UTF8.self)
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
            start = nil
            return s
        }
    }

    struct OpenCell {
        var text = TextBuffer()
        var rowspan: Int
        var colspan: Int
        var line: Int
        var column: Int
    }

    /// A cell of an earlier row that reaches down: it takes columns `start..<end` through `lastRow`.
    struct VerticalSpan {
        var start: Int
        var end: Int
        var lastRow: Int
    }

    struct OpenTable {
        var index: Int
        /// Cells of earlier rows that may still reach down, sorted by first column (expired ones
        /// are pruned now and then). Cells of one table never share a first column while both are
        /// live, so there are at most `maxColumns` live ones.
        var spans: [VerticalSpan] = []
        /// Prune `spans` when it reaches this many.
        var pruneAt = 64
        /// The next free column of the current row, and the first span it has not passed.
        var cursor = 0
        var spanIndex = 0
        var row = -1
        var rowOpen = false
        var cellsInRow: [(col: Int, cell: SourceDocument.Cell)] = []
        var rowLine = 1
        var cell: OpenCell? = nil
    }

    struct Builder {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        var lines: [SourceDocument.Line] = []
        var paragraph = TextBuffer()
        var blockOpenedWithoutContent = false
        var tables: [OpenTable] = []
        var tableCount = 0
        var hasImages = false
        var scope: ReportScope? = nil
        var inHead = false
        /// The 1-based column (in characters) of byte `i` on its line, counted as bytes go by.
        var column = 1
        var cellCount = 0
        /// The first limit the page went beyond; reading stops there.
        var limitExceeded: ImportLimitExceeded? = nil

        init(bytes: [UInt8]) { self.bytes = bytes }

        var document: SourceDocument {
            SourceDocument(kind: .html, lines: lines, lineIsRow: true, valuesMayWrap: false,
                           hasImages: hasImages, exportedScope: scope)
        }

        mutating func advance(to pos: Int) {
            while i < pos && i < bytes.count {
                let b = bytes[i]
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
        }

        /// Stops reading at a limit, keeping the first one met.
        mutating func exceed(_ what: String, _ limit: Int, at location: ImportLocation) {
            if limitExceeded == nil { limitExceeded = ImportLimitExceeded(what: what, limit: limit, location: location) }
            i = bytes.count
        }

        mutating func appendLine(_ newLine: SourceDocument.Line) {
            guard lines.count < ImportLimits.maxLines else {
                exceed("段落和表格行", ImportLimits.maxLines, at: newLine.location)
                return
            }
            lines.append(newLine)
        }

        mutating func run() {
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "<"), i + 1 < bytes.count {
                    let next = bytes[i + 1]
                    if next == UInt8(ascii: "!") {
                        skipDeclarationOrComment()
                        continue
                    }
                    if next == UInt8(ascii: "?") {
                        skip(until: [UInt8(ascii: ">")])
                        continue
                    }
                    let isLetter = (next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A)
                    if isLetter || next == UInt8(ascii: "/") {
                        tag()
                        continue
                    }
                }
                if c == UInt8(ascii: "&") {
                    entity()
                    continue
                }
                text(c)
                advance(to: i + 1)
            }
            endAllTables()
            flushParagraph(force: false)
        }

        // MARK: text

        mutating func noteStart(_ buffer: inout TextBuffer) {
            if buffer.start == nil { buffer.start = (line, column) }
        }

        /// True while a `<td>`/`<th>` of the innermost table is open (kept in step with `tables`).
        var cellOpen: Bool { !tables.isEmpty && tables[tables.count - 1].cell != nil }
        var rowOpen: Bool { !tables.isEmpty && tables[tables.count - 1].rowOpen }

        mutating func text(_ c: UInt8) {
            if inHead { return }
            if tables.isEmpty {
                if paragraph.start == nil, !(c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09) {
                    paragraph.start = (line, column)
                }
                paragraph.appendLiteral(c)
                return
            }
            if cellOpen {
                if tables[tables.count - 1].cell!.text.start == nil, !(c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09) {
                    tables[tables.count - 1].cell!.text.start = (line, column)
                }
                tables[tables.count - 1].cell!.text.appendLiteral(c)
            } else if !rowOpen {
                if paragraph.start == nil, !(c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09) {
                    paragraph.start = (line, column)
                }
                paragraph.appendLiteral(c)
            }
            // Text between rows of a table is dropped, as browsers move it out of the table.
        }

        mutating func exact(_ s: [UInt8]) {
            if inHead && !inTitle { return }
            if cellOpen {
                if tables[tables.count - 1].cell!.text.start == nil { tables[tables.count - 1].cell!.text.start = (line, column) }
                tables[tables.count - 1].cell!.text.appendExact(s)
            } else if !rowOpen {
                if paragraph.start == nil { paragraph.start = (line, column) }
                paragraph.appendExact(s)
            }
        }

        var inTitle = false

        mutating func entity() {
            // &name; &#123; &#x1F;
            var j = i + 1
            var name: [UInt8] = []
            while j < bytes.count, j - i <= 32 {
                let c = bytes[j]
                if c == UInt8(ascii: ";") { break }
                if !(isNameByte(c) || c == UInt8(ascii: "#")) { break }
                name.append(c)
                j += 1
            }
            let terminated = j < bytes.count && bytes[j] == UInt8(ascii: ";")
            if let scalar = HTMLReader.decodeEntity(name) {
                exact(Array(String(Character(scalar)).utf8))
                advance(to: terminated ? j + 1 : j)
            } else {
                text(UInt8(ascii: "&"))
                advance(to: i + 1)
            }
        }

        // MARK: tags

        mutating func skipDeclarationOrComment() {
            if i + 3 < bytes.count, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                // <!-- ... -->
                var j = i + 4
                while j + 2 < bytes.count {
                    if bytes[j] == UInt8(ascii: "-"), bytes[j + 1] == UInt8(ascii: "-"), bytes[j + 2] == UInt8(ascii: ">") {
                        advance(to: j + 3)
                        return
                    }
                    j += 1
                }
                advance(to: bytes.count)
            } else {
                skip(until: [UInt8(ascii: ">")])
            }
        }

        mutating func skip(until terminator: [UInt8]) {
            var j = i
            while j < bytes.count {
                if bytes[j] == terminator[0] {
                    advance(to: j + 1)
                    return
                }
                j += 1
            }
            advance(to: bytes.count)
        }

        mutating func tag() {
            let tagStart = i
            let tagLine = line
            let tagColumn = column
            var j = i + 1
            var closing = false
            if bytes[j] == UInt8(ascii: "/") {
                closing = true
                j += 1
            }
            var nameBytes: [UInt8] = []
            while j < bytes.count, HTMLReader.isNameByte(bytes[j]) {
                let c = bytes[j]
                nameBytes.append((c >= 65 && c <= 90) ? c + 32 : c)
                j += 1
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            // Attributes.
            var attributes: [String: String] = [:]
            var selfClosing = false
            while j < bytes.count {
                let c = bytes[j]
                if c == UInt8(ascii: ">") {
                    j += 1
                    break
                }
                if c == UInt8(ascii: "/") {
                    selfClosing = true
                    j += 1
                    continue
                }
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                    j += 1
                    continue
                }
                var attrName: [UInt8] = []
                while j < bytes.count {
                    let a = bytes[j]
                    if a == UInt8(ascii: "=") || a == UInt8(ascii: ">") || a == 0x20 || a == 0x09 || a == 0x0A || a == 0x0D || a == UInt8(ascii: "/") { break }
                    attrName.append((a >= 65 && a <= 90) ? a + 32 : a)
                    j += 1
                }
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
                var value: [UInt8] = []
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let q = bytes[j]
                        j += 1
                        while j < bytes.count, bytes[j] != q { value.append(bytes[j]); j += 1 }
                        j += 1
                    } else {
                        while j < bytes.count, bytes[j] != UInt8(ascii: ">"), bytes[j] != 0x20, bytes[j] != 0x09, bytes[j] != 0x0A { value.append(bytes[j]); j += 1 }
                    }
                }
                if attrName.isEmpty {
                    j += 1
                } else {
                    attributes[String(decoding: attrName, as: UTF8.self)] = HTMLReader.decodeAttribute(value)
                }
            }
            _ = tagStart
            advance(to: min(j, bytes.count))
            if closing {
                endTag(name)
            } else {
                startTag(name, attributes: attributes, selfClosing: selfClosing, line: tagLine, column: tagColumn)
            }
        }

        mutating func skipRawText(_ name: String) {
            // Skip to </name>, case-insensitive.
            let target = Array("</\(name)".utf8)
            var j = i
            while j + target.count <= bytes.count {
                var match = true
                for k in 0..<target.count {
                    let c = bytes[j + k]
                    let lower = (c >= 65 && c <= 90) ? c + 32 : c
                    if lower != target[k] {
                        match = false
                        break
                    }
                }
                if match {
                    advance(to: j)
                    skip(until: [UInt8(ascii: ">")])
                    return
                }
                j += 1
            }
            advance(to: bytes.count)
        }

        mutating func startTag(_ name: String, attributes: [String: String], selfClosing: Bool, line tagLine: Int, column tagColumn: Int) {
            switch name {
            case "script", "style", "noscript", "template", "textarea", "svg":
                if !selfClosing { skipRawText(name) }
            case "head":
                inHead = true
            case "body":
                inHead = false
            case "title":
                flushParagraph(force: false)
                inTitle = true
                let wasHead = inHead
                inHead = false
                // Title text is a line of its own.
                readUntilEnd(of: "title")
                flushParagraph(force: false)
                inHead = wasHead
                inTitle = false
            case "meta":
                if attributes["name"] == "nianbao-scope", let content = attributes["content"] {
                    scope = ReportScope(rawValue: content)
                }
            case "img":
                if !inHead { hasImages = true }
            case "table":
                if !cellOpen { flushParagraph(force: false) }
                guard tables.count < ImportLimits.maxTableNesting else {
                    exceed("表格嵌套层数", ImportLimits.maxTableNesting, at: ImportLocation(line: tagLine, column: tagColumn))
                    return
                }
                tableCount += 1
                tables.append(OpenTable(index: tableCount))
            case "tr":
                guard !tables.isEmpty else { return }
                endRow()
                startRow(line: tagLine)
            case "td", "th":
                guard !tables.isEmpty else { return }
                endCell()
                if !tables[tables.count - 1].rowOpen { startRow(line: tagLine) }
                let rowspan = HTMLReader.span(attributes["rowspan"], max: ImportLimits.maxRowspan)
                let colspan = HTMLReader.span(attributes["colspan"], max: ImportLimits.maxColspan)
                tables[tables.count - 1].cell = OpenCell(rowspan: rowspan, colspan: colspan, line: tagLine, column: tagColumn)
            case "br":
                if cellOpen {
                    tables[tables.count - 1].cell!.text.softBreak()
                } else {
                    flushParagraph(force: true)
                }
            default:
                if HTMLReader.blockTags.contains(name) {
                    if cellOpen {
                        tables[tables.count - 1].cell!.text.softBreak()
                    } else {
                        flushParagraph(force: false)
                        if name == "p" { blockOpenedWithoutContent = true }
                    }
                }
            }
        }

        mutating func readUntilEnd(of name: String) {
            let target = Array("</\(name)".utf8)
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<"), i + target.count <= bytes.count {
                    var match = true
                    for k in 0..<target.count {
                        let c = bytes[i + k]
                        if ((c >= 65 && c <= 90) ? c + 32 : c) != target[k] { match = false; break }
                    }
                    if match {
                        skip(until: [UInt8(ascii: ">")])
                        return
                    }
                }
                if bytes[i] == UInt8(ascii: "&") {
                    entity()
                    continue
                }
                if paragraph.start == nil, !(bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) {
                    paragraph.start = (line, column)
                }
                paragraph.appendLiteral(bytes[i])
                advance(to: i + 1)
            }
        }

        mutating func endTag(_ name: String) {
            switch name {
            case "head":
                inHead = false
            case "table":
                guard !tables.isEmpty else { return }
                endRow()
                tables.removeLast()
            case "tr":
                guard !tables.isEmpty else { return }
                endRow()
            case "td", "th":
                guard !tables.isEmpty else { return }
                endCell()
            default:
                if HTMLReader.blockTags.contains(name) {
                    if cellOpen {
                        tables[tables.count - 1].cell!.text.softBreak()
                    } else {
                        flushParagraph(force: name == "p" && blockOpenedWithoutContent)
                    }
                }
            }
        }

        mutating func flushParagraph(force: Bool) {
            let wasEmpty = paragraph.isEmpty
            let start = paragraph.start ?? (line, column)
            if wasEmpty && !force {
                blockOpenedWithoutContent = false
                return
            }
            let text = paragraph.take()
            appendLine(SourceDocument.Line(text: text, location: ImportLocation(line: start.0, column: start.1),
                                           isTable: false, cells: []))
            blockOpenedWithoutContent = false
        }

        mutating func startRow(line rowLine: Int) {
            let last = tables.count - 1
            tables[last].row += 1
            tables[last].rowOpen = true
            tables[last].rowLine = rowLine
            tables[last].cursor = 0
            tables[last].spanIndex = 0
        }

        /// Places the open cell on the grid: the first column from the row's cursor that no cell
        /// of an earlier row reaches down into. Amortised constant time per cell and span passed.
        mutating func endCell() {
            let last = tables.count - 1
            guard var cell = tables[last].cell else { return }
            tables[last].cell = nil
            let r = tables[last].row
            var c = tables[last].cursor
            var k = tables[last].spanIndex
            let spanCount = tables[last].spans.count
            while k < spanCount {
                let span = tables[last].spans[k]
                if span.start > c { break }
                if span.lastRow >= r && span.end > c { c = span.end }
                k += 1
            }
            tables[last].spanIndex = k
            let start = cell.text.start ?? (cell.line, cell.column)
            let location = ImportLocation(line: start.0, column: start.1, htmlTable: tables[last].index, tableRow: r + 1, tableColumn: c + 1)
            guard c < HTMLReader.maxColumns else {
                exceed("表格列数", HTMLReader.maxColumns, at: location)
                return
            }
            cellCount += 1
            guard cellCount <= ImportLimits.maxCells else {
                exceed("表格单元格", ImportLimits.maxCells, at: location)
                return
            }
            // A span past the widest grid read is cut there (HTML's colspan="1000" for "the rest").
            let end = min(c + cell.colspan, HTMLReader.maxColumns)
            tables[last].cursor = end
            if cell.rowspan > 1 {
                let span = VerticalSpan(start: c, end: end, lastRow: r + cell.rowspan - 1)
                // Keep `spans` sorted by start; spans already passed in this row start before c.
                var low = k
                var high = tables[last].spans.count
                while low < high {
                    let mid = (low + high) / 2
                    if tables[last].spans[mid].start <= c { low = mid + 1 } else { high = mid }
                }
                tables[last].spans.insert(span, at: low)
                tables[last].spanIndex = low + 1
            }
            let raw = cell.text.take()
            tables[last].cellsInRow.append((c, SourceDocument.Cell(raw: raw, key: LabelKey.of(raw), location: location)))
        }

        mutating func endRow() {
            endCell()
            let last = tables.count - 1
            guard tables[last].rowOpen else { return }
            tables[last].rowOpen = false
            var rowCells = tables[last].cellsInRow
            tables[last].cellsInRow.removeAll(keepingCapacity: true)
            if !rowCells.isEmpty, zip(rowCells, rowCells.dropFirst()).contains(where: { $0.col > $1.col }) {
                rowCells.sort { $0.col < $1.col }
            }
            let cells = rowCells.map(\.cell)
            let row = tables[last].row
            if tables[last].spans.count >= tables[last].pruneAt {
                tables[last].spans.removeAll { $0.lastRow <= row }
                tables[last].pruneAt = max(64, tables[last].spans.count * 2)
            }
            let text = cells.map(\.raw).joined(separator: " | ")
            appendLine(SourceDocument.Line(text: text, location: ImportLocation(line: tables[last].rowLine, htmlTable: tables[last].index, tableRow: row + 1),
                                           isTable: true, cells: cells))
        }

        mutating func endAllTables() {
            while !tables.isEmpty {
                endRow()
                tables.removeLast()
            }
        }
    }

    /// A `rowspan`/`colspan` value: at least 1, at most `max`, 1 when missing or not a number.
    static func span(_ value: String?, max limit: Int) -> Int {
        guard let value else { return 1 }
        let digits = value.trimmingAllSpace.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty else { return 1 }
        var n = 0
        for d in digits {
            n = n * 10 + Int(d - 0x30)
            if n >= limit { return limit }
        }
        return Swift.max(1, n)
    }

    // MARK: entities

    static let namedEntities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ensp": 0x2002,
        "emsp": 0x2003, "thinsp": 0x2009, "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "ldquo": 0x201C,
        "rdquo": 0x201D, "lsquo": 0x2018, "rsquo": 0x2019, "middot": 0xB7, "times": 0xD7, "copy": 0xA9,
        "reg": 0xAE, "yen": 0xA5, "deg": 0xB0, "plusmn": 0xB1, "laquo": 0xAB, "raquo": 0xBB, "bull": 0x2022,
        "minus": 0x2212, "divide": 0xF7, "sect": 0xA7, "para": 0xB6, "trade": 0x2122, "zwsp": 0x200B,
        "shy": 0xAD, "ideographicspace": 0x3000,
    ]

    /// The scalar for an entity body (`amp`, `#38`, `#x26`), or nil.
    static func decodeEntity(_ name: [UInt8]) -> Unicode.Scalar? {
        guard !name.isEmpty else { return nil }
        if name[0] == UInt8(ascii: "#") {
            var value: UInt32 = 0
            var digits = name.dropFirst()
            var radix: UInt32 = 10
            if let f = digits.first, f == UInt8(ascii: "x") || f == UInt8(ascii: "X") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 8 else { return nil }
            for d in digits {
                let v: UInt32
                switch d {
                case 0x30...0x39: v = UInt32(d - 0x30)
                case 0x61...0x66 where radix == 16: v = UInt32(d - 0x61 + 10)
                case 0x41...0x46 where radix == 16: v = UInt32(d - 0x41 + 10)
                default: return nil
                }
                value = value * radix + v
            }
            if value == 0 { return "\u{FFFD}" }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        return namedEntities[String(decoding: name, as: UTF8.self)].flatMap(Unicode.Scalar.init)
    }

    static func decodeAttribute(_ value: [UInt8]) -> String {
        guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
        var out: [UInt8] = []
        var k = 0
        while k < value.count {
            if value[k] == UInt8(ascii: "&"), let semi = value[k...].firstIndex(of: UInt8(ascii: ";")), semi - k <= 32,
               let scalar = decodeEntity(Array(value[(k + 1)..<semi])) {
                out += Array(String(Character(scalar)).utf8)
                k = semi + 1
            } else {
                out.append(value[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
