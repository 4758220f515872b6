/// A position in source text: 1-based line and column (column counted in Unicode scalars) and 0-based byte offset.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number; lines end at LF.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int
    /// 0-based byte offset into the UTF-8 input.
    public var offset: Int

    /// Creates a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column`.
    public var description: String {
        "\(line):\(column)"
    }
}

/// Source positions of parsed values and object keys, keyed by RFC 6901 JSON Pointer (`""` is the root).
public struct JSONPositionMap: Sendable, Equatable {
    /// Position of the first byte of each value, by JSON Pointer.
    public internal(set) var values: [String: SourcePosition] = [:]
    /// Position of the opening quote of each object key, by the JSON Pointer of its member.
    public internal(set) var keys: [String: SourcePosition] = [:]

    /// An empty map.
    public init() {}

    /// Position of the value at `pointer`.
    public subscript(pointer: String) -> SourcePosition? {
        values[pointer]
    }

    /// Position of the key of the member at `pointer`.
    public func keyPosition(_ pointer: String) -> SourcePosition? {
        keys[pointer]
    }

    /// Builds a JSON Pointer from path components, escaping `~` as `~0` and `/` as `~1`.
    public static func pointer(_ components: [String]) -> String {
        var bytes: [UInt8] = []
        for component in components {
            bytes.append(UInt8(ascii: "/"))
            appendEscapedComponent(component.utf8, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one pointer component with RFC 6901 escaping.
    @inline(__always)
    static func appendEscapedComponent(_ component: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in component {
            if byte == UInt8(ascii: "~") {
                bytes.append(UInt8(ascii: "~"))
                bytes.append(UInt8(ascii: "0"))
            } else if byte == UInt8(ascii: "/") {
                bytes.append(UInt8(ascii: "~"))
                bytes.append(UInt8(ascii: "1"))
            } else {
                bytes.append(byte)
            }
        }
    }
}
