/// A length limit on text, counted as it is shown (display columns) and stored (UTF-8 bytes).
///
/// Counting grapheme clusters lets `a` followed by 100,000 combining marks pass as one
/// character: 200 KB stored and a terminal asked to stack every mark. Columns bound what a
/// line of the screen or the printed form has to hold; bytes bound what is stored, whatever
/// the characters are.
public struct TextLimit: Sendable, Equatable {
    /// The field, as named in messages, e.g. `agency（机关名称）`.
    public let field: String
    /// Most display columns (a CJK character takes two).
    public let maxColumns: Int
    /// Most UTF-8 bytes.
    public let maxBytes: Int

    public init(field: String, maxColumns: Int, maxBytes: Int) {
        self.field = field
        self.maxColumns = maxColumns
        self.maxBytes = maxBytes
    }

    /// Nil when `text` is within the limit, else the message saying by how much it is over.
    ///
    /// Linear in the text: bytes are counted first (which alone bounds the work), then
    /// columns scalar by scalar, without grapheme segmentation.
    public func violation(_ text: String) -> String? {
        let bytes = text.utf8.count
        if bytes > maxBytes {
            return "\(field)过长：占 \(bytes) 字节，上限 \(maxBytes) 字节。"
        }
        var columns = 0
        for scalar in text.unicodeScalars { columns += DisplayWidth.of(scalar) }
        if columns > maxColumns {
            return "\(field)过长：显示宽度 \(columns) 列，上限 \(maxColumns) 列（约 \(maxColumns / 2) 个汉字）。"
        }
        return nil
    }

    /// True when `text` is within the limit.
    public func allows(_ text: String) -> Bool { violation(text) == nil }
}

/// The limits on a report's text fields.
public enum TextLimits {
    /// The agency name: 400 columns (200 CJK characters, the file format's limit) and 1 KiB.
    public static let agency = TextLimit(field: "agency（机关名称）", maxColumns: 400, maxBytes: 1024)
}
