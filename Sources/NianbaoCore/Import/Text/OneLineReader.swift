/// Reads a report body printed on one line (crawled page text): finds the title and the section
/// headings inside the line, keeps narrative between them as paragraphs, and splits table text
/// into cells at spaces and at labels run together with digits. Cells carry their character
/// offset and a short quote, since a line number says nothing here.
enum OneLineReader {
    typealias Line = SourceDocument.Line
    typealias Cell = SourceDocument.Cell

    static let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Heading bodies (keys) by section, as `ReportOutline` accepts them.
    static let headingBodies: [(SectionID, [String])] = ReportOutline.headingBodies

    /// A heading found inside the line (`section` nil: where the title ends).
    typealias Cut = (start: Int, end: Int, section: SectionID?)

    /// Pseudo-lines for `raw`, or nil when the line holds fewer than two headings (then it is read
    /// as one line): from its bytes when every scalar is a character of its own (`ScalarLine`),
    /// else Character by Character.
    static func expand(_ raw: Substring, number: Int) -> [Line]? {
        if let lines = ScalarLine.with(raw, { expand($0, number: number) }) { return lines }
        return characterExpand(raw, number: number)
    }

    /// The headings inside a line of `scalars` and where its title ends, or nil with fewer than two headings.
    static func cuts(_ scalars: [Unicode.Scalar]) -> [Cut]? {
        // Headings: a numeral, 、 (or .), and a known heading body.
        var cuts: [Cut] = []
        var i = 0
        while i + 2 < scalars.count {
            if scalars[i + 1] == "、" || scalars[i + 1] == "." || scalars[i + 1] == "．", numerals.contains(scalars[i]),
               let (section, end) = heading(scalars, bodyFrom: i + 2) {
                cuts.append((i, end, section))
                i = end
                continue
            }
            i += 1
        }
        guard cuts.count >= 2 else { return nil }
        // The title: the text ending in 年度报告 before the first heading.
        if let titleEnd = titleEnd(scalars, before: cuts[0].start) {
            cuts.insert((titleEnd, titleEnd, nil), at: 0)
        }
        return cuts
    }

    /// `expand` for a `ScalarLine`: the same lines, from scalar indices and byte slices.
    static func expand(_ s: ScalarLine, number: Int) -> [Line]? {
        guard let cuts = cuts(Array(s.scalars)) else { return nil }
        var lines: [Line] = []
        var position = 0
        var inTable = false
        func addSegment(_ range: Range<Int>) {
            let trimmed = s.trimmed(range)
            guard !trimmed.isEmpty else { return }
            if inTable {
                lines.append(tableLine(s, range, number: number))
            } else {
                let text = s.string(trimmed)
                let location = ImportLocation(line: number, column: trimmed.lowerBound + 1,
                                              quote: s.string(trimmed.lowerBound..<min(trimmed.upperBound, trimmed.lowerBound + 14)))
                lines.append(Line(text: text, location: location, isTable: false,
                                  cells: text.utf8.count > SourceDocument.maxHeadingBytes
                                      ? [] : [Cell(raw: text, key: s.key(trimmed), location: location)]))
            }
        }
        for cut in cuts {
            if cut.start > position { addSegment(position..<cut.start) }
            if cut.section == nil {
                position = cut.end
                continue
            }
            let heading = s.string(cut.start..<cut.end)
            let location = ImportLocation(line: number, column: cut.start + 1, quote: heading)
            inTable = false
            lines.append(Line(text: heading, location: location, isTable: false,
                              cells: [Cell(raw: heading, key: s.key(cut.start..<cut.end), location: location)]))
            if let section = cut.section { inTable = section == .s2 || section == .s3 || section == .s4 }
            position = cut.end
        }
        if position < s.count { addSegment(position..<s.count) }
        return lines
    }

    /// `tableLine` for scalars `range` of a `ScalarLine`.
    static func tableLine(_ s: ScalarLine, _ range: Range<Int>, number: Int) -> Line {
        var cells: [Cell] = []
        var wordStart: Int? = nil
        var previousGlued = false
        func flush(_ end: Int) {
            guard let start = wordStart else { return }
            let word = start..<end
            if !s.surelyNotValue(word), case let key = s.key(word), CellReader.looksLikeValue(key: key) {
                var cell = Cell(raw: s.string(word), key: key, location: ImportLocation(line: number, column: start + 1))
                if previousGlued, TextLineReader.isDigitRun(key) { cell.glued = true } else { previousGlued = false }
                cells.append(cell)
            } else {
                let pieces = TextLineReader.gluedPieces(s, word, number: number, column: start + 1, leadingDigits: true)
                cells += pieces
                previousGlued = pieces.last?.glued == true
            }
            wordStart = nil
        }
        for k in range {
            if s.isSpace(k) {
                flush(k)
            } else if wordStart == nil {
                wordStart = k
            }
        }
        flush(range.upperBound)
        // Quotes: the text around each cell, from this segment only (so quoting stays linear).
        for k in cells.indices {
            let local = cells[k].location.column - 1 - range.lowerBound
            let from = max(0, min(range.count, local - 4))
            let to = min(range.count, from + 14)
            cells[k].location.quote = s.string(range.lowerBound + from..<range.lowerBound + to)
        }
        let location = ImportLocation(line: number, column: range.lowerBound + 1, quote: cells.first?.location.quote)
        return Line(text: s.string(range), location: location, isTable: true, cells: cells)
    }

    /// `expand`, Character by Character: any text (the reference the fast path is tested against).
    static func characterExpand(_ raw: Substring, number: Int) -> [Line]? {
        let scalars = Array(raw.unicodeScalars)
        guard let cuts = cuts(scalars) else { return nil }
        var lines: [Line] = []
        var position = 0
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        var inTable = false
        func addSegment(_ range: Range<Int>) {
            let body = text(range)
            guard !body.trimmingAllSpace.isEmpty else { return }
            if inTable {
                lines.append(tableLine(body, number: number, offset: range.lowerBound))
            } else {
                let trimmed = String(body.trimmingAllSpace)
                let lead = body.unicodeScalars.prefix { LabelKey.isSpace($0) }.count
                let location = ImportLocation(line: number, column: range.lowerBound + lead + 1,
                                              quote: String(trimmed.prefix(14)))
                lines.append(Line(text: trimmed, location: location, isTable: false,
                                  cells: trimmed.utf8.count > SourceDocument.maxHeadingBytes ? [] : [Cell(raw: trimmed, key: LabelKey.of(trimmed), location: location)]))
            }
        }
        for cut in cuts {
            if cut.start > position { addSegment(position..<cut.start) }
            if cut.section == nil {
                // Title end: what came before was the title (already added).
                position = cut.end
                continue
            }
            let heading = text(cut.start..<cut.end)
            let location = ImportLocation(line: number, column: cut.start + 1, quote: heading)
            inTable = false
            lines.append(Line(text: heading, location: location, isTable: false,
                              cells: [Cell(raw: heading, key: LabelKey.of(heading), location: location)]))
            if let s = cut.section { inTable = s == .s2 || s == .s3 || s == .s4 }
            position = cut.end
        }
        if position < scalars.count { addSegment(position..<scalars.count) }
        return lines
    }

    /// The end of a known heading body starting at `from`, and its section.
    static func heading(_ scalars: [Unicode.Scalar], bodyFrom from: Int) -> (SectionID, Int)? {
        // The key of the next few characters, and where each key scalar came from.
        var key = String.UnicodeScalarView()
        var ends: [Int] = []
        var j = from
        while j < scalars.count, ends.count < 48 {
            // Pinyin printed after a converted character (`行政復(fù)議`) is not part of the key.
            if let n = TraditionalChinese.annotationLength(scalars, at: j) {
                j += n
                if !ends.isEmpty { ends[ends.count - 1] = j }
                continue
            }
            let s = scalars[j]
            j += 1
            if LabelKey.isSpace(s) { continue }
            let k = LabelKey.of(String(s))
            for u in k.unicodeScalars { key.append(u); ends.append(j) }
        }
        let keyString = String(key)
        var best: (SectionID, Int)? = nil
        for (section, bodies) in headingBodies {
            for body in bodies where keyString.hasPrefix(body) {
                let n = body.unicodeScalars.count
                if best == nil || ends[n - 1] > best!.1 { best = (section, ends[n - 1]) }
            }
        }
        return best
    }

    /// Where a title ending in `年度报告` (or `工作报告`) ends, before `limit`; Traditional
    /// characters and pinyin annotations (`年度報(bào)告`) are read as their Simplified forms.
    static func titleEnd(_ scalars: [Unicode.Scalar], before limit: Int) -> Int? {
        let markers: [[Unicode.Scalar]] = [Array("年度报告".unicodeScalars), Array("工作报告".unicodeScalars)]
        let end = min(limit, scalars.count)
        func match(_ marker: [Unicode.Scalar], at start: Int) -> Int? {
            var k = start
            for (n, m) in marker.enumerated() {
                if n > 0, let skip = TraditionalChinese.annotationLength(scalars, at: k) { k += skip }
                guard k < end, (TraditionalChinese.simplified(scalars[k]) ?? scalars[k]) == m else { return nil }
                k += 1
            }
            if let skip = TraditionalChinese.annotationLength(scalars, at: k), k + skip <= end { k += skip }
            return k
        }
        var i = 0
        while i < end {
            for m in markers { if let k = match(m, at: i) { return k } }
            i += 1
        }
        return nil
    }

    /// Table text: words at spaces, labels and glued digit runs inside words.
    static func tableLine(_ body: String, number: Int, offset: Int) -> Line {
        var cells: [Cell] = []
        var column = offset + 1
        var wordStart: String.Index? = nil
        var wordColumn = column
        var previousGlued = false
        func flush(_ end: String.Index) {
            guard let s = wordStart else { return }
            let word = body[s..<end]
            let key = LabelKey.of(word)
            if CellReader.looksLikeValue(key: key) {
                var cell = Cell(raw: String(word), key: key, location: ImportLocation(line: number, column: wordColumn))
                if previousGlued, TextLineReader.isDigitRun(key) { cell.glued = true } else { previousGlued = false }
                cells.append(cell)
            } else {
                let pieces = TextLineReader.gluedPieces(word, number: number, column: wordColumn, leadingDigits: true)
                cells += pieces
                previousGlued = pieces.last?.glued == true
            }
            wordStart = nil
        }
        for index in body.indices {
            if body[index].unicodeScalars.allSatisfy(LabelKey.isSpace) {
                flush(index)
            } else if wordStart == nil {
                wordStart = index
                wordColumn = column
            }
            column += body[index].unicodeScalars.count
        }
        flush(body.endIndex)
        // Quotes: the text around each cell, from this segment only (so quoting stays linear).
        let scalars = Array(body.unicodeScalars)
        for k in cells.indices {
            let local = cells[k].location.column - 1 - offset
            let from = max(0, min(scalars.count, local - 4))
            let to = min(scalars.count, from + 14)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[from..<to])
            cells[k].location.quote = String(view)
        }
        let location = ImportLocation(line: number, column: offset + 1, quote: cells.first?.location.quote)
        return Line(text: body, location: location, isTable: true, cells: cells)
    }
}
