/// Why and where JSON text was rejected, with a Simplified Chinese explanation for the user.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of the problem, for programmatic checks.
    public enum Kind: Sendable, Equatable {
        case emptyInput
        case inputTooLarge
        case byteOrderMark
        case invalidUTF8
        case unexpectedCharacter
        case unexpectedEnd
        case trailingComma
        case comment
        case nonFiniteNumber
        case leadingZero
        case invalidNumber
        case numberTooLong
        case numberOutOfRange
        case unterminatedString
        case controlCharacterInString
        case invalidEscape
        case invalidSurrogate
        case duplicateKey
        case nestingTooDeep
        case trailingContent
    }

    /// The category of the problem.
    public var kind: Kind
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the problem.
    public var column: Int
    /// 0-based byte offset of the problem.
    public var offset: Int
    /// JSON Pointer of the value being parsed when the problem was found, if known (`""` is the root).
    public var path: String?
    /// What was found and what was expected, in Simplified Chinese, without the position prefix.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, line: Int, column: Int, offset: Int, path: String?, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path
        self.message = message
    }

    /// The position of the problem.
    public var position: SourcePosition {
        SourcePosition(line: line, column: column, offset: offset)
    }

    /// Full message, e.g. `第 3 行第 14 列：此处应为 “,” 或 “}”，实际为 “]”（JSON 路径：/a/b）`.
    public var description: String {
        var text = "第 \(line) 行第 \(column) 列：\(message)"
        if let path, !path.isEmpty {
            text += "（JSON 路径：\(path)）"
        }
        return text
    }
}
