/// Why `word/document.xml` could not be read: what was expected, and where (byte offset, line
/// and column of the part).
public struct WordXMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The part read, e.g. `word/document.xml`.
    public let part: String
    /// 0-based byte offset in the part.
    public let offset: Int
    /// 1-based line and column (in characters) of that offset.
    public let line: Int
    public let column: Int
    /// What was wrong, in Chinese.
    public let message: String

    public init(part: String, offset: Int, line: Int, column: Int, message: String) {
        self.part = part
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error at `offset` of `bytes`, with its line and column counted.
    static func at(_ offset: Int, in bytes: [UInt8], part: String, _ message: String) -> WordXMLError {
        var line = 1
        var column = 1
        var k = 0
        let end = min(offset, bytes.count)
        while k < end {
            let b = bytes[k]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return WordXMLError(part: part, offset: offset, line: line, column: column, message: message)
    }

    public var description: String {
        "Word 文档内容有误（\(part) 第 \(line) 行第 \(column) 列，第 \(offset + 1) 个字节）：\(message)"
    }
}
