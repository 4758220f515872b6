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
        for range in lineRanges(text) {
            number += 1
            let bytes = utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            let raw = Substring(bytes)
            if bytes.count <= 40, PageMarks.isPageMark(raw) {
                dropped += 1
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
            if Self.isProse(bytes) {
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

    /// True for a line of narrative: it holds a full stop `。` or a semicolon `；`, which no form
    /// label or table cell has, and no `|` (a pipe row keeps its cells, notes and all).
    static func isProse(_ bytes: Substring.UTF8View) -> Bool {
        bytes.withContiguousStorageIfAvailable(isProse) ?? Array(bytes).withUnsafeBufferPointer(isProse)
    }

    /// `isProse` of UTF-8 bytes: `。` is E3 80 82, `；` EF BC 9B.
    static func isProse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var mark = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "|") { return false }
            if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x82 { mark = true }
            if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x9B { mark = true }
            i += 1
        }
        return mark
    }
}

/// Page headers and footers that `pdftotext` leaves in the text: `— 3 —`, `- 3 -`, `第 3 页`,
/// `第3页 共10页`, `3 / 10`.
enum PageMarks {
    static let dashes: Set<Character> = ["—", "-", "–", "―", "─"]

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
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { if v >= 0x30 && v <= 0x39 { return true } else { continue } }
            if (0x4E00...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0x2010...0x206F).contains(v)
                || (0xFF01...0xFF0F).contains(v) || (0xFF1A...0xFF5E).contains(v) { continue }
            return true
        }
        return false
    }
}
