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
        var pipes = 0
        var lines = 1
        var lineStart = 0
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "|") {
                pipes += 1
                if pipes > maxCells {
                    throw .overLimit(ImportLimitExceeded(what: "表格分隔符“|”", limit: maxCells,
                                                         location: ImportLocation(line: lines)))
                }
            } else if b == UInt8(ascii: "\n") {
                lines += 1
                lineStart = i + 1
                if lines > maxLines {
                    throw .overLimit(ImportLimitExceeded(what: "文本行", limit: maxLines, location: ImportLocation(line: lines)))
                }
            } else if i - lineStart >= maxLineBytes {
                throw .overLimit(ImportLimitExceeded(what: "一行文本的字节数", limit: maxLineBytes,
                                                     location: ImportLocation(line: lines)))
            }
        }
    }
}
