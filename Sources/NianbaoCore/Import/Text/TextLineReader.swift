/// Reads one line of plain text into cells: pipe-separated cells (with or without a leading or
/// trailing pipe, `||` span residue skipped), or a label followed by space-separated values; digit
/// runs printed against their label (`数量1210000013`) become glued runs for the digit solver.
enum TextLineReader {
    typealias Cell = SourceDocument.Cell
    typealias Line = SourceDocument.Line

    /// The cells of `raw` (line `number`, starting at character column `column`): from its bytes
    /// when every scalar is a character of its own (`ScalarLine`), else Character by Character.
    static func line(_ raw: Substring, number: Int, column: Int = 1) -> Line {
        if let plain = plainLine(raw, number: number, column: column) { return plain }
        return ScalarLine.with(raw) { line($0, number: number, column: column) } ?? characterLine(raw, number: number, column: column)
    }

    /// A line with no space, no digit, no `|` and no `+` (a line of narrative wrapped by a PDF,
    /// a label on its own): one cell, the whole text, without cutting it into words and glued
    /// runs (it has neither); nil for any other line. The same cell as `characterLine` gives.
    static func plainLine(_ raw: Substring, number: Int, column: Int) -> Line? {
        guard !raw.isEmpty else { return nil }
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (v >= 0x30 && v <= 0x39) || v == 0x7C || v == 0x2B || v <= 0x20 { return nil }
            } else if LabelKey.isSpace(scalar) || isDigit(scalar) {
                return nil
            }
        }
        let text = String(raw)
        let key = LabelKey.of(text)
        let cell = Cell(raw: text, key: key, location: at(number, column))
        return Line(text: text, location: ImportLocation(line: number, column: column), isTable: CellReader.looksLikeValue(key: key), cells: [cell])
    }

    /// `line`, Character by Character: any text (the reference the fast path is tested against).
    static func characterLine(_ raw: Substring, number: Int, column: Int = 1) -> Line {
        let text = String(raw)
        let location = ImportLocation(line: number, column: column)
        if raw.utf8.contains(UInt8(ascii: "|")) {
            return pipeLine(text, number: number, column: column)
        }
        let trimmed = text.trimmingAllSpace
        if trimmed.first == "+", trimmed.allSatisfy({ $0 == "+" || $0 == "-" || $0 == "=" }) {
            return Line(text: text, location: location, isTable: true, cells: [])
        }
        let cells = wordCells(text[...], number: number, column: column)
        return Line(text: text, location: location, isTable: cells.contains { CellReader.looksLikeValue(key: $0.key) }, cells: cells)
    }

    /// `| a | b |`, `a | b | c`, `a |`, Markdown rules.
    static func pipeLine(_ text: String, number: Int, column: Int) -> Line {
        let location = ImportLocation(line: number, column: column)
        let segments = text.split(separator: "|", omittingEmptySubsequences: false)
        let nonEmpty = segments.filter { !$0.trimmingAllSpaceSub.isEmpty }
        if !nonEmpty.isEmpty, nonEmpty.allSatisfy({ seg in
            seg.trimmingAllSpaceSub.allSatisfy { $0 == "-" || $0 == ":" || $0 == "=" || $0 == "+" }
        }) {
            return Line(text: text, location: location, isTable: true, cells: [])
        }
        var cells: [Cell] = []
        var col = column
        for (k, segment) in segments.enumerated() {
            defer { col += segment.count + 1 }
            // A zero-length segment is a span residue or the edge of the row; whitespace only is
            // a blank cell, except after the last pipe (the line's end).
            if segment.isEmpty { continue }
            let trimmed = segment.trimmingAllSpaceSub
            if trimmed.isEmpty {
                if k == segments.count - 1 { continue }
                cells.append(Cell(raw: "", key: "", location: at(number, col)))
                continue
            }
            let lead = segment.prefix { $0.unicodeScalars.allSatisfy(LabelKey.isSpace) }.count
            let key = LabelKey.of(trimmed)
            if CellReader.looksLikeValue(key: key) {
                cells.append(Cell(raw: String(trimmed), key: key, location: at(number, col + lead)))
            } else {
                // `0 0 0 0 0` inside one pipe cell, or a label with glued digits.
                cells += wordCells(segment, number: number, column: col)
            }
        }
        return Line(text: text, location: location, isTable: true, cells: cells)
    }

    /// A label and the values after it, separated by spaces: the label keeps its inner spaces
    /// (`本年新 制作数量`); glued digits are split off the label.
    static func wordCells(_ text: Substring, number: Int, column: Int) -> [Cell] {
        var words: [(Substring, Int)] = []
        var start: Substring.Index? = nil
        var col = column
        var startCol = column
        for index in text.indices {
            let isSpace = text[index].unicodeScalars.allSatisfy(LabelKey.isSpace)
            if isSpace {
                if let s = start { words.append((text[s..<index], startCol)); start = nil }
            } else if start == nil {
                start = index
                startCol = col
            }
            col += 1
        }
        if let s = start { words.append((text[s...], startCol)) }
        var firstValue = words.count
        while firstValue > 0, CellReader.looksLikeValue(key: LabelKey.of(words[firstValue - 1].0)) { firstValue -= 1 }
        var cells: [Cell] = []
        if firstValue > 0 {
            let labelText = text[words[0].0.startIndex..<words[firstValue - 1].0.endIndex]
            cells += gluedPieces(labelText, number: number, column: words[0].1)
        }
        var previousGlued = cells.last?.glued == true
        for (word, c) in words[firstValue...] {
            var cell = Cell(raw: String(word), key: LabelKey.of(word), location: at(number, c))
            // Values after a glued run belong to the same run of cells (`12 10000 13`).
            if previousGlued, isDigitRun(cell.key) { cell.glued = true } else { previousGlued = false }
            cells.append(cell)
        }
        return cells
    }

    /// `行政许可12行政处罚5` → 行政许可 | 12 (glued) | 行政处罚 | 5 (glued). A digit just before
    /// `.`/`、` and a non-digit is the ordinal of the next label (`00000001.属于国家秘密`).
    ///
    /// `leadingDigits`: digits starting the word are split off too (`8500096368（七）总计` in a
    /// body printed on one line, where a row's last digits run into the next row's label).
    static func gluedPieces(_ text: Substring, number: Int, column: Int, leadingDigits: Bool = false) -> [Cell] {
        let chars = Array(text)
        var pieces: [(Range<Int>, Bool)] = []
        var i = 0
        var labelStart = 0
        while i < chars.count {
            guard isDigit(chars[i]) else { i += 1; continue }
            var j = i
            while j < chars.count, isDigit(chars[j]) || ((chars[j] == "." || chars[j] == ",") && j + 1 < chars.count && isDigit(chars[j + 1])) {
                j += 1
            }
            var end = j
            if j < chars.count, chars[j] == "." || chars[j] == "、" || chars[j] == "．", j + 1 < chars.count, !isDigit(chars[j + 1]) {
                end = j - 1  // the ordinal starts the next label
            }
            // Only digits printed against a label are split off; a lone `3` before `.属于…` stays a label.
            if end > i, i > 0 ? !isSpaceChar(chars[i - 1]) : leadingDigits && end < chars.count {
                if i > labelStart { pieces.append((labelStart..<i, false)) }
                pieces.append((i..<end, true))
                labelStart = end
            }
            i = max(j, i + 1)
        }
        if pieces.isEmpty {
            let t = String(text)
            return [Cell(raw: t, key: LabelKey.of(t), location: at(number, column))]
        }
        if labelStart < chars.count { pieces.append((labelStart..<chars.count, false)) }
        return pieces.map { range, isRun in
            let raw = String(chars[range])
            return Cell(raw: raw, key: LabelKey.of(raw), location: at(number, column + range.lowerBound), glued: isRun)
        }
    }

    @inline(__always)
    static func isDigit(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0xFF10 && s.value <= 0xFF19)
    }

    static func isSpaceChar(_ c: Character) -> Bool { c.unicodeScalars.allSatisfy(LabelKey.isSpace) }

    /// True for a key made of ASCII digits only.
    static func isDigitRun(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func at(_ line: Int, _ column: Int) -> ImportLocation { ImportLocation(line: line, column: column) }
}
