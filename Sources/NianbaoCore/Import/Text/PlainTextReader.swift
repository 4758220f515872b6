#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads plain text (copied from a web page, crawled, taken out of a PDF or Word file, Markdown)
/// into a `SourceDocument`, line by line with `TextLineReader`, very long lines (a body on one
/// line) with `OneLineReader`; page headers and footers are dropped and counted.
enum PlainTextReader {
    /// Lines longer than this (in bytes) are searched for headings and labels run together.
    static let oneLineThreshold = 1200

    static func document(_ text: String) -> SourceDocument {
        var lines: [SourceDocument.Line] = []
        var dropped = 0
        var rowLines = 0
        var valueLines = 0
        var expanded = false
        var number = 0
        let utf8 = text.utf8
        let ranges = lineRanges(text)
        let kinds = lineKinds(text, ranges: ranges)
        for (k, range) in ranges.enumerated() {
            number += 1
            let kind = kinds[k]
            if kind == .pageMark {
                dropped += 1
                continue
            }
            let bytes = utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            let raw = Substring(bytes)
            // A hard-wrapped line of a paragraph (PDF text) is narrative too, as the line that ends its sentence.
            if kind == .wrappedProse {
                lines.append(SourceDocument.Line(text: String(raw), location: ImportLocation(line: number, column: 1), isTable: false, cells: []))
                continue
            }
            if bytes.count > oneLineThreshold, let pieces = OneLineReader.expand(raw, number: number) {
                lines += pieces
                expanded = true
                continue
            }
            // Prose (a sentence with `。` or `；`, no `|`) is narrative: no form label or table cell holds either mark,
            // so its figures are not cells, and it is no evidence of the table layout (figures glued to words in a
            // long narrative, `信息1234条`, would otherwise outnumber the value lines of a cell-per-line table).
            if kind == .prose {
                lines.append(SourceDocument.Line(text: String(raw), location: ImportLocation(line: number, column: 1), isTable: false, cells: []))
                continue
            }
            let line = TextLineReader.line(raw, number: number)
            lines.append(line)
            // The cells with text: a label followed by a value is a row; a lone value (or a cell ending in `|`) a value line.
            let keyed = line.cells.lazy.filter { !$0.key.isEmpty }
            if let first = keyed.first {
                let rest = keyed.dropFirst()
                if !rest.isEmpty {
                    if !CellReader.looksLikeValue(key: first.key), rest.contains(where: { CellReader.looksLikeValue(key: $0.key) }) { rowLines += 1 }
                } else if CellReader.looksLikeValue(key: first.key) || line.text.trimmingAllSpace.hasSuffix("|") {
                    valueLines += 1
                }
            }
        }
        let stream = expanded || valueLines > rowLines
        var document = SourceDocument(kind: expanded ? .oneLineText : (stream ? .flattenedText : .lineText), lines: lines,
                                      lineIsRow: !stream, valuesMayWrap: true)
        document.droppedPageMarks = dropped
        return document
    }

    /// The UTF-8 offsets of `text`'s lines: split at `\n`, a `\r` before it left out; as many as
    /// `split(separator:omittingEmptySubsequences: false)` gives, found with `memchr`.
    static func lineRanges(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { buffer -> [Range<Int>] in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return [0..<0] }
            var ranges: [Range<Int>] = []
            let n = buffer.count
            var from = 0
            while true {
                var end = n
                if from < n, let hit = memchr(base + from, 0x0A, n - from) { end = UnsafeRawPointer(hit) - UnsafeRawPointer(base) }
                ranges.append(from..<(end > from && buffer[end - 1] == 0x0D ? end - 1 : end))
                if end == n { return ranges }
                from = end + 1
            }
        }
    }

    /// What a line is before it is cut into cells.
    enum LineKind: UInt8 {
        /// A page header or footer (`— 3 —`), dropped and counted.
        case pageMark
        /// A sentence: holds `。` or `；` and no `|` (see `isProse`).
        case prose
        /// A line hard-wrapped inside a paragraph (see `lineKinds`).
        case wrappedProse
        /// Anything else: cut into cells.
        case other
    }

    /// The kind of each line of `ranges`, found from the last line back.
    ///
    /// A wrapped line is one `pdftotext` cut off at the page width: it has no `。` or `；` of its
    /// own, but it is followed (page marks aside, no blank line between) by prose or by another
    /// wrapped line, and it looks like the middle of a sentence (`mayBeWrappedProse`). A table's
    /// label, a heading or an item never is: no table cell is followed by prose, and the line's
    /// first character rules out the rest.
    static func lineKinds(_ text: String, ranges: [Range<Int>]) -> [LineKind] {
        var text = text
        return text.withUTF8 { buffer -> [LineKind] in
            var kinds = [LineKind](repeating: .other, count: ranges.count)
            var nextIsProse = false
            for k in ranges.indices.reversed() {
                let line = UnsafeBufferPointer(rebasing: buffer[ranges[k]])
                if line.count <= 40, PageMarks.isPageMark(line) {
                    kinds[k] = .pageMark
                } else if isProse(line) {
                    kinds[k] = .prose
                    nextIsProse = true
                } else if nextIsProse, mayBeWrappedProse(line) {
                    kinds[k] = .wrappedProse
                } else {
                    nextIsProse = false
                }
            }
            return kinds
        }
    }

    /// Shortest wrapped line taken for prose: 16 CJK characters (a page-wide PDF line has 30 or more).
    static let wrappedProseMinimumBytes = 48

    /// True when UTF-8 `line` may be the middle of a sentence: at least `wrappedProseMinimumBytes`
    /// long and no longer than `oneLineThreshold` (a longer line may be a whole body), with a full-width comma `，` (EF BC 8C), no `|`, tab or run of spaces after its first
    /// character (the columns of `pdftotext -layout`), and a first character that starts no item,
    /// heading or row label: no ASCII, digit, bracket, ordinal, `第`, `#`, dash or bullet.
    static func mayBeWrappedProse(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = line.count
        guard n >= wrappedProseMinimumBytes, n <= oneLineThreshold else { return false }
        var i = 0
        // Leading ASCII and ideographic (E3 80 80) spaces: a paragraph's indent.
        while i < n {
            if line[i] == 0x20 { i += 1 } else if line[i] == 0xE3, i + 2 < n, line[i + 1] == 0x80, line[i + 2] == 0x80 { i += 3 } else { break }
        }
        guard i < n else { return false }
        let (first, _) = UTF8Scalars.decode(line, at: i)
        if first.value < 0x80 || itemStarts.contains(first) { return false }
        var comma = false
        var space = false
        while i < n {
            let b = line[i]
            if b == UInt8(ascii: "|") || b == 0x09 { return false }
            if b == 0x20 {
                if space { return false }
                space = true
            } else {
                space = false
                if b == 0xEF, i + 2 < n, line[i + 1] == 0xBC, line[i + 2] == 0x8C { comma = true }
            }
            i += 1
        }
        return comma
    }

    /// First characters of an item, a heading or a row label besides ASCII: brackets, ordinals,
    /// full-width digits and signs, `第`, dashes and bullets. A `，` that `pdftotext` carried to
    /// the start of a line is none of them.
    static let itemStarts: Set<Unicode.Scalar> = Set("（［【〔〈《一二三四五六七八九十〇零壹贰叁肆伍陆柒捌玖拾第—–―─•·●○■□◆◇★☆※①②③④⑤⑥⑦⑧⑨⑩＃＊－＋０１２３４５６７８９".unicodeScalars)

    /// True for a line of narrative: it holds a full stop `。` or a semicolon `；`, which no form
    /// label or table cell has, and no `|` (a pipe row keeps its cells, notes and all).
    static func isProse(_ bytes: Substring.UTF8View) -> Bool {
        bytes.withContiguousStorageIfAvailable(isProse) ?? Array(bytes).withUnsafeBufferPointer(isProse)
    }

    /// `isProse` of UTF-8 bytes: `。` is E3 80 82, `；` EF BC 9B (found with `memchr`).
    static func isProse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 3 else { return false }
        if memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil { return false }
        return fullStop.withUnsafeBufferPointer { UTF8Scalars.contains(bytes, $0) }
            || fullWidthSemicolon.withUnsafeBufferPointer { UTF8Scalars.contains(bytes, $0) }
    }

    static let fullStop: [UInt8] = [0xE3, 0x80, 0x82]
    static let fullWidthSemicolon: [UInt8] = [0xEF, 0xBC, 0x9B]
}

/// Page headers and footers that `pdftotext` leaves in the text: `— 3 —`, `- 3 -`, `第 3 页`,
/// `第3页 共10页`, `3 / 10`.
enum PageMarks {
    static let dashes: Set<Character> = ["—", "-", "–", "―", "─"]

    /// `isPageMark` of a line's UTF-8 bytes, made a String only when it may be one: when it may
    /// hold a digit and has a scalar that may be a dash, `/` or `第` (anything but ASCII letters,
    /// digits and spaces and the ideographs other than 第: a value line `12`, a label `自然人` is none).
    static func isPageMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var digit = false
        var mark = false
        while i < bytes.count {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
            if mayBeDigit(scalar) { digit = true }
            if mayBeMark(scalar) { mark = true }
            i += length
        }
        return digit && mark && isPageMark(Substring(decoding: bytes, as: UTF8.self))
    }

    @inline(__always)
    static func mayBeMark(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return !(v == 0x20 || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)) }
        return !(0x4E00...0x9FFF).contains(v) || v == 0x7B2C  // 第
    }

    static func isPageMark(_ raw: Substring) -> Bool {
        guard mayHoldDigit(raw) else { return false }
        let key = LabelKey.of(raw)
        guard !key.isEmpty else { return false }
        var body = Substring(key)
        if let f = body.first, dashes.contains(f), let l = body.last, dashes.contains(l) {
            body = body.drop { dashes.contains($0) }
            while let l = body.last, dashes.contains(l) { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0.isASCII && $0.isNumber }
        }
        if body.hasPrefix("第"), let ye = body.firstIndex(of: "页") {
            let n = body[body.index(after: body.startIndex)..<ye]
            let rest = body[body.index(after: ye)...]
            guard !n.isEmpty, n.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            if rest.isEmpty { return true }
            // 第 3 页 共 10 页
            return rest.hasPrefix("共") && rest.hasSuffix("页") && rest.dropFirst().dropLast().allSatisfy { $0.isASCII && $0.isNumber }
        }
        if let slash = body.firstIndex(of: "/") {
            let a = body[..<slash], b = body[body.index(after: slash)...]
            return !a.isEmpty && !b.isEmpty && (a + b).allSatisfy { $0.isASCII && $0.isNumber } && a.count <= 3 && b.count <= 3
        }
        return false
    }

    /// False when `raw`'s key can hold no ASCII digit, which every page mark has: no ASCII digit
    /// and only scalars whose compatibility form is no digit (other ASCII, ideographs, CJK and
    /// general punctuation, full-width forms other than the digits).
    static func mayHoldDigit(_ raw: Substring) -> Bool {
        raw.unicodeScalars.contains(where: mayBeDigit)
    }

    /// True for an ASCII digit, and for any scalar outside the ranges `mayHoldDigit` names.
    @inline(__always)
    static func mayBeDigit(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return !((0x4E00...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0x2010...0x206F).contains(v)
            || (0xFF01...0xFF0F).contains(v) || (0xFF1A...0xFF5E).contains(v))
    }
}
