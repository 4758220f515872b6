#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What no annual report needs, and so what an input may not exceed: the bounds that keep a
/// hostile or broken file from taking unbounded time or memory (issue 14).
///
/// A report's largest table has 15 columns and 28 rows and the whole report a few hundred
/// cells; the limits are orders of magnitude above that, so a real page (with its layout tables,
/// menus and appendix lists) never meets them.
public enum ImportLimits {
    /// Largest input file, as for report files.
    public static let maxInputBytes = 16 * 1024 * 1024
    /// Table cells in one input (all tables together).
    public static let maxCells = 200_000
    /// Paragraphs and table rows in one input.
    public static let maxLines = 400_000
    /// Longest line of plain text, in bytes. A whole report crawled onto one line is some 30–200 KB;
    /// reading headings and digit runs across one line takes about 1.5 s per megabyte (worst shape).
    public static let maxLineBytes = 512 * 1024
    /// Tables open inside one another.
    public static let maxTableNesting = 32
    /// Largest `colspan` honoured (HTML's own limit); larger values count as this.
    public static let maxColspan = 1000
    /// Largest `rowspan` honoured (HTML's own limit); larger values count as this.
    public static let maxRowspan = 65534
    /// Largest uncompressed `word/document.xml` read from a .docx.
    public static let maxDocxPartBytes = 64 * 1024 * 1024
    /// Most entries in a .docx (zip) archive.
    public static let maxDocxEntries = 10_000
    /// Elements open inside one another in Word XML.
    public static let maxXMLDepth = 256
    /// Longest `pdftotext` may run, in seconds.
    public static let pdfTimeoutSeconds = 20
    /// Most text accepted from `pdftotext`.
    public static let maxPDFTextBytes = 16 * 1024 * 1024
}

/// An input that goes beyond one of `ImportLimits`: what, the limit, and where it was reached.
public struct ImportLimitExceeded: Sendable, Hashable, CustomStringConvertible {
    /// What was counted, in Chinese (e.g. `表格单元格`).
    public let what: String
    /// The limit.
    public let limit: Int
    /// Where in the input the limit was reached.
    public let location: ImportLocation?

    public init(what: String, limit: Int, location: ImportLocation?) {
        self.what = what
        self.limit = limit
        self.location = location
    }

    public var description: String {
        let at = location.map { "（在\($0)）" } ?? ""
        return "输入超出导入上限：\(what)超过 \(limit)\(at)。年度报告远用不到这么多，这不像是一份年度报告，或者文件已损坏。"
    }
}

extension ImportLimits {
    /// Refuses plain text with more cell separators (`|`), lines or longer lines than any report
    /// has, before the text is split into cells: 15 MB of `|` would otherwise become 15 million
    /// cells, and 15 MB on one line would be searched for headings and digit runs for many seconds.
    static func checkText(_ bytes: [UInt8]) throws(ImportError) {
        let found = bytes.withUnsafeBufferPointer { textLimitReached($0) }
        guard let (what, limit, line) = found else { return }
        throw .overLimit(ImportLimitExceeded(what: what, limit: limit, location: ImportLocation(line: line)))
    }

    /// The first limit `checkText` finds reached, in byte order, with its line; lines and `|` found with `memchr`.
    ///
    /// The same as one pass over every byte: a `|` beyond `maxCells`, a line beyond `maxLines`
    /// (at its line feed), or a byte other than `|` at `maxLineBytes` or more into its line.
    static func textLimitReached(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Int, Int)? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var pipes = 0
        var lines = 1
        var lineStart = 0
        while true {
            var end = n
            if lineStart < n, let hit = memchr(base + lineStart, 0x0A, n - lineStart) { end = UnsafeRawPointer(hit) - UnsafeRawPointer(base) }
            // The pipe past the limit, if this line has it.
            var pipeOver: Int?
            var from = lineStart
            while from < end, let hit = memchr(base + from, Int32(UInt8(ascii: "|")), end - from) {
                let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                pipes += 1
                if pipes > maxCells { pipeOver = at; break }
                from = at + 1
            }
            // The first byte other than `|` at maxLineBytes or more into the line.
            var tooLong: Int?
            var j = lineStart + maxLineBytes
            while j < end {
                if bytes[j] != UInt8(ascii: "|") { tooLong = j; break }
                j += 1
            }
            if let t = tooLong, pipeOver.map({ t < $0 }) ?? true { return ("一行文本的字节数", maxLineBytes, lines) }
            if pipeOver != nil { return ("表格分隔符“|”", maxCells, lines) }
            if end == n { return nil }
            lines += 1
            if lines > maxLines { return ("文本行", maxLines, lines) }
            lineStart = end + 1
        }
    }
}
