/// Why a report file could not be read, with where in the file it went wrong.
public struct ReportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it.
    public var path: String
    /// 1-based line and column in the file, when known.
    public var line: Int?
    public var column: Int?
    /// JSON Pointer of the offending member, e.g. `/tables/t3/r1/np`.
    public var jsonPath: String?
    /// What was wrong and what was expected, in Chinese.
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
        self.message = message
    }

    /// `path:line:column: message (位置 /json/path)`.
    public var description: String {
        var where_ = path
        if let line { where_ += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        var text = "\(where_): \(message)"
        if let jsonPath, !jsonPath.isEmpty { text += "（位置 \(jsonPath)）" }
        return text
    }
}
