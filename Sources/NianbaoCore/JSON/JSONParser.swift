#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A strict RFC 8259 JSON parser for UTF-8 input with Chinese error messages.
///
/// Beyond RFC 8259 it also rejects what the report files must never contain: a BOM,
/// duplicate keys, lone surrogate escapes, numbers outside binary64 range, over-long
/// numbers, input above a size limit and nesting above a depth limit. It never traps
/// on any input and runs in linear time; recursion depth is bounded by the depth limit.
public struct JSONParser: Sendable {
    /// Limits applied while parsing.
    public struct Options: Sendable, Equatable {
        /// Deepest allowed nesting of arrays and objects (clamped to 1...512).
        public var maxDepth: Int
        /// Largest accepted input in bytes.
        public var maxInputBytes: Int
        /// Longest accepted number literal in characters.
        public var maxNumberLength: Int

        /// Creates options; the defaults are 64 levels, 16 MiB and 100 characters.
        public init(maxDepth: Int = 64, maxInputBytes: Int = 16 * 1024 * 1024, maxNumberLength: Int = 100) {
            self.maxDepth = maxDepth
            self.maxInputBytes = maxInputBytes
            self.maxNumberLength = maxNumberLength
        }
    }

    /// The limits in use.
    public var options: Options

    /// Creates a parser with the given limits.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Parses UTF-8 bytes into a value.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try parseResult(bytes, recordPositions: false).get().value
    }

    /// Parses UTF-8 data into a value.
    public func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try parse([UInt8](data))
    }

    /// Parses a string (its UTF-8 form) into a value.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses UTF-8 bytes and also returns the source position of every value and key.
    public func parseWithPositions(_ bytes: [UInt8]) throws(JSONParseError) -> (value: JSONValue, positions: JSONPositionMap) {
        let result = try parseResult(bytes, recordPositions: true).get()
        return (result.value, result.positions)
    }

    /// Parses UTF-8 data and also returns the source position of every value and key.
    public func parseWithPositions(_ data: Data) throws(JSONParseError) -> (value: JSONValue, positions: JSONPositionMap) {
        try parseWithPositions([UInt8](data))
    }

    private func parseResult(_ bytes: [UInt8], recordPositions: Bool) -> Result<(value: JSONValue, positions: JSONPositionMap), JSONParseError> {
        bytes.withUnsafeBufferPointer { buffer in
            var core = JSONParserCore(buffer: buffer, options: options, recordPositions: recordPositions)
            do throws(JSONParseError) {
                let value = try core.parseDocument()
                return .success((value, core.positions))
            } catch {
                return .failure(error)
            }
        }
    }
}

/// The parsing state machine over a byte buffer. Internal; use ``JSONParser``.
struct JSONParserCore {
    private let b: UnsafeBufferPointer<UInt8>
    private let end: Int
    private let maxDepth: Int
    private let maxInputBytes: Int
    private let maxNumberLength: Int
    private let recordPositions: Bool

    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// JSON Pointer (RFC 6901) of the value currently being parsed, as UTF-8 bytes.
    private var pointer: [UInt8] = []
    /// Scratch buffer for strings that contain escapes.
    private var scratch: [UInt8] = []
    /// Incremental column cache for position recording (same line as `lineStart`).
    private var columnCacheOffset = 0
    private var columnCacheColumn = 1
    private(set) var positions = JSONPositionMap()

    init(buffer: UnsafeBufferPointer<UInt8>, options: JSONParser.Options, recordPositions: Bool) {
        b = buffer
        end = buffer.count
        maxDepth = min(max(options.maxDepth, 1), 512)
        maxInputBytes = max(options.maxInputBytes, 0)
        maxNumberLength = max(options.maxNumberLength, 1)
        self.recordPositions = recordPositions
        if recordPositions {
            let estimate = min(buffer.count / 16, 1 << 16)
            positions.values.reserveCapacity(estimate)
            positions.keys.reserveCapacity(estimate / 2)
        }
    }

    // MARK: - Document

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if end > maxInputBytes {
            let mib = Double(end) / 1_048_576
            let limitMiB = Double(maxInputBytes) / 1_048_576
            throw failure(.inputTooLarge, at: 0, path: nil,
                          "输入过大：\(end) 字节（约 \(Self.oneDecimal(mib)) MiB），上限为 \(maxInputBytes) 字节（\(Self.oneDecimal(limitMiB)) MiB）")
        }
        if end == 0 {
            throw failure(.emptyInput, at: 0, path: nil, "输入为空：应为一个 JSON 值")
        }
        if end >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
            throw failure(.byteOrderMark, at: 0, path: nil,
                          "文件开头有 UTF-8 BOM（字节 EF BB BF）；要求不带 BOM 的 UTF-8，请去掉 BOM 后重试")
        }
        if end >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
            throw failure(.invalidUTF8, at: 0, path: nil,
                          "文件不是 UTF-8：开头是 UTF-16 的字节顺序标记（\(Self.hex(b[0])) \(Self.hex(b[1]))），请另存为不带 BOM 的 UTF-8")
        }
        if let bad = UTF8Validation.firstInvalidOffset(b) {
            var shown: [String] = []
            var k = bad
            while k < end && k < bad + 4 {
                shown.append(Self.hex(b[k]))
                k += 1
            }
            throw failure(.invalidUTF8, at: bad, path: nil,
                          "文件不是有效的 UTF-8：字节偏移 \(bad) 处的字节 \(shown.joined(separator: " ")) 不是合法的 UTF-8 序列；文件可能是 GBK/GB18030 编码，请转换为 UTF-8 后重试")
        }
        let value = try parseValue()
        skipWhitespace()
        if i < end {
            if b[i] == UInt8(ascii: "/") {
                throw failure(.comment, at: i, path: nil, "JSON 不允许注释（“//” 或 “/* */”）")
            }
            throw failure(.trailingContent, at: i, path: nil,
                          "JSON 值已在此前结束，后面不应再有内容，实际为\(describeFound(at: i))")
        }
        return value
    }

    /// Parses one value starting at `offset` and returns it with the offset just after it, for
    /// a value embedded in bytes the caller has already checked as UTF-8 and walked itself
    /// (`CanonicalReportReader`); `depth` is how many containers enclose it.
    mutating func parseEmbeddedValue(at offset: Int, depth: Int) throws(JSONParseError) -> (value: JSONValue, end: Int) {
        i = offset
        self.depth = depth
        let value = try parseValue()
        return (value, i)
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard i < end else {
            throw failure(.unexpectedEnd, at: i,
                          "此处应为 JSON 值（对象、数组、字符串、数字、true、false 或 null），实际为文件结尾")
        }
        if recordPositions {
            positions.values[currentPointer()] = position(at: i)
        }
        let c = b[i]
        switch c {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return try parseWord()
        case UInt8(ascii: "/"):
            throw failure(.comment, at: i, "JSON 不允许注释（“//” 或 “/* */”）")
        case UInt8(ascii: "'"):
            throw failure(.unexpectedCharacter, at: i, "JSON 字符串必须使用双引号 “\"”，不能使用单引号 “'”")
        default:
            throw failure(.unexpectedCharacter, at: i,
                          "此处应为 JSON 值（对象、数组、字符串、数字、true、false 或 null），实际为\(describeFound(at: i))")
        }
    }

    private mutating func parseWord() throws(JSONParseError) -> JSONValue {
        let start = i
        while i < end, Self.isWordByte(b[i]) {
            i += 1
        }
        let word = UnsafeBufferPointer(rebasing: b[start..<i])
        if Self.matches(word, Self.trueBytes) { return .bool(true) }
        if Self.matches(word, Self.falseBytes) { return .bool(false) }
        if Self.matches(word, Self.nullBytes) { return .null }
        if Self.matches(word, Self.nanBytes) || Self.matches(word, Self.infinityBytes) {
            throw failure(.nonFiniteNumber, at: start, "JSON 不支持 NaN 或 Infinity，此处应为有限的数字")
        }
        var shown = String(decoding: word.prefix(24), as: UTF8.self)
        if word.count > 24 { shown += "…" }
        throw failure(.unexpectedCharacter, at: start,
                      "无法识别的字面量 “\(shown)”；此处应为 JSON 值（true、false、null、数字、字符串、对象或数组）")
    }

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let nanBytes: [UInt8] = Array("NaN".utf8)
    private static let infinityBytes: [UInt8] = Array("Infinity".utf8)

    @inline(__always)
    private static func matches(_ word: UnsafeBufferPointer<UInt8>, _ literal: [UInt8]) -> Bool {
        guard word.count == literal.count else { return false }
        var k = 0
        while k < word.count {
            if word[k] != literal[k] { return false }
            k += 1
        }
        return true
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        let open = i
        try enterContainer(at: open)
        i += 1
        let base = pointer.count
        var elements: [JSONValue] = []
        skipWhitespace()
        if i < end, b[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array(elements)
        }
        var index = 0
        while true {
            pointer.append(UInt8(ascii: "/"))
            Self.appendDecimal(index, to: &pointer)
            let element = try parseValue()
            elements.append(element)
            truncatePointer(to: base)
            guard try moreMembers(close: UInt8(ascii: "]"), open: open, container: "数组", member: "元素") else { break }
            index += 1
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        let open = i
        try enterContainer(at: open)
        i += 1
        let base = pointer.count
        var members: [(key: String, value: JSONValue)] = []
        var keyOffsets: [Int] = []
        var index: [ExactKey: Int]? = nil
        var ascending = true
        skipWhitespace()
        if i < end, b[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
        while true {
            skipWhitespace()
            guard i < end else {
                throw failure(.unexpectedEnd, at: i, "此处应为用双引号括起的键名，实际为文件结尾")
            }
            guard b[i] == UInt8(ascii: "\"") else {
                let hint = b[i] == UInt8(ascii: "'") ? "（键名必须使用双引号）" : ""
                throw failure(.unexpectedCharacter, at: i, "此处应为用双引号括起的键名，实际为\(describeFound(at: i))\(hint)")
            }
            let keyStart = i
            let key = try parseString()
            // While keys arrive in strictly ascending byte order (as canonical files list them),
            // none can repeat an earlier one, so no lookup is needed.
            if ascending, let last = members.last?.key, !Self.bytesPrecede(last, key) {
                ascending = false
            }
            if !ascending, let first = Self.findKey(key, in: members, index: &index) {
                let firstOffset = keyOffsets[first]
                throw failure(.duplicateKey, at: keyStart,
                              "键 “\(key)” 重复：第一次出现在\(describePosition(firstOffset))，这里（\(describePosition(keyStart))）又出现了一次")
            }
            pointer.append(UInt8(ascii: "/"))
            JSONPositionMap.appendEscapedComponent(key.utf8, to: &pointer)
            if recordPositions {
                positions.keys[currentPointer()] = position(at: keyStart)
            }
            skipWhitespace()
            guard i < end else {
                throw failure(.unexpectedEnd, at: i, "键 “\(key)” 后面应为 “:”，实际为文件结尾")
            }
            guard b[i] == UInt8(ascii: ":") else {
                throw failure(.unexpectedCharacter, at: i, "键 “\(key)” 后面应为 “:”，实际为\(describeFound(at: i))")
            }
            i += 1
            let value = try parseValue()
            members.append((key: key, value: value))
            keyOffsets.append(keyStart)
            if index != nil {
                index?[ExactKey(key)] = members.count - 1
            }
            truncatePointer(to: base)
            guard try moreMembers(close: UInt8(ascii: "}"), open: open, container: "对象", member: "成员") else { break }
        }
        depth -= 1
        return .object(JSONObject(uniqueMembers: members))
    }

    /// Index of the member with exactly the bytes of `key`; small objects scan, large ones use a hash index.
    private static func findKey(_ key: String, in members: [(key: String, value: JSONValue)], index: inout [ExactKey: Int]?) -> Int? {
        if members.count < 12 {
            return members.firstIndex { JSONObject.sameKey($0.key, key) }
        }
        if index == nil {
            var built: [ExactKey: Int] = [:]
            built.reserveCapacity(members.count * 2)
            for (n, member) in members.enumerated() {
                built[ExactKey(member.key)] = n
            }
            index = built
        }
        return index?[ExactKey(key)]
    }

    /// After an array element or object member: true after a `,` (another one follows), false
    /// after the closing bracket; anything else is an error naming what was expected.
    private mutating func moreMembers(close: UInt8, open: Int, container: String, member: String) throws(JSONParseError) -> Bool {
        let closeText = close == UInt8(ascii: "]") ? "]" : "}"
        skipWhitespace()
        guard i < end else {
            throw failure(.unexpectedEnd, at: i, "此处应为 “,” 或 “\(closeText)”，实际为文件结尾（\(container)从\(describePosition(open))开始，没有结束）")
        }
        let c = b[i]
        if c == UInt8(ascii: ",") {
            let comma = i
            i += 1
            skipWhitespace()
            if i < end, b[i] == close {
                throw failure(.trailingComma, at: comma, "\(container)最后一个\(member)后面多了逗号 “,”（JSON 不允许尾随逗号）")
            }
            return true
        }
        if c == close {
            i += 1
            return false
        }
        throw failure(c == UInt8(ascii: "/") ? .comment : .unexpectedCharacter, at: i,
                      "此处应为 “,” 或 “\(closeText)”，实际为\(describeFound(at: i))")
    }

    private mutating func enterContainer(at offset: Int) throws(JSONParseError) {
        depth += 1
        if depth > maxDepth {
            throw failure(.nestingTooDeep, at: offset, "嵌套层数超过上限 \(maxDepth) 层（数组和对象的嵌套太深）")
        }
    }

    // MARK: - Strings

    private mutating func parseString() throws(JSONParseError) -> String {
        let open = i
        i += 1
        let contentStart = i
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[contentStart..<i]), as: UTF8.self)
                i += 1
                return text
            }
            if c == UInt8(ascii: "\\") {
                return try parseEscapedString(contentStart: contentStart, open: open)
            }
            if c < 0x20 {
                throw controlCharacterError(c)
            }
            i += 1
        }
        throw failure(.unterminatedString, at: i, "字符串没有结束：从\(describePosition(open))开始的字符串缺少右双引号 “\"”")
    }

    private mutating func parseEscapedString(contentStart: Int, open: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[contentStart..<i]))
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if c < 0x20 {
                throw controlCharacterError(c)
            }
            if c != UInt8(ascii: "\\") {
                scratch.append(c)
                i += 1
                continue
            }
            let escapeStart = i
            i += 1
            guard i < end else { break }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let unit = try readHex4(escapeStart: escapeStart)
                var scalarValue = UInt32(unit)
                if unit >= 0xD800 && unit <= 0xDBFF {
                    guard i + 1 < end, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                        throw failure(.invalidSurrogate, at: escapeStart,
                                      "无效的 Unicode 转义 “\\u\(Self.hex4(unit))”：高代理项后面必须紧跟低代理项 “\\uDC00”–“\\uDFFF”")
                    }
                    let lowStart = i
                    i += 2
                    let low = try readHex4(escapeStart: lowStart)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw failure(.invalidSurrogate, at: escapeStart,
                                      "无效的 Unicode 转义 “\\u\(Self.hex4(unit))\\u\(Self.hex4(low))”：高代理项后面必须紧跟低代理项 “\\uDC00”–“\\uDFFF”")
                    }
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                } else if unit >= 0xDC00 && unit <= 0xDFFF {
                    throw failure(.invalidSurrogate, at: escapeStart,
                                  "无效的 Unicode 转义 “\\u\(Self.hex4(unit))”：单独的低代理项不是合法字符")
                }
                Self.appendUTF8(scalarValue, to: &scratch)
            default:
                i = escapeStart
                throw failure(.invalidEscape, at: escapeStart,
                              "无效的转义序列 “\\\(describeByteRaw(e))”；允许的转义为 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 和 \\uXXXX")
            }
        }
        throw failure(.unterminatedString, at: i, "字符串没有结束：从\(describePosition(open))开始的字符串缺少右双引号 “\"”")
    }

    /// Reads four hex digits after `\u` (at `i`), advancing past them.
    private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard i < end, let digit = Self.hexValue(b[i]) else {
                throw failure(.invalidEscape, at: escapeStart, "“\\u” 后面应为 4 位十六进制数字，实际为\(describeFound(at: i))")
            }
            value = value << 4 | UInt16(digit)
            i += 1
        }
        return value
    }

    private func controlCharacterError(_ c: UInt8) -> JSONParseError {
        failure(.controlCharacterInString, at: i,
                "字符串中不能直接出现控制字符 \(Self.describeControl(c))，请改用转义序列（如 “\\n”、“\\t” 或 “\\u00\(Self.hexLower(c))”）")
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = i
        if b[i] == UInt8(ascii: "-") {
            i += 1
            if i < end, b[i] == UInt8(ascii: "I") || b[i] == UInt8(ascii: "N") {
                throw failure(.nonFiniteNumber, at: start, "JSON 不支持 NaN 或 Infinity，此处应为有限的数字")
            }
        }
        guard i < end else {
            throw failure(.invalidNumber, at: i, "“-” 后面应为数字，实际为文件结尾")
        }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i < end, Self.isDigit(b[i]) {
                throw failure(.leadingZero, at: start, "数字不能以多余的 0 开头（如 “01”）")
            }
        } else if Self.isDigit(b[i]) {
            skipDigits()
        } else {
            throw failure(.invalidNumber, at: i, "“-” 后面应为数字，实际为\(describeFound(at: i))")
        }
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < end, Self.isDigit(b[i]) else {
                throw failure(.invalidNumber, at: i, "数字的小数点后面应为数字，实际为\(describeFound(at: i))")
            }
            skipDigits()
        }
        if i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                i += 1
            }
            guard i < end, Self.isDigit(b[i]) else {
                throw failure(.invalidNumber, at: i, "数字的指数部分应为数字，实际为\(describeFound(at: i))")
            }
            skipDigits()
        }
        let length = i - start
        if length > maxNumberLength {
            throw failure(.numberTooLong, at: start,
                          "数字过长：\(length) 个字符，上限为 \(maxNumberLength) 个字符；很长的数字请用字符串表示")
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        // Most numbers in a report are small integers: with at most 15 digits the value is
        // exact in binary64, so it needs no decimal-to-binary conversion.
        if let integer = Self.smallInteger(b, start, i) {
            let value = integer == 0 && b[start] == UInt8(ascii: "-") ? -0.0 : Double(integer)
            return JSONNumber(validatedText: text, double: value, integer: integer)
        }
        guard let value = Double(text), value.isFinite else {
            throw failure(.numberOutOfRange, at: start, "数字 \(text) 超出双精度浮点数（IEEE-754 binary64）的表示范围")
        }
        return JSONNumber(validatedText: text, double: value)
    }

    /// True when the UTF-8 bytes of `a` sort strictly before those of `b`.
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                var k = 0
                while k < n {
                    if x[k] != y[k] { return x[k] < y[k] }
                    k += 1
                }
                return x.count < y.count
            }
        }
    }

    /// The value of a grammatically valid number literal in `bytes[start..<end]` if it is an
    /// integer of at most 15 digits (no fraction or exponent), else nil.
    @inline(__always)
    static func smallInteger(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        let negative = bytes[start] == UInt8(ascii: "-")
        let first = negative ? start + 1 : start
        guard end - first <= 15 else { return nil }
        var value: Int64 = 0
        for k in first..<end {
            let digit = bytes[k] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return negative ? -value : value
    }

    @inline(__always)
    private mutating func skipDigits() {
        while i < end, Self.isDigit(b[i]) {
            i += 1
        }
    }

    // MARK: - Whitespace, pointer and positions

    @inline(__always)
    private mutating func skipWhitespace() {
        while i < end {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                i += 1
            } else if c == 0x0A {
                i += 1
                line += 1
                lineStart = i
                columnCacheOffset = i
                columnCacheColumn = 1
            } else {
                return
            }
        }
    }

    @inline(__always)
    private mutating func truncatePointer(to count: Int) {
        pointer.removeLast(pointer.count - count)
    }

    private func currentPointer() -> String {
        String(decoding: pointer, as: UTF8.self)
    }

    /// Position of `offset` on the current line, using an incremental column cache (amortized linear).
    private mutating func position(at offset: Int) -> SourcePosition {
        if offset < columnCacheOffset {
            columnCacheOffset = lineStart
            columnCacheColumn = 1
        }
        var k = columnCacheOffset
        var column = columnCacheColumn
        while k < offset {
            if b[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        columnCacheOffset = offset
        columnCacheColumn = column
        return SourcePosition(line: line, column: column, offset: offset)
    }

    /// Position of any offset, computed from scratch (used for errors only).
    private func absolutePosition(_ offset: Int) -> SourcePosition {
        let stop = min(max(offset, 0), end)
        var line = 1
        var start = 0
        var k = 0
        while k < stop {
            if b[k] == 0x0A {
                line += 1
                start = k + 1
            }
            k += 1
        }
        var column = 1
        k = start
        while k < stop {
            if b[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourcePosition(line: line, column: column, offset: stop)
    }

    private func describePosition(_ offset: Int) -> String {
        let p = absolutePosition(offset)
        return "第 \(p.line) 行第 \(p.column) 列"
    }

    private func failure(_ kind: JSONParseError.Kind, at offset: Int, _ message: String) -> JSONParseError {
        failure(kind, at: offset, path: currentPointer(), message)
    }

    private func failure(_ kind: JSONParseError.Kind, at offset: Int, path: String?, _ message: String) -> JSONParseError {
        let p = absolutePosition(offset)
        return JSONParseError(kind: kind, line: p.line, column: p.column, offset: p.offset, path: path, message: message)
    }

    /// Describes the character at `offset` for a message, e.g. `“]”`, `文件结尾`, `换行符`.
    private func describeFound(at offset: Int) -> String {
        guard offset < end else { return "文件结尾" }
        let c = b[offset]
        if c < 0x80 {
            if c < 0x20 || c == 0x7F { return Self.describeControl(c) }
            return " “\(describeByteRaw(c))”"
        }
        // Input is validated UTF-8 here, so decode one scalar.
        var length = 1
        if c >= 0xF0 { length = 4 } else if c >= 0xE0 { length = 3 } else if c >= 0xC0 { length = 2 }
        let stop = min(offset + length, end)
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[offset..<stop]), as: UTF8.self)
        return " “\(text)”"
    }

    private func describeByteRaw(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F {
            return String(UnicodeScalar(c))
        }
        return "\\u00" + Self.hexLower(c)
    }

    // MARK: - Byte helpers

    private static func describeControl(_ c: UInt8) -> String {
        switch c {
        case 0x0A: return "换行符（U+000A）"
        case 0x0D: return "回车符（U+000D）"
        case 0x09: return "制表符（U+0009）"
        default: return "控制字符 U+00\(hexUpper(c))"
        }
    }

    @inline(__always)
    private static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    @inline(__always)
    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || isDigit(c) || c == UInt8(ascii: "_")
    }

    @inline(__always)
    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
            return
        }
        out.append(contentsOf: String(value).utf8)
    }

    private static let hexDigitsUpper = Array("0123456789ABCDEF".utf8)
    private static let hexDigitsLower = Array("0123456789abcdef".utf8)

    private static func hexUpper(_ c: UInt8) -> String {
        String(decoding: [hexDigitsUpper[Int(c >> 4)], hexDigitsUpper[Int(c & 0xF)]], as: UTF8.self)
    }

    private static func hexLower(_ c: UInt8) -> String {
        String(decoding: [hexDigitsLower[Int(c >> 4)], hexDigitsLower[Int(c & 0xF)]], as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> String {
        "0x" + hexUpper(c)
    }

    private static func hex4(_ v: UInt16) -> String {
        hexUpper(UInt8(v >> 8)) + hexUpper(UInt8(v & 0xFF))
    }

    private static func oneDecimal(_ v: Double) -> String {
        let tenths = (v * 10).rounded()
        let whole = Int(tenths / 10)
        let frac = Int(tenths) - whole * 10
        return "\(whole).\(frac)"
    }
}

/// A dictionary key that hashes and compares a string by its exact UTF-8 bytes (no canonical equivalence).
struct ExactKey: Hashable {
    let string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
        JSONObject.sameKey(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
