/// A reason a report file cannot be read as plain UTF-8, with where it was found.
public struct EncodingProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of encoding the file seems to use.
    public enum Kind: Sendable, Equatable {
        /// UTF-8 preceded by a byte-order mark (EF BB BF).
        case utf8ByteOrderMark
        /// UTF-16, little- or big-endian (from a BOM or many NUL bytes).
        case utf16(littleEndian: Bool)
        /// UTF-32, little- or big-endian (from a BOM, or two NUL bytes in every four).
        case utf32(littleEndian: Bool)
        /// Not UTF-8, but valid GB18030 (which includes GBK and GB2312).
        case gb18030
        /// Not UTF-8 and no recognised alternative.
        case invalidUTF8
    }

    /// The guessed encoding.
    public let kind: Kind
    /// The file the bytes came from.
    public let path: String
    /// Zero-based offset of the first offending byte (the start of the bad sequence).
    public let byteOffset: Int
    /// One-based line of that byte.
    public let line: Int
    /// The offending byte itself (nil for an empty tail).
    public let byte: UInt8?

    /// What is wrong, in Simplified Chinese, without naming the file (for messages that already do).
    public var detail: String {
        let place = "第 \(line) 行，字节偏移 \(byteOffset)"
        let hex = byte.map { "0x" + ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) } ?? ""
        switch kind {
        case .utf8ByteOrderMark:
            return "以 UTF-8 BOM（EF BB BF）开头；年报文件应为不带 BOM 的 UTF-8，请删除开头的 BOM"
        case .utf16(let little):
            return "不是 UTF-8 编码，看起来是 UTF-16（\(little ? "小端" : "大端")）编码"
                + "（\(place)）；请另存为 UTF-8，例如：iconv -f UTF-16 -t UTF-8"
        case .utf32(let little):
            return "不是 UTF-8 编码，看起来是 UTF-32（\(little ? "小端" : "大端")）编码"
                + "（\(place)）；请另存为 UTF-8，例如：iconv -f UTF-32 -t UTF-8"
        case .gb18030:
            return "不是 UTF-8 编码，看起来是 GBK/GB18030 编码（\(place)首次出现无效字节 \(hex)）；"
                + "请先转换为 UTF-8，例如：iconv -f GB18030 -t UTF-8"
        case .invalidUTF8:
            return "不是有效的 UTF-8 编码（\(place)出现无效字节 \(hex)）"
        }
    }

    /// The Simplified Chinese message for the user, naming the file.
    public var message: String { "文件 \(path) \(detail)" }

    public var description: String { message }
}

/// Detects report files that are not UTF-8 (GBK/GB18030, UTF-16) or carry a UTF-8 BOM.
public enum TextEncodingCheck {
    /// Returns nil for clean UTF-8 without a BOM, else what is wrong and where.
    public static func check(_ bytes: [UInt8], path: String) -> EncodingProblem? {
        func problem(_ kind: EncodingProblem.Kind, at offset: Int) -> EncodingProblem {
            EncodingProblem(
                kind: kind, path: path, byteOffset: offset, line: lineNumber(bytes, offset),
                byte: offset < bytes.count ? bytes[offset] : nil)
        }
        // The UTF-32LE mark FF FE 00 00 starts like the UTF-16LE one: test it first.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return problem(.utf32(littleEndian: true), at: 0) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return problem(.utf32(littleEndian: false), at: 0) }
        if let utf32 = utf32WithoutBOM(bytes) { return problem(.utf32(littleEndian: utf32), at: utf32 ? 2 : 0) }
        if bytes.starts(with: [0xFF, 0xFE]) { return problem(.utf16(littleEndian: true), at: 0) }
        if bytes.starts(with: [0xFE, 0xFF]) { return problem(.utf16(littleEndian: false), at: 0) }
        if let utf16 = utf16WithoutBOM(bytes) { return problem(.utf16(littleEndian: utf16.littleEndian), at: utf16.firstNUL) }

        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if let bad = firstInvalidUTF8(bytes, from: hasBOM ? 3 : 0) {
            return problem(looksLikeGB18030(bytes) ? .gb18030 : .invalidUTF8, at: bad)
        }
        return hasBOM ? problem(.utf8ByteOrderMark, at: 0) : nil
    }

    /// One-based line number of a byte offset (counting LF bytes before it).
    static func lineNumber(_ bytes: [UInt8], _ offset: Int) -> Int {
        var line = 1
        for byte in bytes[0..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
        return line
    }

    /// UTF-16 without a BOM: at least a quarter of the first 4 KiB are NULs, mostly on one parity.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> (littleEndian: Bool, firstNUL: Int)? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 2 else { return nil }
        var even = 0, odd = 0
        var first: Int?
        for (index, byte) in sample.enumerated() where byte == 0 {
            if first == nil { first = index }
            if index % 2 == 0 { even += 1 } else { odd += 1 }
        }
        guard let first, (even + odd) * 4 >= sample.count else { return nil }
        // ASCII in UTF-16LE is "x\0": the NULs sit at odd offsets.
        return (odd >= even, first)
    }

    /// UTF-32 without a BOM: in the first 4 KiB (whole 4-byte units), the two high bytes of every
    /// unit are zero (every character of a report is below U+10000 or at most U+10FFFF, so the top
    /// byte is always zero and the next nearly always). Returns true for little-endian.
    static func utf32WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let count = min(bytes.count, 4096) / 4 * 4
        guard count >= 4 else { return nil }
        var little = true, big = true
        var nonZero = false
        var i = 0
        while i < count, little || big {
            if bytes[i + 2] != 0 || bytes[i + 3] != 0 { little = false }
            if bytes[i] != 0 || bytes[i + 1] != 0 { big = false }
            if bytes[i] != 0 || bytes[i + 3] != 0 { nonZero = true }
            i += 4
        }
        guard nonZero else { return nil }
        if little { return true }
        if big { return false }
        return nil
    }

    /// Offset of the first byte of the first ill-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // bounds for the second byte
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F  // no surrogates
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F  // at most U+10FFFF
            default: return i
            }
            guard i + length <= n else { return i }
            guard (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += length
        }
        return nil
    }

    /// Whether the whole buffer is valid GB18030 with at least one multi-byte character.
    static func looksLikeGB18030(_ bytes: [UInt8]) -> Bool {
        var i = 0
        var multiByte = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(b), i + 1 < n else { return false }
            let second = bytes[i + 1]
            if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                i += 2
            } else if (0x30...0x39).contains(second), i + 3 < n,
                      (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                i += 4
            } else {
                return false
            }
            multiByte += 1
        }
        return multiByte > 0
    }
}
