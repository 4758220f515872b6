/// `TextLineReader` on a `ScalarLine`: the same cells as its Character-by-Character functions,
/// from scalar indices and byte slices (`TextLineReaderFastPathTests` pins the two together).
extension TextLineReader {
    /// `line` for a `ScalarLine`.
    static func line(_ s: ScalarLine, number: Int, column: Int) -> Line {
        let text = s.string(0..<s.count)
        let location = ImportLocation(line: number, column: column)
        if s.contains(byte: UInt8(ascii: "|")) {
            return pipeLine(s, text: text, number: number, column: column)
        }
        let trimmed = s.trimmed(0..<s.count)
        if let first = trimmed.first, s.scalars[first] == "+",
           trimmed.allSatisfy({ s.scalars[$0] == "+" || s.scalars[$0] == "-" || s.scalars[$0] == "=" }) {
            return Line(text: text, location: location, isTable: true, cells: [])
        }
        let cells = wordCells(s, 0..<s.count, number: number, column: column)
        return Line(text: text, location: location, isTable: cells.contains { CellReader.looksLikeValue(key: $0.key) }, cells: cells)
    }

    /// `pipeLine` for a `ScalarLine`.
    static func pipeLine(_ s: ScalarLine, text: String, number: Int, column: Int) -> Line {
        let location = ImportLocation(line: number, column: column)
        var segments: [Range<Int>] = []
        var segmentStart = 0
        for k in 0..<s.count where s.scalars[k] == "|" {
            segments.append(segmentStart..<k)
            segmentStart = k + 1
        }
        segments.append(segmentStart..<s.count)
        let trimmed = segments.map { s.trimmed($0) }
        let nonEmpty = trimmed.filter { !$0.isEmpty }
        if !nonEmpty.isEmpty, nonEmpty.allSatisfy({ range in
            range.allSatisfy { let c = s.scalars[$0]; return c == "-" || c == ":" || c == "=" || c == "+" }
        }) {
            return Line(text: text, location: location, isTable: true, cells: [])
        }
        var cells: [Cell] = []
        var col = column
        for (k, segment) in segments.enumerated() {
            defer { col += segment.count + 1 }
            if segment.isEmpty { continue }
            let t = trimmed[k]
            if t.isEmpty {
                if k == segments.count - 1 { continue }
                cells.append(Cell(raw: "", key: "", location: at(number, col)))
                continue
            }
            if !s.surelyNotValue(t), case let key = s.key(t), CellReader.looksLikeValue(key: key) {
                cells.append(Cell(raw: s.string(t), key: key, location: at(number, col + t.lowerBound - segment.lowerBound)))
            } else {
                cells += wordCells(s, segment, number: number, column: col)
            }
        }
        return Line(text: text, location: location, isTable: true, cells: cells)
    }

    /// `wordCells` for scalars `range` of a `ScalarLine` (starting at character column `column`).
    static func wordCells(_ s: ScalarLine, _ range: Range<Int>, number: Int, column: Int) -> [Cell] {
        var words: [Range<Int>] = []
        var start: Int? = nil
        for k in range {
            if s.isSpace(k) {
                if let w = start { words.append(w..<k); start = nil }
            } else if start == nil {
                start = k
            }
        }
        if let w = start { words.append(w..<range.upperBound) }
        func columnOf(_ k: Int) -> Int { column + k - range.lowerBound }
        // The values at the end, and their keys (computed once).
        var firstValue = words.count
        var valueKeys: [String] = []
        while firstValue > 0, !s.surelyNotValue(words[firstValue - 1]) {
            let key = s.key(words[firstValue - 1])
            guard CellReader.looksLikeValue(key: key) else { break }
            valueKeys.append(key)
            firstValue -= 1
        }
        var cells: [Cell] = []
        if firstValue > 0 {
            let label = words[0].lowerBound..<words[firstValue - 1].upperBound
            cells += gluedPieces(s, label, number: number, column: columnOf(words[0].lowerBound))
        }
        var previousGlued = cells.last?.glued == true
        for (n, word) in words[firstValue...].enumerated() {
            var cell = Cell(raw: s.string(word), key: valueKeys[valueKeys.count - 1 - n], location: at(number, columnOf(word.lowerBound)))
            if previousGlued, isDigitRun(cell.key) { cell.glued = true } else { previousGlued = false }
            cells.append(cell)
        }
        return cells
    }

    /// `gluedPieces` for scalars `range` of a `ScalarLine` (starting at character column `column`).
    static func gluedPieces(_ s: ScalarLine, _ range: Range<Int>, number: Int, column: Int, leadingDigits: Bool = false) -> [Cell] {
        let base = range.lowerBound
        let count = range.count
        @inline(__always) func c(_ k: Int) -> Unicode.Scalar { s.scalars[base + k] }
        @inline(__always) func digit(_ k: Int) -> Bool { isDigit(c(k)) }
        var pieces: [(Range<Int>, Bool)] = []
        var i = 0
        var labelStart = 0
        while i < count {
            guard digit(i) else { i += 1; continue }
            var j = i
            while j < count, digit(j) || ((c(j) == "." || c(j) == ",") && j + 1 < count && digit(j + 1)) {
                j += 1
            }
            var end = j
            if j < count, c(j) == "." || c(j) == "、" || c(j) == "．", j + 1 < count, !digit(j + 1) {
                end = j - 1  // the ordinal starts the next label
            }
            if end > i, i > 0 ? !LabelKey.isSpace(c(i - 1)) : leadingDigits && end < count {
                if i > labelStart { pieces.append((labelStart..<i, false)) }
                pieces.append((i..<end, true))
                labelStart = end
            }
            i = max(j, i + 1)
        }
        if pieces.isEmpty {
            let text = s.string(range)
            return [Cell(raw: text, key: LabelKey.of(text), location: at(number, column))]
        }
        if labelStart < count { pieces.append((labelStart..<count, false)) }
        return pieces.map { piece, isRun in
            let r = base + piece.lowerBound..<base + piece.upperBound
            let text = s.string(r)
            return Cell(raw: text, key: LabelKey.of(text), location: at(number, column + piece.lowerBound), glued: isRun)
        }
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0xFF10 && s.value <= 0xFF19)
    }
}
